import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, goalProgress, goals, serviceUsers } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { loadActor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { addGoal, getGoal, recordGoalProgress, setGoalStatus } from "./goals.server";
import { NotFoundError } from "./plan.server";
import { listRecoveryVersions, writeRecoveryStatement } from "./recovery.server";

async function actorFor(email: string) {
  const [a] = await getDb().select().from(accounts).where(eq(accounts.email, email));
  return loadActor(getDb(), a!);
}
async function samId() {
  const [su] = await getDb().select().from(serviceUsers).where(eq(serviceUsers.displayName, "Sam Taylor"));
  return su!.id;
}
const newGoal = { what: "Join a choir", why: "", firstStep: "", whoCanHelp: "", targetDate: null };

describe("goals", () => {
  it("Sam adds a goal, records progress and marks it done; each change is audited", async () => {
    await seedDemoData(getDb());
    const sam = await samId();
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
    const sam = await samId();
    const [existing] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    for (const email of [demoPeople.jo.email, demoPeople.alex.email, demoPeople.priya.email, demoPeople.maya.email]) {
      const actor = await actorFor(email);
      await expect(addGoal(getDb(), actor, sam, newGoal)).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordGoalProgress(getDb(), actor, sam, existing!.id, { rating: 5, note: "" })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("Maya cannot read Sam's goal; Alex (goals not shared) cannot either; Priya can", async () => {
    await seedDemoData(getDb());
    const sam = await samId();
    const [goal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    await expect(getGoal(getDb(), await actorFor(demoPeople.maya.email), sam, goal!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGoal(getDb(), await actorFor(demoPeople.alex.email), sam, goal!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getGoal(getDb(), await actorFor(demoPeople.priya.email), sam, goal!.id)).id).toBe(goal!.id);
  });

  it("a goal id from someone else's record is not found through this record", async () => {
    await seedDemoData(getDb());
    const [maya] = await getDb().select().from(serviceUsers).where(eq(serviceUsers.displayName, "Maya Rahman"));
    const mayaActor = await actorFor(demoPeople.maya.email);
    const sam = await samId();
    const [samGoal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    await expect(getGoal(getDb(), mayaActor, maya!.id, samGoal!.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGoal(getDb(), mayaActor, maya!.id, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the database refuses a rating outside 0 to 10", async () => {
    await seedDemoData(getDb());
    const sam = await samId();
    const [goal] = await getDb().select().from(goals).where(eq(goals.serviceUserId, sam));
    await expect(getDb().insert(goalProgress).values({ goalId: goal!.id, rating: 11 })).rejects.toThrow();
  });
});

describe("what recovery means to me", () => {
  it("Sam writes a new version; earlier versions are kept", async () => {
    await seedDemoData(getDb());
    const sam = await samId();
    const actor = await actorFor(demoPeople.sam.email);
    expect(await writeRecoveryStatement(getDb(), actor, sam, "Feeling like me again.")).toBe(3);
    const versions = await listRecoveryVersions(getDb(), actor, sam);
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[0]!.body).toBe("Feeling like me again.");
  });

  it("Jo can read it but never change it; Alex cannot read it", async () => {
    await seedDemoData(getDb());
    const sam = await samId();
    const jo = await actorFor(demoPeople.jo.email);
    expect((await listRecoveryVersions(getDb(), jo, sam)).length).toBe(2);
    await expect(writeRecoveryStatement(getDb(), jo, sam, "Staff words")).rejects.toBeInstanceOf(NotFoundError);
    await expect(listRecoveryVersions(getDb(), await actorFor(demoPeople.alex.email), sam)).rejects.toBeInstanceOf(NotFoundError);
  });
});
