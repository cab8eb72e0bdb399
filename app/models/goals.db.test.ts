import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, goalProgress, goals, serviceUsers } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { addGoal, getGoal, recordGoalProgress, setGoalStatus, suggestGoal, updateGoal, type GoalInput } from "./goals.server";
import { ConflictError, NotFoundError } from "./access.server";
import { listRecoveryVersions, writeRecoveryStatement } from "./recovery.server";

const newGoal = { what: "Join a choir", why: "", firstStep: "", whoCanHelp: "", targetDate: null };

describe("goals", () => {
  it("Sam adds a goal, records progress and marks it done; each change is audited", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), actor, sam, newGoal);
    await recordGoalProgress(getDb(), actor, sam, id, { rating: 4, note: "First rehearsal" });
    await setGoalStatus(getDb(), actor, sam, id, "done");
    const goal = await getGoal(getDb(), actor, sam, id);
    expect(goal).toMatchObject({ what: "Join a choir", status: "done" });
    expect(goal.progress).toEqual([expect.objectContaining({ rating: 4, note: "First rehearsal" })]);
    const actions = (await getDb().select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(["goal.add", "goal.progress", "goal.status"]);
  });

  it("staff, carers and advocates without goals.write cannot add goals or progress", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const [existing] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    const priya = await actorFor(demoPeople.priya.email);
    // Priya as she would be without Sam's permission to fill in forms for him.
    const priyaReadOnly = { ...priya, relationships: priya.relationships.map((r) => ({ ...r, scopes: r.scopes.filter((s) => s !== "act_on_behalf") })) };
    for (const actor of [await actorFor(demoPeople.jo.email), await actorFor(demoPeople.alex.email), priyaReadOnly, await actorFor(demoPeople.maya.email)]) {
      await expect(addGoal(getDb(), actor, sam, newGoal)).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordGoalProgress(getDb(), actor, sam, existing!.id, { rating: 5, note: "" })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("Maya cannot read Sam's goal; Alex (goals not shared) cannot either; Priya can", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const [goal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    await expect(getGoal(getDb(), await actorFor(demoPeople.maya.email), sam, goal!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGoal(getDb(), await actorFor(demoPeople.alex.email), sam, goal!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal!.id)).id).toBe(goal!.id);
  });

  it("a goal id from someone else's record is not found through this record", async () => {
    await seedDemoData(getDb());
    const [maya] = await getDb().select().from(serviceUsers).where(eq(serviceUsers.displayName, "Maya Rahman"));
    const mayaActor = await actorFor(demoPeople.maya.email);
    const sam = await recordId("Sam Taylor");
    const [samGoal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    await expect(getGoal(getDb(), mayaActor, maya!.id, samGoal!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGoal(getDb(), mayaActor, maya!.id, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the database refuses a rating outside 0 to 10", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const [goal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    await expect(getDb().insert(goalProgress).values({ goalId: goal!.id, rating: 11 })).rejects.toThrow();
  });
});

describe("what recovery means to me", () => {
  it("Sam writes a new version; earlier versions are kept", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople.sam.email);
    expect(await writeRecoveryStatement(getDb(), actor, sam, "Feeling like me again.")).toBe(3);
    const versions = await listRecoveryVersions(getDb(), actor, sam);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0]!.body).toBe("Feeling like me again.");
  });

  it("Jo can read it but never change it; Alex cannot read it", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    expect((await listRecoveryVersions(getDb(), jo, sam)).length).toBe(2);
    await expect(writeRecoveryStatement(getDb(), jo, sam, "Staff words")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRecoveryVersions(getDb(), await actorFor(demoPeople.alex.email), sam)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("suggested goals", () => {
  it("Jo suggests; Sam takes it up in his own words", async () => {
    const { suggestGoal, respondToSuggestion } = await import("./goals.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await suggestGoal(getDb(), jo, sam, { what: "Try the library's reading group", why: "" });
    const samActor = await actorFor(demoPeople.sam.email);
    expect((await getGoal(getDb(), samActor, sam, id)).status).toBe("suggested");
    await respondToSuggestion(getDb(), samActor, sam, id, { response: "accept", what: "Go to the reading group once" });
    expect(await getGoal(getDb(), samActor, sam, id)).toMatchObject({ status: "active", what: "Go to the reading group once" });
    // Answered once only.
    await expect(respondToSuggestion(getDb(), samActor, sam, id, { response: "decline", what: "" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("declining is recorded neutrally and keeps the goal's words", async () => {
    const { suggestGoal, respondToSuggestion } = await import("./goals.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const id = await suggestGoal(getDb(), await actorFor(demoPeople.jo.email), sam, { what: "Join a gym", why: "" });
    const samActor = await actorFor(demoPeople.sam.email);
    await respondToSuggestion(getDb(), samActor, sam, id, { response: "decline", what: "something else" });
    expect(await getGoal(getDb(), samActor, sam, id)).toMatchObject({ status: "declined", what: "Join a gym" });
    const events = await getDb().select().from(auditEvents);
    expect(events.at(-1)).toMatchObject({ action: "goal.respond", details: { response: "decline", reworded: false } });
  });

  it("only the care team suggests; only the person answers", async () => {
    const { suggestGoal, respondToSuggestion } = await import("./goals.server");
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    for (const email of [demoPeople.sam.email, demoPeople.alex.email, demoPeople.priya.email, demoPeople.tom.email]) {
      await expect(suggestGoal(getDb(), await actorFor(email), sam, { what: "x", why: "" })).rejects.toBeInstanceOf(NotFoundError);
    }
    const id = await suggestGoal(getDb(), await actorFor(demoPeople.jo.email), sam, { what: "Walk", why: "" });
    await expect(
      respondToSuggestion(getDb(), await actorFor(demoPeople.jo.email), sam, id, { response: "accept", what: "" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("changing a goal's words", () => {
  it("Sam rewords his goal; only what changed is audited; unchanged makes no entry", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), actor, sam, { what: "Swim", why: "", firstStep: "", whoCanHelp: "", targetDate: null });
    const input = { what: "Swim once a week", why: "", firstStep: "", whoCanHelp: "", targetDate: null };
    expect(await updateGoal(getDb(), actor, sam, id, input)).toEqual({ changed: true });
    expect(await updateGoal(getDb(), actor, sam, id, input)).toEqual({ changed: false });
    expect((await getGoal(getDb(), actor, sam, id)).what).toBe("Swim once a week");
    const events = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "goal.update"));
    expect(events.map((e) => e.details)).toEqual([{ fields: ["what"] }]);
  });

  it("Jo and Maya cannot change Sam's goal; a suggestion is answered, not changed", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), samActor, sam, { what: "Swim", why: "", firstStep: "", whoCanHelp: "", targetDate: null });
    const input = { what: "Changed", why: "", firstStep: "", whoCanHelp: "", targetDate: null };
    for (const email of [demoPeople.jo.email, demoPeople.maya.email, demoPeople.alex.email]) {
      await expect(updateGoal(getDb(), await actorFor(email), sam, id, input)).rejects.toBeInstanceOf(NotFoundError);
    }
    const suggestion = await suggestGoal(getDb(), await actorFor(demoPeople.jo.email), sam, { what: "Try a cookery class", why: "" });
    await expect(updateGoal(getDb(), samActor, sam, suggestion, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** No lost updates: the form carries the version it was opened at (see updateGoal and writeRecoveryStatement). */
const words = (what: string): GoalInput => ({ ...newGoal, what });

describe("a goal's edit form", () => {
  it("a save from before someone else's change is refused with their words; saving again on top of theirs succeeds", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), samActor, sam, words("Swim"));
    const opened = (await getGoal(getDb(), samActor, sam, id)).version;

    expect(await updateGoal(getDb(), samActor, sam, id, words("Swim once a week"), { baseVersion: opened })).toEqual({ changed: true });
    const stale = updateGoal(getDb(), samActor, sam, id, words("Swim in the sea"), { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<GoalInput>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: words("Swim once a week"), changedBy: "Sam Taylor" });
    expect((await getGoal(getDb(), samActor, sam, id)).what).toBe("Swim once a week");

    // Saving what the other person saved anyway is not a conflict; saving again from their version lands on top.
    expect(await updateGoal(getDb(), samActor, sam, id, words("Swim once a week"), { baseVersion: opened })).toEqual({ changed: false });
    expect(await updateGoal(getDb(), samActor, sam, id, words("Swim in the sea"), { baseVersion: conflict.latest.version })).toEqual({ changed: true });
    const after = await getGoal(getDb(), samActor, sam, id);
    expect(after).toMatchObject({ what: "Swim in the sea", version: opened + 2 });
  });

  it("two saves at the same moment from the same version: one lands, the other is told; without a version both land in turn", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), samActor, sam, words("Swim"));
    const outcomes = await Promise.allSettled([
      updateGoal(getDb(), samActor, sam, id, words("Swim twice"), { baseVersion: 1 }),
      updateGoal(getDb(), samActor, sam, id, words("Swim three times"), { baseVersion: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    await Promise.all([updateGoal(getDb(), samActor, sam, id, words("A")), updateGoal(getDb(), samActor, sam, id, words("B"))]);
    expect((await getGoal(getDb(), samActor, sam, id)).version).toBe(4);
  });
});

describe("the recovery statement", () => {
  it("a save from before another save with different words is refused with those words; saving again on top succeeds", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const [current] = await listRecoveryVersions(getDb(), samActor, sam);
    const opened = current!.version;

    expect(await writeRecoveryStatement(getDb(), samActor, sam, "Being back at football.", { baseVersion: opened })).toBe(opened + 1);
    const stale = writeRecoveryStatement(getDb(), samActor, sam, "Seeing friends again.", { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<string>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: "Being back at football.", changedBy: "Sam Taylor" });
    expect((await listRecoveryVersions(getDb(), samActor, sam))[0]!.body).toBe("Being back at football.");

    // The same words as the newer version are not a conflict, and make no new version.
    expect(await writeRecoveryStatement(getDb(), samActor, sam, "Being back at football.", { baseVersion: opened })).toBe(opened + 1);
    expect(await writeRecoveryStatement(getDb(), samActor, sam, "Seeing friends again.", { baseVersion: conflict.latest.version })).toBe(opened + 2);
    expect((await listRecoveryVersions(getDb(), samActor, sam)).map((v) => v.version)).toEqual([opened + 2, opened + 1, ...Array.from({ length: opened }, (_, i) => opened - i)]);
  });

  it("two saves at the same moment from the same version: one lands, the other is told", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const opened = (await listRecoveryVersions(getDb(), samActor, sam))[0]!.version;
    const outcomes = await Promise.allSettled([
      writeRecoveryStatement(getDb(), samActor, sam, "Being back at football.", { baseVersion: opened }),
      writeRecoveryStatement(getDb(), samActor, sam, "Seeing friends again.", { baseVersion: opened }),
    ]);
    expect(outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []))).toEqual([opened + 1]);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });
});
