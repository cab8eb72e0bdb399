import { describe, expect, it } from "vitest";
import { auditEvents, carePlanVersions, planViews } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { samPlanV2 } from "#db/seed-plans";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { addGoal } from "./goals.server";
import { getNextReview, getPlanView, isOverdue, markPlanChangesSeen } from "./plan.server";
import { NotFoundError } from "./access.server";

describe("the plan as each person may see it", () => {
  it("Sam sees every part of his own plan, recovery first in his own words", async () => {
    await seedDemoData(getDb());
    const plan = await getPlanView(getDb(), await actorFor(demoPeople.sam.email), await recordId("Sam Taylor"));
    expect(plan?.recovery?.body).toContain("living on my own terms");
    expect(plan?.recovery?.version).toBe(2);
    expect(plan?.goals).toHaveLength(3);
    expect(plan?.goals?.find((g) => g.what.startsWith("Walk"))?.latestRating).toBe(7);
    expect(plan?.crisis?.treatmentRefusals).toContain("olanzapine");
    expect(plan?.careTeam?.map((m) => m.agency).sort()).toEqual(["charity", "council", "nhs", "nhs"]);
    expect(plan?.careTeam?.[0]).toMatchObject({ name: "Jo Okafor", isCoordinator: true });
    expect(plan?.reviews?.overdue).toBe(false);
    expect(plan?.needs?.strengths).toContain("football");
    expect(plan?.wishes?.advanceStatement).toContain("Alex");
  });

  it("the goal list says who entered a goal on Sam's behalf, to everyone who reads it", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await addGoal(getDb(), await actorFor(demoPeople.priya.email), sam, { what: "Go to the tribunal", why: "", firstStep: "", whoCanHelp: "", targetDate: null });
    for (const email of [demoPeople.sam.email, demoPeople.jo.email, demoPeople.priya.email]) {
      const goals = (await getPlanView(getDb(), await actorFor(email), sam))?.goals ?? [];
      expect(goals.find((g) => g.what === "Go to the tribunal")?.enteredBy).toEqual({ name: "Priya Shah", as: "advocate_for" });
      expect(goals.find((g) => g.what.startsWith("Walk"))?.enteredBy).toBeNull();
    }
  });

  it("Alex (crisis plan and care team shared) gets only those parts", async () => {
    await seedDemoData(getDb());
    const plan = await getPlanView(getDb(), await actorFor(demoPeople.alex.email), await recordId("Sam Taylor"));
    expect(plan?.crisis).not.toBeNull();
    expect(plan?.careTeam).not.toBeNull();
    expect(plan).toMatchObject({ recovery: null, goals: null, needs: null, support: null, reviews: null, wishes: null });
  });

  it("Priya (whole plan, goals, filling in forms for Sam) gets the recovery statement only with that permission", async () => {
    await seedDemoData(getDb());
    const priya = await actorFor(demoPeople.priya.email);
    const plan = await getPlanView(getDb(), priya, await recordId("Sam Taylor"));
    expect(plan?.needs).not.toBeNull();
    expect(plan?.goals).not.toBeNull();
    expect(plan?.recovery).not.toBeNull();
    const withoutActing = { ...priya, relationships: priya.relationships.map((r) => ({ ...r, scopes: r.scopes.filter((s) => s !== "act_on_behalf") })) };
    const limited = await getPlanView(getDb(), withoutActing, await recordId("Sam Taylor"));
    expect(limited?.goals).not.toBeNull();
    expect(limited?.recovery).toBeNull();
  });

  it("Maya and Tom get nothing of Sam's plan", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    expect(await getPlanView(getDb(), await actorFor(demoPeople.maya.email), sam)).toBeNull();
    expect(await getPlanView(getDb(), await actorFor(demoPeople.tom.email), sam)).toBeNull();
    expect(await getNextReview(getDb(), await actorFor(demoPeople.maya.email), sam)).toBeNull();
  });

  it("Maya's review is overdue and says so", async () => {
    await seedDemoData(getDb());
    const plan = await getPlanView(getDb(), await actorFor(demoPeople.maya.email), await recordId("Maya Rahman"));
    expect(plan?.planLevel).toBe("lpc");
    expect(plan?.reviews?.overdue).toBe(true);
  });

  it("names the parts changed since the person last looked, until they say they have seen them", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople.sam.email);
    expect((await getPlanView(getDb(), actor, sam))?.changedSinceLastLooked).toEqual([]);
    await getDb().insert(carePlanVersions).values({
      serviceUserId: sam,
      version: 3,
      content: samPlanV2,
      changedSections: ["crisis", "support"],
    });
    expect((await getPlanView(getDb(), actor, sam))?.changedSinceLastLooked.sort()).toEqual(["crisis", "support"]);
    // Opening the plan (a GET) changes nothing: the notice is still there.
    expect((await getPlanView(getDb(), actor, sam))?.changedSinceLastLooked.sort()).toEqual(["crisis", "support"]);
    expect(await getDb().select().from(planViews)).toEqual([]);
    await markPlanChangesSeen(getDb(), actor, sam, 3);
    expect((await getPlanView(getDb(), actor, sam))?.changedSinceLastLooked).toEqual([]);
    // An old page's button cannot bring back what was already seen.
    await markPlanChangesSeen(getDb(), actor, sam, 2);
    expect((await getPlanView(getDb(), actor, sam))?.changedSinceLastLooked).toEqual([]);
    await getDb().insert(carePlanVersions).values({ serviceUserId: sam, version: 4, content: samPlanV2, changedSections: ["needs"] });
    expect((await getPlanView(getDb(), actor, sam))?.changedSinceLastLooked).toEqual(["needs"]);
  });

  it("a carer is told only of changes to the parts shared with them, and can say they have seen them", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await actorFor(demoPeople.alex.email);
    expect((await getPlanView(getDb(), alex, sam))?.changedSinceLastLooked).toEqual([]);
    await getDb().insert(carePlanVersions).values({ serviceUserId: sam, version: 3, content: samPlanV2, changedSections: ["needs", "crisis"] });
    expect((await getPlanView(getDb(), alex, sam))?.changedSinceLastLooked).toEqual(["crisis"]);
    await markPlanChangesSeen(getDb(), alex, sam, 3);
    expect((await getPlanView(getDb(), alex, sam))?.changedSinceLastLooked).toEqual([]);
    // Maya may see nothing of Sam's: the same answer as no such record.
    await expect(markPlanChangesSeen(getDb(), await actorFor(demoPeople.maya.email), sam, 3)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("logs Jo's read of Sam's plan, not Sam's own", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await getPlanView(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(await getDb().select().from(auditEvents)).toHaveLength(0);
    const jo = await actorFor(demoPeople.jo.email);
    await getPlanView(getDb(), jo, sam);
    const [event] = await getDb().select().from(auditEvents);
    expect(event).toMatchObject({ action: "read", recordType: "care_plan", actorAccountId: jo.accountId, capacity: "care_team_member_of" });
  });

  it("isOverdue compares dates, not times", () => {
    const today = new Date("2026-11-24T23:30:00Z");
    expect(isOverdue("2026-11-23", today)).toBe(true);
    expect(isOverdue("2026-11-24", today)).toBe(false);
    expect(isOverdue(null, today)).toBe(false);
  });
});

describe("staff editing the plan", () => {
  it("Jo's change makes a new version, names the section, and is audited; saving nothing new makes none", async () => {
    const { getPlanSection, savePlanSection } = await import("./plan.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const samActor = await actorFor(demoPeople.sam.email);
    await getPlanView(getDb(), samActor, sam);
    const { content } = await getPlanSection(getDb(), jo, sam, "crisis");
    expect(await savePlanSection(getDb(), jo, sam, "crisis", { ...content, whatHelps: "Music and a walk." })).toEqual({
      version: 3,
      changed: true,
    });
    expect(await savePlanSection(getDb(), jo, sam, "crisis", { ...content, whatHelps: "Music and a walk." })).toEqual({
      version: 3,
      changed: false,
    });
    const plan = await getPlanView(getDb(), samActor, sam);
    expect(plan?.changedSinceLastLooked).toEqual(["crisis"]);
    expect(plan?.crisis?.whatHelps).toBe("Music and a walk.");
    // The rest of the plan is carried over unchanged.
    expect(plan?.needs?.strengths).toContain("football");
    const events = await getDb().select().from(auditEvents);
    expect(events.filter((e) => e.action === "plan.write")).toHaveLength(1);
  });

  it("nobody but the care team can change the plan", async () => {
    const { getPlanSection, savePlanSection } = await import("./plan.server");
    const { NotFoundError } = await import("./access.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    for (const email of [demoPeople.sam.email, demoPeople.alex.email, demoPeople.priya.email, demoPeople.tom.email]) {
      const actor = await actorFor(email);
      await expect(getPlanSection(getDb(), actor, sam, "crisis")).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        savePlanSection(getDb(), actor, sam, "wishes", { advanceStatement: "x", advanceDecisionExists: false }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("the caseload puts overdue reviews first and holds only this coordinator's people", async () => {
    const { listCaseload } = await import("./plan.server");
    await seedDemoData(getDb());
    const jo = await actorFor(demoPeople.jo.email);
    expect((await listCaseload(getDb(), jo)).map((c) => c.displayName)).toEqual(["Sam Taylor"]);
    const tom = await actorFor(demoPeople.tom.email);
    const [maya] = await listCaseload(getDb(), tom);
    expect(maya).toMatchObject({ displayName: "Maya Rahman", overdue: true });
  });
});
