import { describe, expect, it } from "vitest";
import { auditEvents } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { commentOnPlanVersion, getPlanVersion, listPlanVersions } from "./plan-versions.server";
import { recordReview, getPlanView } from "./plan.server";
import { NotFoundError, type Actor } from "./access.server";

describe("plan versions and the person's view of them", () => {
  it("lists versions newest first with what changed", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const versions = await listPlanVersions(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(versions.map((v) => [v.version, v.changedSections])).toEqual([
      [2, ["crisis"]],
      [1, []],
    ]);
  });

  it("Sam says he partly agrees with version 1; it is kept, dated and audited", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople.sam.email);
    await commentOnPlanVersion(getDb(), actor, sam, 1, { agreement: "partly", comment: "More about music, please." });
    const v1 = await getPlanVersion(getDb(), actor, sam, 1);
    expect(v1.comments).toEqual([expect.objectContaining({ agreement: "partly", comment: "More about music, please.", by: "Sam Taylor" })]);
    expect(v1.content.crisis?.whatHelps).not.toContain("music");
    const [event] = await getDb().select().from(auditEvents);
    expect(event).toMatchObject({ action: "plan.comment", actorAccountId: actor.accountId });
  });

  it("only the person comments; Jo reads; Maya and Alex (no whole plan shared) cannot open versions", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    await expect(commentOnPlanVersion(getDb(), jo, sam, 1, { agreement: "agree", comment: "" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getPlanVersion(getDb(), jo, sam, 2)).version).toBe(2);
    for (const email of [demoPeople.maya.email, demoPeople.alex.email]) {
      await expect(listPlanVersions(getDb(), await actorFor(email), sam)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getPlanVersion(getDb(), jo, sam, 99)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a carer shown only the plan summary sees no crisis plan in any version, nor that it changed (issue 16)", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const alex = await actorFor(demoPeople.alex.email);
    const summaryOnly: Actor = { ...alex, relationships: [{ kind: "carer_of", serviceUserId: sam, scopes: ["plan.summary"] }] };
    const v2 = await getPlanVersion(getDb(), summaryOnly, sam, 2);
    expect(v2.content.crisis).toBeNull();
    expect(JSON.stringify(v2)).not.toMatch(/treatmentRefusals|earlyWarningSigns|dependants/);
    expect(v2.changedSections).toEqual([]);
    expect((await listPlanVersions(getDb(), summaryOnly, sam)).map((v) => v.changedSections)).toEqual([[], []]);
    // With the crisis plan shared too, it is there, as in the live plan.
    const withCrisis: Actor = { ...summaryOnly, relationships: [{ kind: "carer_of", serviceUserId: sam, scopes: ["plan.summary", "plan.crisis"] }] };
    const shared = await getPlanVersion(getDb(), withCrisis, sam, 2);
    expect(shared.content.crisis).toEqual((await getPlanVersion(getDb(), await actorFor(demoPeople.jo.email), sam, 2)).content.crisis);
    expect(shared.content.crisis).not.toBeNull();
    expect(shared.changedSections).toEqual(["crisis"]);
  });
});

describe("reviews", () => {
  it("Jo records a review; the plan shows it and the next date", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    await recordReview(getDb(), jo, sam, { heldOn: "2026-11-20", attendees: "Sam, Jo", summary: "All good.", nextReviewOn: "2027-05-20" });
    const plan = await getPlanView(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(plan?.reviews).toMatchObject({ last: { heldOn: "2026-11-20", summary: "All good." }, nextReviewOn: "2027-05-20" });
  });

  it("only the care team records reviews", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    for (const email of [demoPeople.sam.email, demoPeople.alex.email, demoPeople.tom.email]) {
      await expect(
        recordReview(getDb(), await actorFor(email), sam, { heldOn: "2026-11-20", attendees: "x", summary: "x", nextReviewOn: "2027-05-20" }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("moving between levels of care", () => {
  it("Jo moves Sam to Lead Professional Care with a reason; Sam can read it; the plan versions stay", async () => {
    const { changePlanLevel, listTransitions } = await import("./plan.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    expect(await changePlanLevel(getDb(), jo, sam, { to: "lpc", reason: "Sam is doing well.", effectiveOn: "2026-12-01" })).toEqual({
      changed: true,
    });
    expect(await changePlanLevel(getDb(), jo, sam, { to: "lpc", reason: "Again", effectiveOn: "2026-12-01" })).toEqual({
      changed: false,
    });
    const samActor = await actorFor(demoPeople.sam.email);
    expect(await listTransitions(getDb(), samActor, sam)).toEqual([
      { kind: "plan_level", fromValue: "cpa", toValue: "lpc", reason: "Sam is doing well.", effectiveOn: "2026-12-01" },
    ]);
    expect((await getPlanView(getDb(), samActor, sam))?.planLevel).toBe("lpc");
    expect((await listPlanVersions(getDb(), samActor, sam)).length).toBe(2);
  });

  it("only the care team changes the level", async () => {
    const { changePlanLevel } = await import("./plan.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    for (const email of [demoPeople.sam.email, demoPeople.priya.email, demoPeople.tom.email]) {
      await expect(
        changePlanLevel(getDb(), await actorFor(email), sam, { to: "lpc", reason: "x", effectiveOn: "2026-12-01" }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
