import { isUuid } from "~/utils/ids";
import { and, asc, eq } from "drizzle-orm";
import { accounts, goalProgress, goals, type GoalStatus } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { ConflictError, onBehalfCapacity, type Actor } from "./access.server";
import { enteredByOf, type EnteredBy } from "./entered-by.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { ensure, NotFoundError } from "./access.server";

export interface GoalInput {
  what: string;
  why: string;
  firstStep: string;
  whoCanHelp: string;
  targetDate: string | null;
}

export interface GoalDetail extends GoalInput {
  id: string;
  serviceUserId: string;
  status: GoalStatus;
  /** Goes up by one with each change to the words: the edit form carries it (see updateGoal). */
  version: number;
  createdAt: string;
  enteredBy: EnteredBy;
  progress: { rating: number; note: string; recordedAt: string; enteredBy: EnteredBy }[];
}

/** The person adds a goal in their own words. */
export async function addGoal(db: Db, actor: Actor, serviceUserId: string, input: GoalInput): Promise<string> {
  ensure(actor, "goals.write", serviceUserId);
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .insert(goals)
      .values({ serviceUserId, ...input, status: "active", createdBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) })
      .returning({ id: goals.id });
    await recordAudit(tx, actor, {
      action: "goal.add",
      serviceUserId,
      recordType: "goal",
      recordId: goal!.id,
    });
    return goal!.id;
  });
}

async function findGoal(db: Db, serviceUserId: string, goalId: string) {
  if (!isUuid(goalId)) throw new NotFoundError();
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.serviceUserId, serviceUserId)));
  if (!goal) throw new NotFoundError();
  return goal;
}

export async function getGoal(db: Db, actor: Actor, serviceUserId: string, goalId: string): Promise<GoalDetail> {
  ensure(actor, "goals.read", serviceUserId);
  const goal = await findGoal(db, serviceUserId, goalId);
  const progress = await db
    .select({ rating: goalProgress.rating, note: goalProgress.note, recordedAt: goalProgress.recordedAt, enteredAs: goalProgress.enteredAs, by: accounts.displayName })
    .from(goalProgress)
    .leftJoin(accounts, eq(accounts.id, goalProgress.recordedBy))
    .where(eq(goalProgress.goalId, goal.id))
    .orderBy(asc(goalProgress.recordedAt));
  await recordReadIfOthers(db, actor, serviceUserId, "goal", goal.id);
  return {
    id: goal.id,
    serviceUserId,
    what: goal.what,
    why: goal.why,
    firstStep: goal.firstStep,
    whoCanHelp: goal.whoCanHelp,
    targetDate: goal.targetDate,
    status: goal.status,
    version: goal.version,
    createdAt: goal.createdAt.toISOString(),
    enteredBy: await enteredByOf(db, goal.enteredAs, goal.createdBy),
    progress: progress.map((p) => ({
      rating: p.rating,
      note: p.note,
      recordedAt: p.recordedAt.toISOString(),
      enteredBy: p.enteredAs && p.by ? { name: p.by, as: p.enteredAs as NonNullable<EnteredBy>["as"] } : null,
    })),
  };
}

/** How it is going, 0 to 10, with an optional note: whenever the person likes. */
export async function recordGoalProgress(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  goalId: string,
  input: { rating: number; note: string },
  now = new Date(),
): Promise<void> {
  ensure(actor, "goals.write", serviceUserId);
  const goal = await findGoal(db, serviceUserId, goalId);
  await db.transaction(async (tx) => {
    await tx.insert(goalProgress).values({ goalId: goal.id, rating: input.rating, note: input.note, recordedAt: now, recordedBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) });
    await recordAudit(tx, actor, {
      action: "goal.progress",
      serviceUserId,
      recordType: "goal",
      recordId: goal.id,
      details: { rating: input.rating },
    });
  });
}

/**
 * The person changes the words of their goal. Suggestions are answered, not changed, so only their own goals.
 * With `baseVersion` (the version the form was opened at): if someone else changed the words since,
 * and to something other than what is being saved, nothing is saved and ConflictError carries theirs.
 */
export async function updateGoal(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  goalId: string,
  input: GoalInput,
  options: { baseVersion?: number | null } = {},
): Promise<{ changed: boolean }> {
  ensure(actor, "goals.write", serviceUserId);
  if (!isUuid(goalId)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    // The goal's row lock: two saves at once take turns, and the second sees the first's version.
    const [goal] = await tx
      .select()
      .from(goals)
      .where(and(eq(goals.id, goalId), eq(goals.serviceUserId, serviceUserId)))
      .for("update");
    if (!goal || goal.status === "suggested" || goal.status === "declined") throw new NotFoundError();
    const fields = (Object.keys(input) as (keyof GoalInput)[]).filter((k) => goal[k] !== input[k]);
    const base = options.baseVersion;
    if (base !== undefined && base !== null && goal.version > base && fields.length) {
      const [by] = goal.updatedBy ? await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, goal.updatedBy)) : [];
      const value: GoalInput = { what: goal.what, why: goal.why, firstStep: goal.firstStep, whoCanHelp: goal.whoCanHelp, targetDate: goal.targetDate };
      throw new ConflictError<GoalInput>({ version: goal.version, value, changedBy: by?.name ?? null, changedAt: goal.updatedAt.toISOString() });
    }
    if (!fields.length) return { changed: false };
    const version = goal.version + 1;
    await tx.update(goals).set({ ...input, version, updatedBy: actor.accountId, updatedAt: new Date() }).where(eq(goals.id, goal.id));
    await recordAudit(tx, actor, {
      action: "goal.update",
      serviceUserId,
      recordType: "goal",
      recordId: goal.id,
      details: { fields },
    });
    return { changed: true };
  });
}

/** Mark a goal done, paused, or active again. */
export async function setGoalStatus(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  goalId: string,
  status: Extract<GoalStatus, "active" | "done" | "paused">,
): Promise<void> {
  ensure(actor, "goals.write", serviceUserId);
  const goal = await findGoal(db, serviceUserId, goalId);
  await db.transaction(async (tx) => {
    await tx.update(goals).set({ status, updatedAt: new Date() }).where(eq(goals.id, goal.id));
    await recordAudit(tx, actor, {
      action: "goal.status",
      serviceUserId,
      recordType: "goal",
      recordId: goal.id,
      details: { from: goal.status, to: status },
    });
  });
}

/** Staff suggest a goal. It waits for the person, who may take it up, change it, or decline it. */
export async function suggestGoal(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: { what: string; why: string },
): Promise<string> {
  ensure(actor, "goals.suggest", serviceUserId);
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .insert(goals)
      .values({ serviceUserId, what: input.what, why: input.why, status: "suggested", suggestedBy: actor.accountId, createdBy: actor.accountId })
      .returning({ id: goals.id });
    await recordAudit(tx, actor, { action: "goal.suggest", serviceUserId, recordType: "goal", recordId: goal!.id });
    return goal!.id;
  });
}

/**
 * The person answers a suggestion: take it up (in their own words if they change them), or decline.
 * Declining is recorded neutrally, as "not taken up".
 */
export async function respondToSuggestion(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  goalId: string,
  input: { response: "accept" | "decline"; what: string },
): Promise<void> {
  ensure(actor, "goals.write", serviceUserId);
  const goal = await findGoal(db, serviceUserId, goalId);
  if (goal.status !== "suggested") throw new NotFoundError();
  const status: GoalStatus = input.response === "accept" ? "active" : "declined";
  const what = input.response === "accept" && input.what ? input.what : goal.what;
  await db.transaction(async (tx) => {
    await tx.update(goals).set({ status, what, updatedAt: new Date() }).where(eq(goals.id, goal.id));
    await recordAudit(tx, actor, {
      action: "goal.respond",
      serviceUserId,
      recordType: "goal",
      recordId: goal.id,
      details: { response: input.response, reworded: what !== goal.what },
    });
  });
}
