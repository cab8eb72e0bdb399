import { describe, expect, it } from "vitest";
import { supportRequests } from "#db/schema/index";
import { demoCoordinator, demoPeople, seedDemoData } from "#db/seed";
import { seedScale } from "#db/seed-scale";
import { loader as rootLoader } from "~/root";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { withRequestMemo } from "~/web/request-memo.server";
import { getDb, statementCount } from "~/utils/db.server";
import { actorFor } from "../../tests/support/actors";
import { truncateAll } from "../../tests/support/test-db";
import { loader as caseloadLoader } from "./staff._index";
import { loader as queueLoader } from "./staff.requests";

/**
 * Issue 17: Jo's caseload and her team's request queue are a handful of statements a request,
 * however many people she works with (the caseload was about 4 for each person: 183 for 40 people).
 * Each page runs as the server runs it: the root loader and the page's loader together, in one
 * request's scope, each with its own copy of the Request.
 */
const MAX_CASELOAD_STATEMENTS = 17;
const MAX_QUEUE_STATEMENTS = 7;

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

async function pageStatements<T>(path: string, loader: Loader): Promise<{ statements: number; data: T }> {
  const token = await createSession(getDb(), (await actorFor(demoPeople.jo.email)).accountId);
  const cookie = `${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`;
  const copy = () => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const context = { cspNonce: "n", clientAddress: "192.0.2.1" };
  const before = statementCount();
  const responses = await withRequestMemo(() => Promise.all([rootLoader({ request: copy(), params: {}, context }), loader({ request: copy(), params: {}, context })]));
  const after = statementCount();
  for (const response of responses) expect(response.status).toBe(200);
  return { statements: after - before, data: (await responses[1]!.json()) as T };
}

/** The demo people, with `extra` generated people on Jo's caseload besides Sam. */
async function seedWithCaseload(extra: number): Promise<void> {
  await truncateAll();
  await seedDemoData(getDb());
  if (extra) await seedScale(getDb(), { people: extra, seed: 17, jo: await demoCoordinator(getDb()) });
}

describe("statements per staff page", () => {
  it("Jo's caseload is the same few statements for 13 people as for 40, and no more for 1", async () => {
    const sizes = [0, 12, 39];
    const counts: number[] = [];
    for (const extra of sizes) {
      await seedWithCaseload(extra);
      const page = await pageStatements<{ caseload: unknown[] }>("/staff", caseloadLoader as Loader);
      expect(page.data.caseload).toHaveLength(extra + 1);
      counts.push(page.statements);
    }
    // One person (Sam) needs two fewer: the attention counts name nobody and look up no request's history.
    for (const count of counts) expect(count, `statements for ${sizes.map((s) => s + 1).join(", ")} people: ${counts.join(", ")}`).toBeLessThanOrEqual(MAX_CASELOAD_STATEMENTS);
    expect(counts[2], `statements for 13 and 40 people: ${counts[1]}, ${counts[2]}`).toBe(counts[1]);
  });

  it("the request queue is the same few statements for 44 open requests as for 4", async () => {
    await seedWithCaseload(39);
    const few = await pageStatements<{ requests: unknown[] }>("/staff/requests", queueLoader as Loader);
    const jo = await actorFor(demoPeople.jo.email);
    const people = jo.relationships.filter((r) => r.kind === "care_team_member_of");
    expect(people).toHaveLength(40);
    await getDb()
      .insert(supportRequests)
      .values(people.map((p) => ({ serviceUserId: p.serviceUserId, kind: "format" as const, details: { format: "easy_read", document: "care_plan" }, createdBy: jo.accountId })));
    const many = await pageStatements<{ requests: unknown[] }>("/staff/requests", queueLoader as Loader);
    expect(many.data.requests).toHaveLength(few.data.requests.length + people.length);
    expect(few.statements, `statements for ${few.data.requests.length} requests`).toBeLessThanOrEqual(MAX_QUEUE_STATEMENTS);
    expect(many.statements, `statements for ${few.data.requests.length} and ${many.data.requests.length} requests: ${few.statements}, ${many.statements}`).toBe(few.statements);
  });
});
