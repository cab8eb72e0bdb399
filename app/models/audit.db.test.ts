import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/index";
import { demoPeople, DEMO_PASSWORD, seedDemoData } from "#db/seed";
import { action as logout } from "~/routes/logout";
import { loader as caseloadPage } from "~/routes/staff._index";
import { loader as requestQueuePage } from "~/routes/staff.requests";
import { loader as attentionPage } from "~/routes/staff.attention";
import { loader as nextReviewFile } from "~/routes/people.$serviceUserId.plan.next-review[.]ics";
import { loader as planPage } from "~/routes/people.$serviceUserId.plan._index";
import { loader as inviteStaffPage } from "~/routes/staff.invitations.new";
import { createSession, SESSION_COOKIE } from "~/web/auth.server";
import { csrfForRequest } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { signIn } from "./account.server";
import { recordAudit } from "./audit.server";
import { purgeExpired } from "./housekeeping.server";
import { requestFormat } from "./requests.server";

const address = "192.0.2.7";
const auditRows = () => getDb().select().from(auditEvents).orderBy(asc(auditEvents.id));
const rowsFor = async (action: string) => (await auditRows()).filter((r) => r.action === action);

/** A GET with a live session for this demo person, as a browser would send it. */
async function signedInGet(email: string, url: string): Promise<Request> {
  const token = await createSession(getDb(), (await actorFor(email)).accountId);
  return new Request(url, { headers: { Cookie: `${SESSION_COOKIE}=${token}` } });
}

/** Run a loader; a thrown Response (the 404 page, say) is returned instead. */
async function load(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the audit log is append-only", () => {
  it("refuses UPDATE and DELETE of audit rows, by drizzle and by plain SQL, and still takes new rows", async () => {
    await seedDemoData(getDb());
    await recordAudit(getDb(), null, { action: "test.event" });
    const [row] = await rowsFor("test.event");
    expect(row).toBeDefined();
    await expect(getDb().update(auditEvents).set({ action: "changed" }).where(eq(auditEvents.id, row!.id))).rejects.toThrow();
    await expect(getDb().delete(auditEvents).where(eq(auditEvents.id, row!.id))).rejects.toThrow();
    await expect(getDb().execute(sql`UPDATE audit_events SET details = '{}'::jsonb`)).rejects.toThrow();
    await expect(getDb().execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    expect((await rowsFor("test.event")).map((r) => [r.id, r.action, r.details])).toEqual([[row!.id, "test.event", null]]);
    await recordAudit(getDb(), null, { action: "test.event" });
    expect(await rowsFor("test.event")).toHaveLength(2);
  });

  it("housekeeping purges what has expired without touching the audit log", async () => {
    await seedDemoData(getDb());
    await signIn(getDb(), { email: demoPeople.sam.email, password: "wrong-guess", address });
    await signIn(getDb(), { email: demoPeople.sam.email, password: DEMO_PASSWORD, address });
    await createSession(getDb(), (await actorFor(demoPeople.sam.email)).accountId, new Date(Date.now() - 3 * 24 * 60 * 60 * 1000));
    const before = await auditRows();
    const purged = await purgeExpired(getDb(), new Date(Date.now() + 2 * 24 * 60 * 60 * 1000));
    expect(purged.sessions).toBeGreaterThan(0);
    // The address's counter (the right password cleared the pair's, decision 037).
    expect(purged.attempts).toBe(1);
    expect(await auditRows()).toEqual(before);
  });
});

describe("signing in and out is audited", () => {
  it("records a sign-in with the account, and a failure with only the id of the account the email matched", async () => {
    await seedDemoData(getDb());
    const sam = await actorFor(demoPeople.sam.email);
    expect((await signIn(getDb(), { email: demoPeople.sam.email, password: DEMO_PASSWORD, address })).status).toBe("ok");
    expect((await rowsFor("sign_in")).map((r) => [r.actorAccountId, r.capacity, r.recordType, r.recordId])).toEqual([
      [sam.accountId, "self", "account", sam.accountId],
    ]);

    await signIn(getDb(), { email: ` ${demoPeople.sam.email.toUpperCase()} `, password: "Wrong horse battery", address });
    await signIn(getDb(), { email: "nobody.here@example.org", password: "Another secret guess", address });
    expect((await rowsFor("sign_in.failed")).map((r) => [r.actorAccountId, r.capacity, r.recordType, r.recordId, r.details])).toEqual([
      [null, "anonymous", "account", sam.accountId, { reason: "invalid" }],
      [null, "anonymous", null, null, { reason: "invalid" }],
    ]);
    // Never what was typed: no password, no email.
    const everything = JSON.stringify(await auditRows()).toLowerCase();
    for (const typed of ["wrong horse battery", "another secret guess", DEMO_PASSWORD.toLowerCase(), "nobody.here", demoPeople.sam.email.toLowerCase()]) {
      expect(everything).not.toContain(typed);
    }
  });

  it("records refusals once the account and address are locked out", async () => {
    await seedDemoData(getDb());
    const sam = await actorFor(demoPeople.sam.email);
    for (let i = 0; i < 11; i++) {
      await signIn(getDb(), { email: demoPeople.sam.email, password: `guess ${i}`, address }, new Date(), { sleep: async () => {} });
    }
    const failed = await rowsFor("sign_in.failed");
    expect(failed).toHaveLength(11);
    expect(failed.every((r) => r.recordId === sam.accountId && r.actorAccountId === null)).toBe(true);
    expect(failed.map((r) => (r.details as { reason: string }).reason).slice(-2)).toEqual(["locked", "locked"]);
  });

  it("records a sign-out with the account that signed out", async () => {
    await seedDemoData(getDb());
    const sam = await actorFor(demoPeople.sam.email);
    const signedIn = await signedInGet(demoPeople.sam.email, "http://localhost/");
    const cookie = `${signedIn.headers.get("Cookie")}; csrf=${"c".repeat(43)}`;
    const { token } = csrfForRequest(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    const response = await logout({
      request: new Request("http://localhost/logout", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf: token }),
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(302);
    expect((await rowsFor("sign_out")).map((r) => [r.actorAccountId, r.recordId])).toEqual([[sam.accountId, sam.accountId]]);
  });
});

describe("refused access is audited", () => {
  it("records who asked for which record when the guard answers 404, even for an id that names nobody", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await actorFor(demoPeople.maya.email);
    const nobody = randomUUID();
    for (const id of [sam, nobody]) {
      const request = await signedInGet(demoPeople.maya.email, `http://localhost/people/${id}/plan`);
      const answer = await load(() => planPage({ request, params: { serviceUserId: id }, context: {} }));
      expect((answer as Response).status).toBe(404);
    }
    expect((await rowsFor("access.refused")).map((r) => [r.actorAccountId, r.serviceUserId, r.recordType, r.recordId])).toEqual([
      [maya.accountId, null, "service_user", sam],
      [maya.accountId, null, "service_user", nobody],
    ]);
    // Maya reading her own plan is neither refused nor a read by another.
    const own = await recordId("Maya Rahman");
    await planPage({ request: await signedInGet(demoPeople.maya.email, `http://localhost/people/${own}/plan`), params: { serviceUserId: own }, context: {} });
    expect(await rowsFor("access.refused")).toHaveLength(2);
  });

  it("records a staff page refused to someone who is not staff", async () => {
    await seedDemoData(getDb());
    const sam = await actorFor(demoPeople.sam.email);
    const answer = await load(async () => caseloadPage({ request: await signedInGet(demoPeople.sam.email, "http://localhost/staff"), params: {}, context: {} }));
    expect((answer as Response).status).toBe(404);
    expect((await rowsFor("access.refused")).map((r) => [r.actorAccountId, r.recordType, r.recordId, r.details])).toEqual([
      [sam.accountId, "page", "/staff", { role: "staff" }],
    ]);
  });
});

describe("refused access to an organisation page is audited", () => {
  it("records the invitation page refused to a carer", async () => {
    await seedDemoData(getDb());
    const alex = await actorFor(demoPeople.alex.email);
    const request = await signedInGet(demoPeople.alex.email, "http://localhost/staff/invitations/new");
    const answer = await load(() => inviteStaffPage({ request, params: {}, context: {} }));
    expect((answer as Response).status).toBe(404);
    expect((await rowsFor("access.refused")).map((r) => [r.actorAccountId, r.recordType, r.recordId, r.details])).toEqual([
      [alex.accountId, "organisation", null, { action: "invitation.create" }],
    ]);
  });
});

describe("reads from the staff pages and the calendar file are audited", () => {
  it("the caseload records a read of each person on it", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    await caseloadPage({ request: await signedInGet(demoPeople.jo.email, "http://localhost/staff"), params: {}, context: {} });
    const reads = (await rowsFor("read")).filter((r) => r.recordType === "caseload");
    expect(reads.map((r) => [r.actorAccountId, r.serviceUserId, r.capacity])).toEqual([[jo.accountId, sam, "care_team_member_of"]]);
  });

  it("the request queue records a read of each request in it", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    const id = await requestFormat(getDb(), await actorFor(demoPeople.sam.email), sam, {
      document: "plan",
      format: "easy_read",
      attachmentFormat: "",
      delivery: "post",
    });
    await requestQueuePage({ request: await signedInGet(demoPeople.jo.email, "http://localhost/staff/requests"), params: {}, context: {} });
    const reads = (await rowsFor("read")).filter((r) => r.recordType === "support_request");
    expect(reads.map((r) => [r.actorAccountId, r.serviceUserId, r.recordId])).toEqual([[jo.accountId, sam, id]]);
  });

  it("the attention page records a read of each person it is about", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    await requestFormat(getDb(), await actorFor(demoPeople.sam.email), sam, { document: "plan", format: "easy_read", attachmentFormat: "", delivery: "post" });
    await attentionPage({ request: await signedInGet(demoPeople.jo.email, "http://localhost/staff/attention"), params: {}, context: {} });
    const reads = (await rowsFor("read")).filter((r) => r.recordType === "attention");
    expect(reads.map((r) => [r.actorAccountId, r.serviceUserId])).toEqual([[jo.accountId, sam]]);
  });

  it("the next-review calendar file records a read by anyone but the person", async () => {
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    const sam = await recordId("Sam Taylor");
    const url = `http://localhost/people/${sam}/plan/next-review.ics`;
    const response = (await nextReviewFile({ request: await signedInGet(demoPeople.jo.email, url), params: { serviceUserId: sam }, context: {} })) as Response;
    expect(response.status).toBe(200);
    const reads = (await rowsFor("read")).filter((r) => r.recordType === "next_review");
    expect(reads.map((r) => [r.actorAccountId, r.serviceUserId])).toEqual([[jo.accountId, sam]]);
    expect(reads[0]!.recordId).toMatch(/^[0-9a-f-]{36}$/);
    // Sam's own download is not a read by another.
    await nextReviewFile({ request: await signedInGet(demoPeople.sam.email, url), params: { serviceUserId: sam }, context: {} });
    expect((await rowsFor("read")).filter((r) => r.recordType === "next_review")).toHaveLength(1);
  });
});
