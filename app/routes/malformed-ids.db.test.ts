import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import * as coordinator from "./people.$serviceUserId.plan.coordinator";
import * as goal from "./people.$serviceUserId.goals.$goalId";
import * as version from "./people.$serviceUserId.plan.versions.$version";

/**
 * Issue 16 item 6: a malformed id or an absurd number in an address or a form is the 404 page,
 * never a 500 (PostgreSQL refuses "abc" as a uuid and 3000000000 as an integer).
 */
async function signedIn(email: string) {
  const token = await createSession(getDb(), (await actorFor(email)).accountId);
  const cookie = `${SESSION_COOKIE}=${token}; csrf=${"c".repeat(43)}`;
  const csrf = csrfForRequest(new Request("http://localhost/", { headers: { Cookie: cookie } })).token;
  return {
    get: (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }),
    post: (path: string, fields: Record<string, string>) =>
      new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...fields, csrf }),
      }),
  };
}

async function statusOf(work: () => Promise<unknown>): Promise<number> {
  try {
    const result = await work();
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    return 500;
  }
}

describe("malformed ids and absurd numbers are not found", () => {
  it.each(["3000000000", "99999999999", "1.5", "1e3", "-1", "0", "0x10", "abc", ""])("plan version %j", async (n) => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const as = await signedIn(demoPeople.sam.email);
    const params = { serviceUserId: sam, version: n };
    const path = `/people/${sam}/plan/versions/${n}`;
    expect(await statusOf(() => version.loader({ request: as.get(path), params, context: {} }))).toBe(404);
    expect(
      await statusOf(() => version.action({ request: as.post(path, { agreement: "agree", comment: "Fine" }), params, context: {} })),
    ).toBe(404);
  });

  it("a real plan version still opens", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const as = await signedIn(demoPeople.sam.email);
    const params = { serviceUserId: sam, version: "1" };
    expect(await statusOf(() => version.loader({ request: as.get(`/people/${sam}/plan/versions/1`), params, context: {} }))).toBe(200);
  });

  it("a record id that is not one, even for staff", async () => {
    await seedDemoData(getDb());
    const as = await signedIn(demoPeople.jo.email);
    for (const serviceUserId of ["not-a-uuid", "3000000000", "%00"]) {
      const params = { serviceUserId, version: "1" };
      expect(await statusOf(() => version.loader({ request: as.get(`/people/${serviceUserId}/plan/versions/1`), params, context: {} }))).toBe(404);
    }
  });

  it("a goal id that is not one", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const as = await signedIn(demoPeople.sam.email);
    for (const goalId of ["not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g"]) {
      const params = { serviceUserId: sam, goalId };
      expect(await statusOf(() => goal.loader({ request: as.get(`/people/${sam}/goals/${goalId}`), params, context: {} }))).toBe(404);
    }
  });

  it("a coordinator change naming a malformed account id", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const as = await signedIn(demoPeople.jo.email);
    const request = as.post(`/people/${sam}/plan/coordinator`, {
      accountId: "not-an-account",
      role: "Care coordinator",
      organisation: "Community mental health team",
      contact: "01632 960000",
      reason: "Moving teams",
      "effectiveOn.day": "1",
      "effectiveOn.month": "1",
      "effectiveOn.year": "2030",
    });
    expect(await statusOf(() => coordinator.action({ request, params: { serviceUserId: sam }, context: {} }))).toBe(404);
  });
});
