import { isUuid } from "~/utils/ids";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { accounts, carerAssessmentRequests, carerMessages, carerNeeds, serviceUsers, type AssessmentStatus } from "#db/schema/index";
import { isNeedsPart, type NeedsPart } from "~/models/vocabulary/carer-needs";
import type { Db } from "~/utils/db.server";
import { can, type Actor } from "./access.server";
import { displayNameOf } from "./entered-by.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { currentCoordinatorRelationship } from "./care-team.server";
import { ensure, NotFoundError } from "./access.server";
import type { Scope } from "./vocabulary/relationships";

export interface CaredFor {
  serviceUserId: string;
  displayName: string;
  scopes: Scope[];
  /** Who reads what the carer sends: the person's coordinator, by name. */
  coordinator: string | null;
}

async function coordinatorName(db: Db, serviceUserId: string): Promise<string | null> {
  return (await currentCoordinatorRelationship(db, serviceUserId))?.displayName ?? null;
}

/** The records on which this actor is a carer, as the access module decides it. */
function caredForIds(actor: Actor): string[] {
  return [...new Set(actor.relationships.map((r) => r.serviceUserId))].filter((id) => can(actor, "team.tell", { serviceUserId: id }));
}

/** The people this carer looks after, with exactly what each shares with them now. */
export async function listCaredFor(db: Db, actor: Actor): Promise<CaredFor[]> {
  const ids = caredForIds(actor);
  if (!ids.length) return [];
  const rels = actor.relationships.filter((r) => r.kind === "carer_of");
  const people = await db
    .select({ id: serviceUsers.id, displayName: serviceUsers.displayName })
    .from(serviceUsers)
    .where(inArray(serviceUsers.id, ids))
    .orderBy(asc(serviceUsers.displayName));
  const result: CaredFor[] = [];
  for (const p of people) {
    const scopes = rels.filter((r) => r.serviceUserId === p.id).flatMap((r) => r.scopes);
    result.push({ serviceUserId: p.id, displayName: p.displayName, scopes, coordinator: await coordinatorName(db, p.id) });
  }
  return result;
}

/** What the "tell the team" page needs: whose team, and who will read it. */
export async function getTellTheTeam(db: Db, actor: Actor, serviceUserId: string): Promise<{ displayName: string; coordinator: string | null }> {
  ensure(actor, "team.tell", serviceUserId);
  return { displayName: await displayNameOf(db, serviceUserId), coordinator: await coordinatorName(db, serviceUserId) };
}

/** A carer tells the care team something. The person does not see it unless the team decides to share it (CR-05). */
export async function sendCarerMessage(db: Db, actor: Actor, serviceUserId: string, body: string): Promise<string> {
  ensure(actor, "team.tell", serviceUserId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(carerMessages)
      .values({ serviceUserId, fromAccountId: actor.accountId, body })
      .returning({ id: carerMessages.id });
    await recordAudit(tx, actor, { action: "carer.message", serviceUserId, recordType: "carer_message", recordId: row!.id });
    return row!.id;
  });
}

export interface CarerMessage {
  id: string;
  from: string;
  body: string;
  sentAt: string;
  readAt: string | null;
}

/** Carers' messages about the person, newest first, for the care team. */
export async function listCarerMessages(db: Db, actor: Actor, serviceUserId: string): Promise<CarerMessage[]> {
  ensure(actor, "carers.support", serviceUserId);
  const rows = await db
    .select({
      id: carerMessages.id,
      from: accounts.displayName,
      body: carerMessages.body,
      sentAt: carerMessages.createdAt,
      readAt: carerMessages.readAt,
    })
    .from(carerMessages)
    .innerJoin(accounts, eq(accounts.id, carerMessages.fromAccountId))
    .where(eq(carerMessages.serviceUserId, serviceUserId))
    .orderBy(desc(carerMessages.createdAt));
  await recordReadIfOthers(db, actor, serviceUserId, "carer_messages");
  return rows.map((r) => ({ id: r.id, from: r.from, body: r.body, sentAt: r.sentAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
}

/** A member of the team marks a carer's message as read, so colleagues know it has been seen. */
export async function markCarerMessageRead(db: Db, actor: Actor, serviceUserId: string, messageId: string, now = new Date()): Promise<void> {
  ensure(actor, "carers.support", serviceUserId);
  if (!isUuid(messageId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(carerMessages)
      .set({ readAt: now, readBy: actor.accountId })
      .where(and(eq(carerMessages.id, messageId), eq(carerMessages.serviceUserId, serviceUserId), isNull(carerMessages.readAt)))
      .returning({ id: carerMessages.id });
    if (updated.length) {
      await recordAudit(tx, actor, { action: "carer.message.read", serviceUserId, recordType: "carer_message", recordId: messageId });
    }
  });
}

export type NeedsRecord = Partial<Record<NeedsPart, { answers: Record<string, string>; updatedAt: string }>>;

/**
 * Who the carer pages are for: someone who cares for anyone (may tell a team something), or who
 * signed up on their own as a carer and is not linked to anyone yet (decision 060).
 */
export function isCarer(actor: Actor): boolean {
  return actor.carerSignedUp === true || caredForIds(actor).length > 0;
}

function requireCarer(actor: Actor): void {
  if (!isCarer(actor)) throw new NotFoundError();
}

async function needsOf(db: Db, carerAccountId: string): Promise<NeedsRecord> {
  const rows = await db.select().from(carerNeeds).where(eq(carerNeeds.carerAccountId, carerAccountId));
  const record: NeedsRecord = {};
  for (const r of rows) {
    if (isNeedsPart(r.part)) record[r.part] = { answers: r.answers, updatedAt: r.updatedAt.toISOString() };
  }
  return record;
}

/** The carer's own needs record. Only ever their own: nobody else's account can read it here. */
export async function getMyNeeds(db: Db, actor: Actor): Promise<NeedsRecord> {
  requireCarer(actor);
  return needsOf(db, actor.accountId);
}

/** Save one part; a part saved once shows as done on the task list. */
export async function saveNeedsPart(db: Db, actor: Actor, part: NeedsPart, answers: Record<string, string>, now = new Date()): Promise<void> {
  requireCarer(actor);
  await db.transaction(async (tx) => {
    await tx
      .insert(carerNeeds)
      .values({ carerAccountId: actor.accountId, part, answers, updatedAt: now })
      .onConflictDoUpdate({ target: [carerNeeds.carerAccountId, carerNeeds.part], set: { answers, updatedAt: now } });
    await recordAudit(tx, actor, { action: "carer.needs.save", recordType: "carer_needs", details: { part } });
  });
}

export interface AssessmentRequest {
  id: string;
  carer: string;
  serviceUserId: string;
  about: string;
  contactBy: string;
  bestTime: string;
  wantsAdvocate: boolean;
  status: AssessmentStatus;
  note: string;
  requestedAt: string;
  updatedAt: string;
}

const requestColumns = {
  id: carerAssessmentRequests.id,
  carer: accounts.displayName,
  serviceUserId: carerAssessmentRequests.serviceUserId,
  about: serviceUsers.displayName,
  contactBy: carerAssessmentRequests.contactBy,
  bestTime: carerAssessmentRequests.bestTime,
  wantsAdvocate: carerAssessmentRequests.wantsAdvocate,
  status: carerAssessmentRequests.status,
  note: carerAssessmentRequests.note,
  requestedAt: carerAssessmentRequests.createdAt,
  updatedAt: carerAssessmentRequests.updatedAt,
};

function toRequest(r: { requestedAt: Date; updatedAt: Date } & Omit<AssessmentRequest, "requestedAt" | "updatedAt">): AssessmentRequest {
  return { ...r, requestedAt: r.requestedAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

function requestQuery(db: Db) {
  return db
    .select(requestColumns)
    .from(carerAssessmentRequests)
    .innerJoin(accounts, eq(accounts.id, carerAssessmentRequests.carerAccountId))
    .innerJoin(serviceUsers, eq(serviceUsers.id, carerAssessmentRequests.serviceUserId));
}

/** A request the team has not completed yet: the carer follows it rather than asking again. */
export const openAssessmentStatuses: readonly AssessmentStatus[] = ["received", "in_progress"];

export function isOpenAssessment(request: { status: AssessmentStatus }): boolean {
  return openAssessmentStatuses.includes(request.status);
}

/** The carer already has an open request about this person. */
export class AssessmentAlreadyOpenError extends Error {}

/**
 * A carer asks for a carer's assessment; it goes to the care team of the person they look after.
 * One open request per carer and person: a second is refused until the first is completed.
 */
export async function requestAssessment(
  db: Db,
  actor: Actor,
  input: { serviceUserId: string; contactBy: string; bestTime: string; wantsAdvocate: boolean },
): Promise<string> {
  ensure(actor, "team.tell", input.serviceUserId);
  return db.transaction(async (tx) => {
    const open = await tx
      .select({ id: carerAssessmentRequests.id })
      .from(carerAssessmentRequests)
      .where(
        and(
          eq(carerAssessmentRequests.carerAccountId, actor.accountId),
          eq(carerAssessmentRequests.serviceUserId, input.serviceUserId),
          inArray(carerAssessmentRequests.status, [...openAssessmentStatuses]),
        ),
      );
    if (open.length) throw new AssessmentAlreadyOpenError();
    const [row] = await tx
      .insert(carerAssessmentRequests)
      .values({ carerAccountId: actor.accountId, ...input })
      .returning({ id: carerAssessmentRequests.id });
    await recordAudit(tx, actor, {
      action: "carer.assessment.request",
      serviceUserId: input.serviceUserId,
      recordType: "carer_assessment_request",
      recordId: row!.id,
    });
    return row!.id;
  });
}

/** The carer's own requests, newest first, so they can follow each one. */
export async function listMyAssessmentRequests(db: Db, actor: Actor): Promise<AssessmentRequest[]> {
  requireCarer(actor);
  const rows = await requestQuery(db)
    .where(eq(carerAssessmentRequests.carerAccountId, actor.accountId))
    .orderBy(desc(carerAssessmentRequests.createdAt));
  return rows.map(toRequest);
}

/** Requests from this person's carers, for the care team. */
export async function listAssessmentRequests(db: Db, actor: Actor, serviceUserId: string): Promise<AssessmentRequest[]> {
  ensure(actor, "carers.support", serviceUserId);
  const rows = await requestQuery(db)
    .where(eq(carerAssessmentRequests.serviceUserId, serviceUserId))
    .orderBy(desc(carerAssessmentRequests.createdAt));
  return rows.map(toRequest);
}

async function teamRequest(db: Db, actor: Actor, serviceUserId: string, requestId: string) {
  ensure(actor, "carers.support", serviceUserId);
  if (!isUuid(requestId)) throw new NotFoundError();
  const [row] = await db
    .select()
    .from(carerAssessmentRequests)
    .where(and(eq(carerAssessmentRequests.id, requestId), eq(carerAssessmentRequests.serviceUserId, serviceUserId)));
  if (!row) throw new NotFoundError();
  return row;
}

/** The team moves a request on: received, in progress, completed, with a note the carer reads. */
export async function updateAssessmentRequest(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: { requestId: string; status: AssessmentStatus; note: string },
  now = new Date(),
): Promise<void> {
  const row = await teamRequest(db, actor, serviceUserId, input.requestId);
  await db.transaction(async (tx) => {
    await tx
      .update(carerAssessmentRequests)
      .set({ status: input.status, note: input.note, updatedAt: now, updatedBy: actor.accountId })
      .where(eq(carerAssessmentRequests.id, row.id));
    await recordAudit(tx, actor, {
      action: "carer.assessment.update",
      serviceUserId,
      recordType: "carer_assessment_request",
      recordId: row.id,
      details: { from: row.status, to: input.status },
    });
  });
}

/**
 * The carer's needs record, for the team of the person they care for, and only once the carer
 * has asked for an assessment. The person cared for never has this permission.
 */
export async function getNeedsForAssessment(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  requestId: string,
): Promise<{ carer: string; needs: NeedsRecord; request: AssessmentRequest }> {
  const row = await teamRequest(db, actor, serviceUserId, requestId);
  const [request] = await requestQuery(db).where(eq(carerAssessmentRequests.id, row.id));
  await recordAudit(db, actor, { action: "read", serviceUserId, recordType: "carer_needs", recordId: row.id });
  return { carer: request!.carer, needs: await needsOf(db, row.carerAccountId), request: toRequest(request!) };
}
