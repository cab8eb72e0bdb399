import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { loader as rootLoader } from "~/root";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { withRequestMemo } from "~/web/request-memo.server";
import { setFlash } from "~/web/saves.server";
import { getDb, statementCount } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { loader as recordLoader } from "./people.$serviceUserId";
import { loader as planLoader } from "./people.$serviceUserId.plan._index";

/**
 * Issue 17 item 1: Sam's plan page is a handful of statements, not dozens. The three loaders run
 * as the server runs them: together, in one request's scope, each with its own copy of the
 * Request (Remix makes one per loader), so the session and grants are read once for all three.
 */
const MAX_STATEMENTS = 13;

async function planPageStatements(cookie: string, serviceUserId: string): Promise<{ statements: number; flash: unknown; crisisPlan: unknown }> {
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
  const root = (await responses[0]!.json()) as { flash: { message: string } | null; crisisPlan: unknown };
  return { statements: after - before, flash: root.flash?.message ?? null, crisisPlan: root.crisisPlan };
}

describe("statements per page", () => {
  it("Sam's plan page reads the session, his relationships and grants once, in a handful of statements", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    const token = await createSession(getDb(), (await actorFor(demoPeople.sam.email)).accountId);
    const cookie = `${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`;
    const first = await planPageStatements(cookie, sam);
    const again = await planPageStatements(cookie, sam);
    expect(first.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(again.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it("Sam's plan page as his care coordinator, his carer and his advocate: his name read once for the header and the record", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    // Jo: the communication needs flag (2) and an audit row; Alex sees less of the plan; Priya reads what he shares with her.
    const most = { jo: 16, alex: 9, priya: 15 } as const;
    for (const [who, max] of Object.entries(most) as [keyof typeof most, number][]) {
      const token = await createSession(getDb(), (await actorFor(demoPeople[who].email)).accountId);
      const { statements, crisisPlan } = await planPageStatements(`${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`, sam);
      expect(statements, who).toBeLessThanOrEqual(max);
      // The header's link to the crisis plan Sam shares still names him.
      expect(crisisPlan, who).toEqual(who === "jo" ? null : { kind: "other", serviceUserId: sam, displayName: "Sam Taylor" });
    }
  });

  it("a message left by the last save is read with the session: one statement more, shown once", async () => {
    await seedDemoData(getDb());
    const sam = await recordId(demoPeople.sam.displayName);
    const token = await createSession(getDb(), (await actorFor(demoPeople.sam.email)).accountId);
    const cookie = `${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`;
    const none = await planPageStatements(cookie, sam);
    await setFlash(getDb(), new Request("http://localhost/", { headers: { Cookie: cookie } }), "goalSaved");
    const withFlash = await planPageStatements(cookie, sam);
    const after = await planPageStatements(cookie, sam);
    expect(none.flash).toBeNull();
    expect(withFlash.flash).toBe("goalSaved");
    expect(withFlash.statements).toBe(none.statements + 1);
    expect(after.flash).toBeNull();
    expect(after.statements).toBe(none.statements);
  });
});
