import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { loader as rootLoader } from "~/root";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { withRequestMemo } from "~/web/request-memo.server";
import { getDb, statementCount } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { loader as recordLoader } from "./people.$serviceUserId";
import { loader as planLoader } from "./people.$serviceUserId.plan._index";

/**
 * Issue 17 item 1: Sam's plan page is a handful of statements, not dozens. The three loaders run
 * as the server runs them: together, in one request's scope, each with its own copy of the
 * Request (Remix makes one per loader), so the session and grants are read once for all three.
 */
const MAX_STATEMENTS = 14;

async function planPageStatements(cookie: string, serviceUserId: string): Promise<number> {
  const copy = () => new Request(`http://localhost/people/${serviceUserId}/plan`, { headers: { Cookie: cookie } });
  const params = { serviceUserId };
  const context = { cspNonce: "n", clientAddress: "192.0.2.1" };
  const before = statementCount();
  const responses = await withRequestMemo(() =>
    Promise.all([
      rootLoader({ request: copy(), params: {}, context }),
      recordLoader({ request: copy(), params, context }),
      planLoader({ request: copy(), params, context }),
    ]),
  );
  const after = statementCount();
  for (const response of responses) expect(response.status).toBe(200);
  return after - before;
}

describe("statements per page", () => {
  it("Sam's plan page reads the session, his relationships and grants once, in a handful of statements", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    const token = await createSession(getDb(), (await actorFor(demoPeople.sam.email)).accountId);
    const cookie = `${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`;
    const first = await planPageStatements(cookie, sam);
    const again = await planPageStatements(cookie, sam);
    expect(first).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(again).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});
