import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { accounts, carerNotes, relationships, serviceUsers, sharingQuestions } from "#db/schema/index";
import { keyedHash } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { hashPassword } from "~/utils/passwords.server";
import { can, ensure, NotFoundError, type Actor } from "./access.server";
import { bump, minutesLeft, normaliseEmail, throttleAddress } from "./account.server";
import { accountActor, recordAudit } from "./audit.server";
import { isCarer } from "./carers.server";

/**
 * Carers who find the service on their own (CR-01, decision 060): "I look after someone".
 *
 * Signing up never says whether an email already has an account (ASVS 5.0 6.3.8, account
 * enumeration): the answer is the same page either way, and with a taken email nothing changes
 * (the account keeps its password; nobody is signed in). The password is hashed either way, so the
 * answer takes the same time. Signing up is throttled per address with the sign-in counters.
 */

/** Sign-ups from one address in the sign-in window (15 minutes) before that address waits. */
export const SIGN_UP_LIMIT = 10;

export type CarerSignUpResult = { status: "done" } | { status: "locked"; minutes: number };

export async function signUpAsCarer(
  db: Db,
  input: { displayName: string; email: string; password: string; address: string },
  now = new Date(),
): Promise<CarerSignUpResult> {
  const counter = await bump(db, keyedHash("carer-sign-up-address", throttleAddress(input.address)), now);
  if (counter.failures > SIGN_UP_LIMIT) {
    await recordAudit(db, null, { action: "carer.sign_up", details: { outcome: "locked" } });
    return { status: "locked", minutes: minutesLeft(counter, now) };
  }
  const email = normaliseEmail(input.email);
  // Hashed before looking: a taken email costs the same time as a new one.
  const passwordHash = await hashPassword(input.password);
  const [created] = await db
    .insert(accounts)
    .values({ email, displayName: input.displayName, passwordHash, carerSignedUpAt: now, createdAt: now })
    .onConflictDoNothing({ target: accounts.email })
    .returning({ id: accounts.id });
  if (created) {
    await recordAudit(db, accountActor(created.id), { action: "carer.sign_up", recordType: "account", recordId: created.id, details: { outcome: "created" } });
  } else {
    // Nothing about the email is kept: the log says only that a sign-up changed nothing.
    await recordAudit(db, null, { action: "carer.sign_up", details: { outcome: "unchanged" } });
  }
  return { status: "done" };
}

/** A carer with no one linked tells the team about someone by name. Never says whether the person is known. */
export async function sendCarerNote(
  db: Db,
  actor: Actor,
  input: { personName: string; personBirthDate: string | null; personDetails: string; body: string },
  now = new Date(),
): Promise<string> {
  if (!isCarer(actor)) throw new NotFoundError();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(carerNotes)
      .values({ fromAccountId: actor.accountId, ...input, createdAt: now })
      .returning({ id: carerNotes.id });
    await recordAudit(tx, actor, { action: "carer.note", recordType: "carer_note", recordId: row!.id });
    return row!.id;
  });
}

export interface QueuedCarer {
  accountId: string;
  displayName: string;
  email: string;
  signedUpAt: string;
  /** How many people staff have linked them to (0: still to do). */
  linked: number;
  unreadNotes: number;
}

/** The staff queue: carers who signed up on their own, those still to link or with unread notes first, oldest first. */
export async function listSignedUpCarers(db: Db, actor: Actor): Promise<QueuedCarer[]> {
  if (!can(actor, "carers.queue", { organisation: true })) throw new NotFoundError();
  const rows = await db
    .select({ accountId: accounts.id, displayName: accounts.displayName, email: accounts.email, signedUpAt: accounts.carerSignedUpAt })
    .from(accounts)
    .where(isNotNull(accounts.carerSignedUpAt))
    .orderBy(asc(accounts.carerSignedUpAt));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.accountId);
  const links = await db
    .select({ accountId: relationships.accountId, n: count() })
    .from(relationships)
    .where(and(inArray(relationships.accountId, ids), eq(relationships.kind, "carer_of"), isNull(relationships.endedAt)))
    .groupBy(relationships.accountId);
  const notes = await db
    .select({ accountId: carerNotes.fromAccountId, n: count() })
    .from(carerNotes)
    .where(and(inArray(carerNotes.fromAccountId, ids), isNull(carerNotes.readAt)))
    .groupBy(carerNotes.fromAccountId);
  await recordAudit(db, actor, { action: "carer.queue.read", recordType: "carer_queue" });
  const queued = rows.map((r) => ({
    accountId: r.accountId,
    displayName: r.displayName,
    email: r.email,
    signedUpAt: r.signedUpAt!.toISOString(),
    linked: Number(links.find((l) => l.accountId === r.accountId)?.n ?? 0),
    unreadNotes: Number(notes.find((n) => n.accountId === r.accountId)?.n ?? 0),
  }));
  const waiting = (c: QueuedCarer) => c.linked === 0 || c.unreadNotes > 0;
  return [...queued.filter(waiting), ...queued.filter((c) => !waiting(c))];
}

export interface CarerNote {
  id: string;
  personName: string;
  personBirthDate: string | null;
  personDetails: string;
  body: string;
  sentAt: string;
  readAt: string | null;
}

export interface SignedUpCarer {
  accountId: string;
  displayName: string;
  email: string;
  signedUpAt: string;
  notes: CarerNote[];
  /** The people they are linked to now, and whether the person has answered the question yet. */
  linkedTo: { serviceUserId: string; displayName: string; answer: "chose" | "declined" | null }[];
}

async function queuedCarer(db: Db, actor: Actor, accountId: string) {
  if (!can(actor, "carers.queue", { organisation: true }) || !isUuid(accountId)) throw new NotFoundError();
  const [row] = await db
    .select({ id: accounts.id, displayName: accounts.displayName, email: accounts.email, signedUpAt: accounts.carerSignedUpAt })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), isNotNull(accounts.carerSignedUpAt)));
  if (!row) throw new NotFoundError();
  return row;
}

/** One carer from the queue: their notes, newest first, and who they are linked to. */
export async function getSignedUpCarer(db: Db, actor: Actor, accountId: string): Promise<SignedUpCarer> {
  const carer = await queuedCarer(db, actor, accountId);
  const notes = await db.select().from(carerNotes).where(eq(carerNotes.fromAccountId, accountId)).orderBy(desc(carerNotes.createdAt));
  const linked = await db
    .select({ relationshipId: relationships.id, serviceUserId: relationships.serviceUserId, displayName: serviceUsers.displayName })
    .from(relationships)
    .innerJoin(serviceUsers, eq(serviceUsers.id, relationships.serviceUserId))
    .where(and(eq(relationships.accountId, accountId), eq(relationships.kind, "carer_of"), isNull(relationships.endedAt)))
    .orderBy(asc(serviceUsers.displayName));
  const questions = linked.length
    ? await db
        .select({ relationshipId: sharingQuestions.relationshipId, answer: sharingQuestions.answer })
        .from(sharingQuestions)
        .where(inArray(sharingQuestions.relationshipId, linked.map((l) => l.relationshipId)))
    : [];
  // The team sees a person's name here only for someone on its own caseload.
  const linkedTo = linked
    .filter((l) => can(actor, "carers.support", { serviceUserId: l.serviceUserId }))
    .map((l) => ({
      serviceUserId: l.serviceUserId,
      displayName: l.displayName,
      answer: questions.find((q) => q.relationshipId === l.relationshipId)?.answer ?? null,
    }));
  await recordAudit(db, actor, { action: "carer.queue.read", recordType: "account", recordId: accountId });
  return {
    accountId: carer.id,
    displayName: carer.displayName,
    email: carer.email,
    signedUpAt: carer.signedUpAt!.toISOString(),
    notes: notes.map((n) => ({
      id: n.id,
      personName: n.personName,
      personBirthDate: n.personBirthDate,
      personDetails: n.personDetails,
      body: n.body,
      sentAt: n.createdAt.toISOString(),
      readAt: n.readAt?.toISOString() ?? null,
    })),
    linkedTo,
  };
}

/** Staff mark a carer's note read, so colleagues know it has been seen. */
export async function markCarerNoteRead(db: Db, actor: Actor, accountId: string, noteId: string, now = new Date()): Promise<void> {
  await queuedCarer(db, actor, accountId);
  if (!isUuid(noteId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(carerNotes)
      .set({ readAt: now, readBy: actor.accountId })
      .where(and(eq(carerNotes.id, noteId), eq(carerNotes.fromAccountId, accountId), isNull(carerNotes.readAt)))
      .returning({ id: carerNotes.id });
    if (updated.length) await recordAudit(tx, actor, { action: "carer.note.read", recordType: "carer_note", recordId: noteId });
  });
}

/** People on the staff member's own caseload whose name has `query` in it: whom they may link a carer to. */
export async function searchCaseloadForCarer(db: Db, actor: Actor, query: string): Promise<{ serviceUserId: string; displayName: string }[]> {
  const ids = [...new Set(actor.relationships.map((r) => r.serviceUserId))].filter((id) => can(actor, "carers.link", { serviceUserId: id }));
  const words = query.trim().slice(0, 100);
  if (!ids.length || !words) return [];
  const escaped = words.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select({ serviceUserId: serviceUsers.id, displayName: serviceUsers.displayName })
    .from(serviceUsers)
    .where(and(inArray(serviceUsers.id, ids), ilike(serviceUsers.displayName, `%${escaped}%`)))
    .orderBy(asc(serviceUsers.displayName))
    .limit(20);
}

export class AlreadyLinkedError extends Error {}

/**
 * Staff link a carer who signed up on their own to a person on their caseload: a carer
 * relationship with nothing shared, and a question the person answers on their sharing page.
 */
export async function linkCarer(db: Db, actor: Actor, accountId: string, serviceUserId: string, now = new Date()): Promise<string> {
  await queuedCarer(db, actor, accountId);
  if (!isUuid(serviceUserId)) throw new NotFoundError();
  ensure(actor, "carers.link", serviceUserId);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(
        and(
          eq(relationships.accountId, accountId),
          eq(relationships.serviceUserId, serviceUserId),
          or(eq(relationships.kind, "carer_of"), eq(relationships.kind, "service_user")),
          isNull(relationships.endedAt),
        ),
      );
    if (existing) throw new AlreadyLinkedError();
    const [rel] = await tx
      .insert(relationships)
      .values({ accountId, serviceUserId, kind: "carer_of", startedAt: now })
      .returning({ id: relationships.id });
    await tx.insert(sharingQuestions).values({ relationshipId: rel!.id, askedBy: actor.accountId, askedAt: now });
    await recordAudit(tx, actor, { action: "carer.link", serviceUserId, recordType: "relationship", recordId: rel!.id });
    return rel!.id;
  });
}

export interface SharingQuestion {
  id: string;
  relationshipId: string;
  carerName: string;
  askedAt: string;
}

/** "Alex says they look after you": the questions the person has not answered yet. */
export async function openSharingQuestions(db: Db, actor: Actor, serviceUserId: string): Promise<SharingQuestion[]> {
  ensure(actor, "sharing.manage", serviceUserId);
  const rows = await db
    .select({ id: sharingQuestions.id, relationshipId: relationships.id, carerName: accounts.displayName, askedAt: sharingQuestions.askedAt })
    .from(sharingQuestions)
    .innerJoin(relationships, eq(relationships.id, sharingQuestions.relationshipId))
    .innerJoin(accounts, eq(accounts.id, relationships.accountId))
    .where(and(eq(relationships.serviceUserId, serviceUserId), isNull(relationships.endedAt), isNull(sharingQuestions.answeredAt)))
    .orderBy(asc(sharingQuestions.askedAt));
  return rows.map((r) => ({ ...r, askedAt: r.askedAt.toISOString() }));
}

/**
 * The person answers: "declined" (share nothing, the carer stays linked and can still tell the
 * team), or "chose" once they have chosen what to share on the carer's sharing page.
 */
export async function answerSharingQuestion(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  relationshipId: string,
  answer: "chose" | "declined",
  now = new Date(),
): Promise<void> {
  ensure(actor, "sharing.manage", serviceUserId);
  if (!isUuid(relationshipId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const [question] = await tx
      .select({ id: sharingQuestions.id })
      .from(sharingQuestions)
      .innerJoin(relationships, eq(relationships.id, sharingQuestions.relationshipId))
      .where(and(eq(relationships.id, relationshipId), eq(relationships.serviceUserId, serviceUserId), isNull(sharingQuestions.answeredAt)))
      .for("update");
    if (!question) return;
    await tx.update(sharingQuestions).set({ answer, answeredAt: now }).where(eq(sharingQuestions.id, question.id));
    await recordAudit(tx, actor, { action: "sharing.question.answer", serviceUserId, recordType: "relationship", recordId: relationshipId, details: { answer } });
  });
}
