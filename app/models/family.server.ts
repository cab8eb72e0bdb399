import { isUuid } from "~/utils/ids";
import { and, asc, eq } from "drizzle-orm";
import { dependants, youngCarerQuestions, type YoungCarerAnswer } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { can, type Actor } from "./access.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { ensure, NotFoundError } from "./access.server";

export interface Dependant {
  id: string;
  name: string;
  age: number | null;
  livesWithMe: boolean;
  whoLooksAfter: string;
}

/** The children and other dependants in the person's life: theirs to keep, shown with their crisis plan (CP-05). */
export async function listDependants(db: Db, actor: Actor, serviceUserId: string): Promise<Dependant[]> {
  if (!can(actor, "sharing.manage", { serviceUserId }) && !can(actor, "plan.crisis.read", { serviceUserId })) throw new NotFoundError();
  const rows = await db
    .select({
      id: dependants.id,
      name: dependants.name,
      age: dependants.age,
      livesWithMe: dependants.livesWithMe,
      whoLooksAfter: dependants.whoLooksAfter,
    })
    .from(dependants)
    .where(eq(dependants.serviceUserId, serviceUserId))
    .orderBy(asc(dependants.createdAt));
  await recordReadIfOthers(db, actor, serviceUserId, "dependants");
  return rows;
}

export async function addDependant(db: Db, actor: Actor, serviceUserId: string, input: Omit<Dependant, "id">): Promise<string> {
  ensure(actor, "sharing.manage", serviceUserId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(dependants).values({ serviceUserId, ...input }).returning({ id: dependants.id });
    await recordAudit(tx, actor, { action: "dependant.add", serviceUserId, recordType: "dependant", recordId: row!.id });
    return row!.id;
  });
}

export async function removeDependant(db: Db, actor: Actor, serviceUserId: string, dependantId: string): Promise<void> {
  ensure(actor, "sharing.manage", serviceUserId);
  if (!isUuid(dependantId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(dependants)
      .where(and(eq(dependants.id, dependantId), eq(dependants.serviceUserId, serviceUserId)))
      .returning({ id: dependants.id });
    if (!removed.length) throw new NotFoundError();
    await recordAudit(tx, actor, { action: "dependant.remove", serviceUserId, recordType: "dependant", recordId: dependantId });
  });
}

/** "Does anyone under 18 help look after you?", as this account last answered it for this person (CR-09). */
export async function getYoungCarerAnswer(db: Db, actor: Actor, serviceUserId: string): Promise<YoungCarerAnswer | null> {
  const [row] = await db
    .select({ answer: youngCarerQuestions.answer })
    .from(youngCarerQuestions)
    .where(and(eq(youngCarerQuestions.accountId, actor.accountId), eq(youngCarerQuestions.serviceUserId, serviceUserId)));
  return row?.answer ?? null;
}

export async function answerYoungCarerQuestion(db: Db, actor: Actor, serviceUserId: string, answer: YoungCarerAnswer, now = new Date()): Promise<void> {
  if (!can(actor, "sharing.manage", { serviceUserId }) && !can(actor, "team.tell", { serviceUserId })) throw new NotFoundError();
  await db.transaction(async (tx) => {
    await tx
      .insert(youngCarerQuestions)
      .values({ accountId: actor.accountId, serviceUserId, answer, answeredAt: now })
      .onConflictDoUpdate({ target: [youngCarerQuestions.accountId, youngCarerQuestions.serviceUserId], set: { answer, answeredAt: now } });
    await recordAudit(tx, actor, { action: "young_carer.answer", serviceUserId, recordType: "young_carer_question", details: { answer } });
  });
}
