import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { accounts, auditEvents } from "#db/schema/index";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./access.server";
import { ACCESS_LOG_PAGE_SIZE, getAccessLog } from "./access-log.server";
import { recordAudit } from "./audit.server";
import { addGoal } from "./goals.server";
import { getPlanView } from "./plan.server";

const goal = { what: "Go back to the allotment", why: "", firstStep: "", whoCanHelp: "", targetDate: null };

async function accountId(email: string): Promise<string> {
  const [a] = await getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return a!.id;
}

describe("who has looked at my record", () => {
  it("shows Sam who read and changed his record, newest first, in plain phrases with the basis; not his own reads", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const [samActor, jo, alex, priya] = await Promise.all([demoPeople.sam, demoPeople.jo, demoPeople.alex, demoPeople.priya].map((p) => actorFor(p.email)));
    await getPlanView(getDb(), samActor!, sam);
    // Sam's own change is in the audit log, but not in what others have done.
    await addGoal(getDb(), samActor!, sam, goal);
    await getPlanView(getDb(), jo!, sam, undefined, "crisis");
    await getPlanView(getDb(), alex!, sam);
    await addGoal(getDb(), priya!, sam, goal);
    const log = await getAccessLog(getDb(), samActor!, sam);
    const rows = log.entries.map((e) => [e.name, e.role, e.kind, e.phrase, e.basis]);
    expect(rows.slice(0, 3)).toEqual([
      ["Priya Shah", "advocate", "change", "goal", "acting_for"],
      // Alex may see only the crisis plan (and the care team): he looked at the crisis plan.
      ["Alex Taylor", "carer", "read", "crisis", "consent"],
      ["Jo Okafor", "coordinator", "read", "crisis", "care_team"],
    ]);
    expect(log.entries.some((e) => e.name === "Sam Taylor")).toBe(false);
    // Sam looking at his own log is not in it.
    await getAccessLog(getDb(), samActor!, sam);
    const reads = await getDb().select().from(auditEvents).where(and(eq(auditEvents.serviceUserId, sam), eq(auditEvents.recordType, "access_log")));
    expect(reads).toEqual([]);
  });

  it("the person, someone acting for them, their care team and the admin see it; a carer, other staff and others get not found", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await recordId("Maya Rahman");
    for (const who of ["sam", "priya", "jo", "rowan"] as const) {
      await expect(getAccessLog(getDb(), await actorFor(demoPeople[who].email), sam)).resolves.toBeTruthy();
    }
    for (const who of ["alex", "tom", "maya"] as const) {
      await expect(getAccessLog(getDb(), await actorFor(demoPeople[who].email), sam)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getAccessLog(getDb(), await actorFor(demoPeople.rowan.email), "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // Someone else looking at the log is in it, with their basis: the admin's is "admin".
    const log = await getAccessLog(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(log.entries.filter((e) => e.phrase === "accessLog").map((e) => [e.name, e.role, e.basis])).toEqual([
      ["Rowan Price", "admin", "admin"],
      ["Jo Okafor", "coordinator", "care_team"],
      ["Priya Shah", "advocate", "consent"],
    ]);
    expect((await getAccessLog(getDb(), await actorFor(demoPeople.maya.email), maya)).entries).toEqual([]);
  });

  it("pages 25 at a time, and filters by who looked and by month on the clocks in England", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const alex = await actorFor(demoPeople.alex.email);
    for (let i = 0; i < 30; i++) await recordAudit(getDb(), jo, { action: "read", serviceUserId: sam, recordType: "goal" });
    await recordAudit(getDb(), alex, { action: "read", serviceUserId: sam, recordType: "care_plan", part: "crisis" });
    // 23:30 on 30 November in London (GMT) is November; 00:30 on 1 July (BST) is July, not June.
    await getDb().insert(auditEvents).values([
      { actorAccountId: jo.accountId, capacity: "care_team_member_of", serviceUserId: sam, action: "plan.write", at: new Date("2025-11-30T23:30:00Z") },
      { actorAccountId: jo.accountId, capacity: "care_team_member_of", serviceUserId: sam, action: "a.new.kind", at: new Date("2025-06-30T23:30:00Z") },
    ]);
    const samActor = await actorFor(demoPeople.sam.email);
    const first = await getAccessLog(getDb(), samActor, sam);
    expect(first.total).toBe(33);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    expect(first.entries[0]!.name).toBe("Alex Taylor");
    const second = await getAccessLog(getDb(), samActor, sam, { page: 2 });
    expect(second.entries).toHaveLength(33 - ACCESS_LOG_PAGE_SIZE);
    expect(second.entries.at(-1)).toMatchObject({ kind: "change", phrase: "record" });
    // A page past the end shows the last one.
    expect((await getAccessLog(getDb(), samActor, sam, { page: 99 })).page).toBe(2);

    expect(first.people.map((p) => p.name)).toEqual(["Alex Taylor", "Jo Okafor"]);
    expect(first.months.slice(-2)).toEqual(["2025-11", "2025-07"]);
    const alexOnly = await getAccessLog(getDb(), samActor, sam, { who: await accountId(demoPeople.alex.email) });
    expect(alexOnly.entries.map((e) => e.name)).toEqual(["Alex Taylor"]);
    expect((await getAccessLog(getDb(), samActor, sam, { who: "not-an-id" })).entries).toEqual([]);
    const november = await getAccessLog(getDb(), samActor, sam, { month: "2025-11" });
    expect(november.entries.map((e) => [e.kind, e.phrase])).toEqual([["change", "plan"]]);
    expect((await getAccessLog(getDb(), samActor, sam, { month: "2025-06" })).entries).toEqual([]);
    // A month that is not one is no filter at all.
    expect((await getAccessLog(getDb(), samActor, sam, { month: "2025-13" })).total).toBe(33);
  });

  it("records the basis a staff-recorded grant gives: best interests", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await actorFor(demoPeople.alex.email);
    const { relationships, sharingGrants } = await import("#db/schema/index");
    const [rel] = await getDb()
      .select({ id: relationships.id })
      .from(relationships)
      .where(and(eq(relationships.serviceUserId, sam), eq(relationships.kind, "carer_of")));
    await getDb().update(sharingGrants).set({ basis: "best_interests" }).where(eq(sharingGrants.relationshipId, rel!.id));
    await getPlanView(getDb(), alex, sam);
    const log = await getAccessLog(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(log.entries[0]).toMatchObject({ name: "Alex Taylor", basis: "best_interests" });
  });
});
