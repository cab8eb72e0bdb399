import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, decisionConsultees, personalStatements } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import {
  addConsultee,
  getDecisionsOverview,
  listStatementVersions,
  markAttorneyRegistered,
  planDecisionsSummary,
  recordAdvanceDecision,
  recordBestInterests,
  removeAttorney,
  removeConsultee,
  saveAttorney,
  saveNominatedPerson,
  writeStatement,
  type AttorneyCheckState,
} from "./decisions.server";
import { ConflictError, NotFoundError } from "./access.server";

type Person = keyof typeof demoPeople;
const bestInterests = {
  decision: "Whether to move to supported housing",
  decidedOn: "2026-03-03",
  consulted: "Alex (brother)",
  lessRestrictive: "More visits at home",
  outcome: "A four-week trial stay",
};
const attorney = { kind: "lpa" as const, names: "Alex Taylor", covers: "Care and treatment", lifeSustaining: "not_sure" as const, opgReference: "" };

// Who may do what with Sam's decisions: read (the overview), write (his own words), manage (staff records).
const table: [Person, { read: boolean; write: boolean; manage: boolean }][] = [
  ["sam", { read: true, write: true, manage: false }],
  ["priya", { read: true, write: true, manage: false }],
  ["jo", { read: true, write: false, manage: true }],
  ["alex", { read: false, write: false, manage: false }],
  ["maya", { read: false, write: false, manage: false }],
  ["tom", { read: false, write: false, manage: false }],
];

async function outcome(work: Promise<unknown>): Promise<boolean> {
  try {
    await work;
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

describe("decisions about me", () => {
  it.each(table)("%s: read, write and manage as the access rules say", async (who, expected) => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople[who].email);
    expect(await outcome(getDecisionsOverview(getDb(), actor, sam))).toBe(expected.read);
    expect(await outcome(listStatementVersions(getDb(), actor, sam, "wishes"))).toBe(expected.read);
    expect(await outcome(writeStatement(getDb(), actor, sam, "wishes", { body: "My words" }))).toBe(expected.write);
    expect(await outcome(addConsultee(getDb(), actor, sam, { name: "Alex", relationship: "Brother", contact: "", scopes: ["money"], scopeOther: "" }))).toBe(expected.write);
    expect(await outcome(saveAttorney(getDb(), actor, sam, attorney))).toBe(expected.write);
    expect(await outcome(saveNominatedPerson(getDb(), actor, sam, { name: "Alex", contact: "" }))).toBe(expected.write);
    expect(await outcome(recordBestInterests(getDb(), actor, sam, bestInterests))).toBe(expected.manage);
    expect(await outcome(recordAdvanceDecision(getDb(), actor, sam, { exists: true, whereKept: "GP surgery", seenOn: null }))).toBe(expected.manage);
    expect((await planDecisionsSummary(getDb(), actor, sam)) !== null).toBe(expected.read);
  });

  it("keeps every version of Sam's wishes; Priya's are marked as written on his behalf", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await writeStatement(getDb(), await actorFor(demoPeople.sam.email), sam, "wishes", { body: "First" });
    await writeStatement(getDb(), await actorFor(demoPeople.priya.email), sam, "wishes", { body: "Second" });
    const versions = await listStatementVersions(getDb(), await actorFor(demoPeople.jo.email), sam, "wishes");
    expect(versions.map((v) => [v.version, v.parts.body, v.enteredBy])).toEqual([
      [2, "Second", { name: "Priya Shah", as: "advocate_for" }],
      [1, "First", null],
    ]);
    const rows = await getDb().select().from(personalStatements).where(eq(personalStatements.serviceUserId, sam));
    expect(rows.map((r) => r.enteredAs).sort()).toEqual(["advocate_for", null]);
    // Jo's read of Sam's record is logged; Sam reading his own is not.
    const reads = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "read"), eq(auditEvents.recordType, "statement.wishes")));
    expect(reads).toHaveLength(1);
    const writes = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "decisions.wishes.write"));
    expect(writes.map((w) => w.capacity).sort()).toEqual(["advocate_for", "service_user"]);
  });

  it("people to consult: Priya adds one for Sam (entered as advocate); Sam removes it; both are audited", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const id = await addConsultee(getDb(), await actorFor(demoPeople.priya.email), sam, { name: "Alex", relationship: "Brother", contact: "", scopes: ["where_i_live"], scopeOther: "" });
    const [row] = await getDb().select().from(decisionConsultees).where(eq(decisionConsultees.id, id));
    expect(row?.enteredAs).toBe("advocate_for");
    const samActor = await actorFor(demoPeople.sam.email);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).consultees[0]?.enteredBy).toEqual({ name: "Priya Shah", as: "advocate_for" });
    // Maya cannot remove it, even knowing its id.
    await expect(removeConsultee(getDb(), await actorFor(demoPeople.maya.email), sam, id)).rejects.toBeInstanceOf(NotFoundError);
    await removeConsultee(getDb(), samActor, sam, id);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).consultees).toEqual([]);
    const actions = (await getDb().select().from(auditEvents).where(eq(auditEvents.recordId, id))).map((e) => e.action).sort();
    expect(actions).toEqual(["decisions.consultee.add", "decisions.consultee.remove"]);
  });

  it("an LPA cannot be used until staff check its registration; changing it needs a new check", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    await saveAttorney(getDb(), samActor, sam, attorney);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney?.registrationChecked).toBeNull();
    // Only staff may mark it registered.
    await expect(markAttorneyRegistered(getDb(), samActor, sam, "2026-03-03")).rejects.toBeInstanceOf(NotFoundError);
    await expect(markAttorneyRegistered(getDb(), await actorFor(demoPeople.priya.email), sam, "2026-03-03")).rejects.toBeInstanceOf(NotFoundError);
    await markAttorneyRegistered(getDb(), jo, sam, "2026-03-03");
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney?.registrationChecked).toEqual({ on: "2026-03-03", by: "Jo Okafor" });
    await saveAttorney(getDb(), samActor, sam, attorney);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney?.registrationChecked).not.toBeNull();
    await saveAttorney(getDb(), samActor, sam, { ...attorney, lifeSustaining: "yes" });
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney?.registrationChecked).toBeNull();
    const [checked] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "decisions.attorney.registered"));
    expect(checked).toMatchObject({ serviceUserId: sam, capacity: "care_team_member_of" });
    // Staff cannot take it away; the person can.
    await expect(removeAttorney(getDb(), jo, sam)).rejects.toBeInstanceOf(NotFoundError);
    await removeAttorney(getDb(), samActor, sam);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).attorney).toBeNull();
    await expect(removeAttorney(getDb(), samActor, sam)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("Jo records a best-interests decision and the ADRT fact; Sam sees both; a nomination can be taken away", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    await recordBestInterests(getDb(), jo, sam, bestInterests);
    await recordAdvanceDecision(getDb(), jo, sam, { exists: true, whereKept: "With my GP", seenOn: "2026-01-10" });
    const samActor = await actorFor(demoPeople.sam.email);
    const view = await getDecisionsOverview(getDb(), samActor, sam);
    expect(view.bestInterests).toEqual([expect.objectContaining({ ...bestInterests, recordedBy: "Jo Okafor" })]);
    expect(view.advanceDecision).toMatchObject({ exists: true, whereKept: "With my GP", seenOn: "2026-01-10" });
    expect((await planDecisionsSummary(getDb(), samActor, sam))?.advanceDecision?.exists).toBe(true);
    await saveNominatedPerson(getDb(), samActor, sam, { name: "Alex Taylor", contact: "07700 900123" });
    expect((await getDecisionsOverview(getDb(), samActor, sam)).nominatedPerson).toMatchObject({ name: "Alex Taylor", enteredBy: null });
    await saveNominatedPerson(getDb(), samActor, sam, null);
    expect((await getDecisionsOverview(getDb(), samActor, sam)).nominatedPerson).toBeNull();
    const actions = (await getDb().select().from(auditEvents).where(eq(auditEvents.serviceUserId, sam))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["decisions.best_interests.record", "decisions.adrt.record", "decisions.nominated_person.save", "decisions.nominated_person.remove"]));
  });

  it("a record id that is not a UUID, or another person's, is simply not found", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await recordId("Maya Rahman");
    const samActor = await actorFor(demoPeople.sam.email);
    await expect(getDecisionsOverview(getDb(), samActor, maya)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeConsultee(getDb(), samActor, sam, "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    const id = await addConsultee(getDb(), await actorFor(demoPeople.maya.email), maya, { name: "Ruth", relationship: "Friend", contact: "", scopes: ["everything"], scopeOther: "" });
    await expect(removeConsultee(getDb(), samActor, sam, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** No lost updates: the forms carry the version they were opened at (issue 15). */
describe("the person's wishes and advance statement, saved in two places", () => {
  it("a save from before another save with different words is refused with those words; saving again on top succeeds", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const priya = await actorFor(demoPeople.priya.email);
    const opened = (await listStatementVersions(getDb(), samActor, sam, "wishes"))[0]?.version ?? 0;

    expect(await writeStatement(getDb(), priya, sam, "wishes", { body: "My faith matters to me." }, { baseVersion: opened })).toBe(opened + 1);
    const stale = writeStatement(getDb(), samActor, sam, "wishes", { body: "Keep my cat at home." }, { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<Record<string, string>>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: { body: "My faith matters to me." }, changedBy: "Priya Shah" });
    expect((await listStatementVersions(getDb(), samActor, sam, "wishes"))[0]!.parts.body).toBe("My faith matters to me.");

    // The same words as the newer version are not a conflict and make nothing new; on top of it, a new version.
    expect(await writeStatement(getDb(), samActor, sam, "wishes", { body: "My faith matters to me." }, { baseVersion: opened })).toBe(opened + 1);
    expect(await writeStatement(getDb(), samActor, sam, "wishes", { body: "Keep my cat at home." }, { baseVersion: conflict.latest.version })).toBe(opened + 2);
  });

  it("the advance statement's parts: a stale save is refused; two saves at once from one version: one lands, the other is told", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const opened = (await listStatementVersions(getDb(), samActor, sam, "advance"))[0]?.version ?? 0;
    const outcomes = await Promise.allSettled([
      writeStatement(getDb(), samActor, sam, "advance", { notWanted: "No depot injections." }, { baseVersion: opened }),
      writeStatement(getDb(), samActor, sam, "advance", { notWanted: "Tablets are fine." }, { baseVersion: opened }),
    ]);
    expect(outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []))).toEqual([opened + 1]);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    // Without a version (a post from before this change), both land in turn with their own numbers.
    const both = await Promise.all([
      writeStatement(getDb(), samActor, sam, "advance", { notWanted: "A" }),
      writeStatement(getDb(), samActor, sam, "advance", { notWanted: "B" }),
    ]);
    expect(both.sort()).toEqual([opened + 2, opened + 3]);
    const rows = await getDb().select().from(personalStatements).where(and(eq(personalStatements.serviceUserId, sam), eq(personalStatements.kind, "advance")));
    expect(new Set(rows.map((r) => r.version)).size).toBe(rows.length);
  });
});

describe("staff's check of an attorney's registration", () => {
  it("details changed after the check page was opened: the check is refused with the new details; checked again on top, it lands", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    await saveAttorney(getDb(), samActor, sam, attorney);
    const opened = (await getDecisionsOverview(getDb(), jo, sam)).attorney!.version;

    await saveAttorney(getDb(), samActor, sam, { ...attorney, names: "Alex Taylor and Chris Lee" });
    const stale = markAttorneyRegistered(getDb(), jo, sam, "2026-03-03", { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<AttorneyCheckState>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: { names: "Alex Taylor and Chris Lee", checkedOn: null }, changedBy: "Sam Taylor" });
    expect((await getDecisionsOverview(getDb(), jo, sam)).attorney!.registrationChecked).toBeNull();

    await markAttorneyRegistered(getDb(), jo, sam, "2026-03-03", { baseVersion: conflict.latest.version });
    expect((await getDecisionsOverview(getDb(), jo, sam)).attorney).toMatchObject({ registrationChecked: { on: "2026-03-03", by: "Jo Okafor" }, version: opened + 2 });
  });

  it("another check recorded first is shown; the same day again is no conflict; two checks at once: one lands, the other is told", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    await saveAttorney(getDb(), await actorFor(demoPeople.sam.email), sam, attorney);
    const opened = (await getDecisionsOverview(getDb(), jo, sam)).attorney!.version;
    const outcomes = await Promise.allSettled([
      markAttorneyRegistered(getDb(), jo, sam, "2026-03-03", { baseVersion: opened }),
      markAttorneyRegistered(getDb(), jo, sam, "2026-03-04", { baseVersion: opened }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = (outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason as ConflictError<AttorneyCheckState>;
    expect(refused).toBeInstanceOf(ConflictError);
    const kept = (await getDecisionsOverview(getDb(), jo, sam)).attorney!.registrationChecked!.on;
    expect(refused.latest).toMatchObject({ value: { checkedOn: kept, checkedBy: "Jo Okafor" }, changedBy: "Jo Okafor" });
    await expect(markAttorneyRegistered(getDb(), jo, sam, kept, { baseVersion: opened })).resolves.toBeUndefined();
  });

  it("a record removed and made again never reuses a version an open check page carries", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    await saveAttorney(getDb(), samActor, sam, attorney);
    const opened = (await getDecisionsOverview(getDb(), jo, sam)).attorney!.version;
    await removeAttorney(getDb(), samActor, sam);
    await saveAttorney(getDb(), samActor, sam, { ...attorney, kind: "deputy", names: "Someone else" });
    expect((await getDecisionsOverview(getDb(), jo, sam)).attorney!.version).toBeGreaterThan(opened);
    await expect(markAttorneyRegistered(getDb(), jo, sam, "2026-03-03", { baseVersion: opened })).rejects.toBeInstanceOf(ConflictError);
  });
});
