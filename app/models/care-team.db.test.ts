import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, careTeamMembers } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import {
  addCareTeamMember,
  changeCoordinator,
  CoordinatorCannotBeRemovedError,
  getCareTeamMember,
  getCoordinatorForm,
  NotAStaffMemberError,
  removeCareTeamMember,
  searchStaff,
  STAFF_SEARCH_LIMIT,
  updateCareTeamMember,
  type CareTeamMemberInput,
} from "./care-team.server";
import { listCaseload, listTransitions, getPlanView, savePlanSection, getPlanSection } from "./plan.server";
import { ConflictError, NotFoundError } from "./access.server";

const housing: CareTeamMemberInput = {
  name: "Chris Lee",
  role: "Housing support worker",
  organisation: "Riverside Housing Association",
  agency: "charity",
  contact: "01632 960555",
  whenToContact: "Tuesdays",
};

describe("the care team, kept by staff", () => {
  it("Jo adds a housing worker; Sam sees the team changed, and it is audited", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const samActor = await actorFor(demoPeople.sam.email);
    await getPlanView(getDb(), samActor, sam); // Sam has looked at his plan
    const id = await addCareTeamMember(getDb(), jo, sam, housing);
    const plan = await getPlanView(getDb(), samActor, sam);
    expect(plan?.careTeam?.map((m) => m.name)).toContain("Chris Lee");
    expect(plan?.changedSinceLastLooked).toEqual(["team"]);
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "care_team.add"));
    expect(events).toEqual([expect.objectContaining({ recordId: id, actorAccountId: jo.accountId, serviceUserId: sam })]);
  });

  it("changing details makes a version only when something changed", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await addCareTeamMember(getDb(), jo, sam, housing);
    expect(await updateCareTeamMember(getDb(), jo, sam, id, housing)).toEqual({ changed: false });
    expect(await updateCareTeamMember(getDb(), jo, sam, id, { ...housing, contact: "07700 900123" })).toEqual({ changed: true });
    expect((await getCareTeamMember(getDb(), jo, sam, id)).contact).toBe("07700 900123");
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "care_team.update"));
    expect(event?.details).toMatchObject({ fields: ["contact"] });
  });

  it("removes a member, but never the coordinator", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await addCareTeamMember(getDb(), jo, sam, housing);
    await removeCareTeamMember(getDb(), jo, sam, id);
    await expect(getCareTeamMember(getDb(), jo, sam, id)).rejects.toBeInstanceOf(NotFoundError);
    const [coordinator] = await getDb()
      .select()
      .from(careTeamMembers)
      .where(and(eq(careTeamMembers.serviceUserId, sam), eq(careTeamMembers.isCoordinator, true)));
    await expect(removeCareTeamMember(getDb(), jo, sam, coordinator!.id)).rejects.toBeInstanceOf(CoordinatorCannotBeRemovedError);
  });

  it("only the person's care team can change it; a member id from another record is not found", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await recordId("Maya Rahman");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await addCareTeamMember(getDb(), jo, sam, housing);
    for (const email of [demoPeople.sam.email, demoPeople.alex.email, demoPeople.priya.email, demoPeople.tom.email]) {
      const actor = await actorFor(email);
      await expect(addCareTeamMember(getDb(), actor, sam, housing)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateCareTeamMember(getDb(), actor, sam, id, housing)).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeCareTeamMember(getDb(), actor, sam, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    const tom = await actorFor(demoPeople.tom.email);
    await expect(getCareTeamMember(getDb(), tom, maya, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("how the team will help", () => {
  it("a saved list is a new version with 'support' changed", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const { content } = await getPlanSection(getDb(), jo, sam, "support");
    const next = [...content, { who: "Chris Lee", what: "Help with the tenancy", howOften: "Every month" }];
    expect(await savePlanSection(getDb(), jo, sam, "support", next)).toMatchObject({ changed: true });
    const plan = await getPlanView(getDb(), jo, sam);
    expect(plan?.support?.at(-1)).toEqual({ who: "Chris Lee", what: "Help with the tenancy", howOften: "Every month" });
  });
});

describe("changing the care coordinator (CP-15)", () => {
  const handover = {
    role: "Care coordinator (social worker)",
    organisation: "Eastside Community Mental Health Team",
    contact: "01632 960777",
    whenToContact: "Weekdays",
    reason: "Jo is moving to another team. Tom knows Sam's area well.",
    effectiveOn: "2026-12-01",
  };

  it("finds other staff by part of a name or email, not the current coordinator", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const form = await getCoordinatorForm(getDb(), jo, sam);
    expect(form.current?.name).toBe("Jo Okafor");
    const names = async (search: string) => (await searchStaff(getDb(), jo, sam, search)).matches.map((c) => c.displayName);
    expect(await names("tom")).toEqual(["Tom Hughes"]);
    expect(await names("HUGHES@example")).toEqual(["Tom Hughes"]);
    expect(await names("tom hug")).toEqual(["Tom Hughes"]);
    // Jo is the coordinator now; service users, carers and the admin are not staff.
    expect(await names("okafor")).toEqual([]);
    expect(await names("sam")).toEqual([]);
    expect(await names("rowan")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("   ")).toEqual([]);
  });

  it("shows at most 20 of 5,000 staff, says there are more, and keeps a choice made before", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    await getDb()
      .insert(accounts)
      .values(Array.from({ length: 5000 }, (_, i) => ({ email: `staff.${i}@example.org`, displayName: `Pat Staff ${String(i).padStart(4, "0")}`, isStaff: true })));
    const found = await searchStaff(getDb(), jo, sam, "pat");
    expect(found.matches).toHaveLength(STAFF_SEARCH_LIMIT);
    expect(found.more).toBe(true);
    expect(found.matches[0]!.displayName).toBe("Pat Staff 0000");
    const narrower = await searchStaff(getDb(), jo, sam, "staff 4999");
    expect(narrower).toEqual({ matches: [expect.objectContaining({ displayName: "Pat Staff 4999", email: "staff.4999@example.org" })], more: false });
    const tom = (await actorFor(demoPeople.tom.email)).accountId;
    const kept = await searchStaff(getDb(), jo, sam, "staff 4999", tom);
    expect(kept.matches.map((m) => m.displayName)).toEqual(["Tom Hughes", "Pat Staff 4999"]);
    // A disabled account is not offered, and cannot be chosen.
    await getDb().update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, tom));
    expect((await searchStaff(getDb(), jo, sam, "tom", tom)).matches).toEqual([]);
    await expect(changeCoordinator(getDb(), jo, sam, { accountId: tom, ...handover })).rejects.toThrow(NotAStaffMemberError);
  });

  it("Jo hands Sam to Tom: Jo's access ends, Tom's starts, and Sam reads who, when and why", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const tomBefore = await actorFor(demoPeople.tom.email);
    await expect(getPlanView(getDb(), tomBefore, sam)).resolves.toBeNull();
    await getPlanView(getDb(), await actorFor(demoPeople.sam.email), sam); // Sam has looked at his plan
    const result = await changeCoordinator(getDb(), jo, sam, { accountId: tomBefore.accountId, ...handover });
    expect(result).toEqual({ actorKeepsAccess: false });

    const joAfter = await actorFor(demoPeople.jo.email);
    expect(await getPlanView(getDb(), joAfter, sam)).toBeNull();
    expect((await listCaseload(getDb(), joAfter)).map((c) => c.displayName)).toEqual([]);
    const tom = await actorFor(demoPeople.tom.email);
    expect((await listCaseload(getDb(), tom)).map((c) => c.displayName).sort()).toEqual(["Maya Rahman", "Sam Taylor"]);

    const samActor = await actorFor(demoPeople.sam.email);
    const plan = await getPlanView(getDb(), samActor, sam);
    const coordinator = plan?.careTeam?.find((m) => m.isCoordinator);
    expect(coordinator).toMatchObject({ name: "Tom Hughes", contact: "01632 960777", organisation: handover.organisation });
    expect(plan?.careTeam?.some((m) => m.name === "Jo Okafor")).toBe(false);
    expect(plan?.changedSinceLastLooked).toContain("team");
    expect(await listTransitions(getDb(), samActor, sam)).toEqual([
      { kind: "coordinator", fromValue: "Jo Okafor", toValue: "Tom Hughes", reason: handover.reason, effectiveOn: "2026-12-01" },
    ]);
    const [event] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "plan.coordinator"));
    expect(event).toMatchObject({ actorAccountId: jo.accountId, serviceUserId: sam });
  });

  it("refuses someone who is not staff, or is already the coordinator", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const alex = await actorFor(demoPeople.alex.email);
    await expect(changeCoordinator(getDb(), jo, sam, { accountId: alex.accountId, ...handover })).rejects.toBeInstanceOf(NotAStaffMemberError);
    await expect(changeCoordinator(getDb(), jo, sam, { accountId: jo.accountId, ...handover })).rejects.toBeInstanceOf(NotAStaffMemberError);
    // Nothing changed: Jo is still the coordinator.
    expect((await getCoordinatorForm(getDb(), jo, sam)).current?.name).toBe("Jo Okafor");
  });

  it("only the care team can change it", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const tom = await actorFor(demoPeople.tom.email);
    for (const email of [demoPeople.sam.email, demoPeople.priya.email, demoPeople.tom.email]) {
      await expect(changeCoordinator(getDb(), await actorFor(email), sam, { accountId: tom.accountId, ...handover })).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
  });
});

/** No lost updates: the form carries the version it was opened at (see updateCareTeamMember). */
describe("a care team member's edit form", () => {
  it("a save from before someone else's change is refused with what they saved; saving again on top succeeds", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await addCareTeamMember(getDb(), jo, sam, housing);
    const opened = (await getCareTeamMember(getDb(), jo, sam, id)).version;

    expect(await updateCareTeamMember(getDb(), jo, sam, id, { ...housing, contact: "07700 900123" }, { baseVersion: opened })).toEqual({ changed: true });
    const stale = updateCareTeamMember(getDb(), jo, sam, id, { ...housing, whenToContact: "Any weekday" }, { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<CareTeamMemberInput>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: { ...housing, contact: "07700 900123" }, changedBy: "Jo Okafor" });
    expect((await getCareTeamMember(getDb(), jo, sam, id)).contact).toBe("07700 900123");

    const onTop = { ...housing, contact: "07700 900123", whenToContact: "Any weekday" };
    expect(await updateCareTeamMember(getDb(), jo, sam, id, onTop, { baseVersion: conflict.latest.version })).toEqual({ changed: true });
    expect(await getCareTeamMember(getDb(), jo, sam, id)).toMatchObject({ ...onTop, version: opened + 2 });
  });

  it("two saves at the same moment from the same version: one lands, the other is told; without a version both land in turn", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await addCareTeamMember(getDb(), jo, sam, housing);
    const outcomes = await Promise.allSettled([
      updateCareTeamMember(getDb(), jo, sam, id, { ...housing, contact: "A" }, { baseVersion: 1 }),
      updateCareTeamMember(getDb(), jo, sam, id, { ...housing, contact: "B" }, { baseVersion: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    await Promise.all([updateCareTeamMember(getDb(), jo, sam, id, { ...housing, contact: "C" }), updateCareTeamMember(getDb(), jo, sam, id, { ...housing, contact: "D" })]);
    expect((await getCareTeamMember(getDb(), jo, sam, id)).version).toBe(4);
  });
});
