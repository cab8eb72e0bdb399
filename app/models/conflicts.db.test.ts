import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { ConflictError } from "./access.server";
import { addCareTeamMember, getCareTeamMember, updateCareTeamMember, type CareTeamMemberInput } from "./care-team.server";
import { addGoal, getGoal, updateGoal, type GoalInput } from "./goals.server";
import { listRecoveryVersions, writeRecoveryStatement } from "./recovery.server";

/**
 * No lost updates: a form carries the version it was opened at. A save from an older version,
 * when someone else changed the same thing since, is refused with what they saved; saving again
 * from their version goes on top. Saves at the same moment never share a version number.
 */
const goal = (what: string): GoalInput => ({ what, why: "", firstStep: "", whoCanHelp: "", targetDate: null });

describe("a goal's edit form", () => {
  it("a save from before someone else's change is refused with their words; saving again on top of theirs succeeds", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), samActor, sam, goal("Swim"));
    const opened = (await getGoal(getDb(), samActor, sam, id)).version;

    expect(await updateGoal(getDb(), samActor, sam, id, goal("Swim once a week"), { baseVersion: opened })).toEqual({ changed: true });
    const stale = updateGoal(getDb(), samActor, sam, id, goal("Swim in the sea"), { baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<GoalInput>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: goal("Swim once a week"), changedBy: "Sam Taylor" });
    expect((await getGoal(getDb(), samActor, sam, id)).what).toBe("Swim once a week");

    // Saving what the other person saved anyway is not a conflict; saving again from their version lands on top.
    expect(await updateGoal(getDb(), samActor, sam, id, goal("Swim once a week"), { baseVersion: opened })).toEqual({ changed: false });
    expect(await updateGoal(getDb(), samActor, sam, id, goal("Swim in the sea"), { baseVersion: conflict.latest.version })).toEqual({ changed: true });
    const after = await getGoal(getDb(), samActor, sam, id);
    expect(after).toMatchObject({ what: "Swim in the sea", version: opened + 2 });
  });

  it("two saves at the same moment from the same version: one lands, the other is told; without a version both land in turn", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await addGoal(getDb(), samActor, sam, goal("Swim"));
    const outcomes = await Promise.allSettled([
      updateGoal(getDb(), samActor, sam, id, goal("Swim twice"), { baseVersion: 1 }),
      updateGoal(getDb(), samActor, sam, id, goal("Swim three times"), { baseVersion: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    await Promise.all([updateGoal(getDb(), samActor, sam, id, goal("A")), updateGoal(getDb(), samActor, sam, id, goal("B"))]);
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

const housing: CareTeamMemberInput = {
  name: "Chris Lee",
  role: "Housing support worker",
  organisation: "Riverside Housing Association",
  agency: "charity",
  contact: "01632 960555",
  whenToContact: "Tuesdays",
};

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
