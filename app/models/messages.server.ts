import { aliasedTable, and, asc, desc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { accounts, messageReads, messages, messageThreads, relationships, serviceUsers, type ThreadStatus } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { can, capacityFor, ensure, NotFoundError, type Actor } from "./access.server";
import { recordAudit, recordReadIfOthers, recordReadsIfOthers } from "./audit.server";
import { personAccounts, queueNotification, supportersWho } from "./notifications.server";

/**
 * Messages with the care team (issue 19, decision 055). The person, and a carer or advocate they
 * let write (the `messages` scope), start threads and write in them; the person's care team
 * answers, from the thread or the team inbox. The person sees every thread about them; a carer or
 * advocate sees only the threads they started. Separate from "tell the team something"
 * (carers.server.ts), which the person never sees.
 */

/** The longest message and subject the server takes (the form says so in its hint). */
export const MESSAGE_MAX_LENGTH = 5000;
export const SUBJECT_MAX_LENGTH = 120;

export type AuthorCapacity = ReturnType<typeof capacityFor>;

export interface ThreadSummary {
  id: string;
  serviceUserId: string;
  displayName: string;
  subject: string;
  startedBy: string | null;
  lastMessageAt: string;
  /** When the oldest message the team has not answered was sent; null when the team spoke last. */
  waitingSince: string | null;
  status: ThreadStatus;
  assignedTo: string | null;
  /** Something in it this reader has not seen yet. */
  unread: boolean;
}

export interface ThreadMessage {
  id: string;
  author: string | null;
  capacity: string;
  fromTeam: boolean;
  body: string;
  sentAt: string;
  /** New to this reader when they opened the thread (it is marked read as they open it). */
  unread: boolean;
}

export interface ThreadView extends ThreadSummary {
  assignedToId: string | null;
  doneAt: string | null;
  doneBy: string | null;
  messages: ThreadMessage[];
}

export interface Colleague {
  accountId: string;
  displayName: string;
}

/** The person and their care team see every thread about the person; anyone else only what they started. */
function seesEveryThread(actor: Actor, serviceUserId: string): boolean {
  const capacity = capacityFor(actor, serviceUserId);
  return capacity === "service_user" || capacity === "care_team_member_of";
}

function visibleTo(actor: Actor, serviceUserId: string) {
  return and(
    eq(messageThreads.serviceUserId, serviceUserId),
    seesEveryThread(actor, serviceUserId) ? undefined : eq(messageThreads.startedBy, actor.accountId),
  );
}

const assignee = aliasedTable(accounts, "assignee");
const doneByAccount = aliasedTable(accounts, "done_by_account");

const summaryColumns = {
  id: messageThreads.id,
  serviceUserId: messageThreads.serviceUserId,
  displayName: serviceUsers.displayName,
  subject: messageThreads.subject,
  startedBy: accounts.displayName,
  lastMessageAt: messageThreads.lastMessageAt,
  waitingSince: messageThreads.waitingSince,
  status: messageThreads.status,
  assignedTo: assignee.displayName,
  assignedToId: messageThreads.assignedTo,
  doneAt: messageThreads.doneAt,
  doneBy: doneByAccount.displayName,
};

function threadQuery(db: Db) {
  return db
    .select(summaryColumns)
    .from(messageThreads)
    .innerJoin(serviceUsers, eq(serviceUsers.id, messageThreads.serviceUserId))
    .leftJoin(accounts, eq(accounts.id, messageThreads.startedBy))
    .leftJoin(assignee, eq(assignee.id, messageThreads.assignedTo))
    .leftJoin(doneByAccount, eq(doneByAccount.id, messageThreads.doneBy));
}

type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadQuery>["where"]>>[number];

/** Which of these threads have a message from someone else newer than what this reader has seen. */
async function unreadThreadIds(db: Db, accountId: string, threadIds: string[]): Promise<Set<string>> {
  if (!threadIds.length) return new Set();
  const rows = await db
    .selectDistinct({ threadId: messages.threadId })
    .from(messages)
    .leftJoin(messageReads, and(eq(messageReads.threadId, messages.threadId), eq(messageReads.accountId, accountId)))
    .where(
      and(
        inArray(messages.threadId, threadIds),
        or(isNull(messages.authorAccountId), ne(messages.authorAccountId, accountId)),
        or(isNull(messageReads.readUpTo), gt(messages.createdAt, messageReads.readUpTo)),
      ),
    );
  return new Set(rows.map((r) => r.threadId));
}

function summaryOf(row: ThreadRow, unread: Set<string>): ThreadSummary {
  return {
    id: row.id,
    serviceUserId: row.serviceUserId,
    displayName: row.displayName,
    subject: row.subject,
    startedBy: row.startedBy,
    lastMessageAt: row.lastMessageAt.toISOString(),
    waitingSince: row.waitingSince?.toISOString() ?? null,
    status: row.status,
    assignedTo: row.assignedTo,
    unread: unread.has(row.id),
  };
}

/** The threads about the person this reader may see, the latest first. Listing them is a read. */
export async function listThreads(db: Db, actor: Actor, serviceUserId: string): Promise<ThreadSummary[]> {
  ensure(actor, "messages.read", serviceUserId);
  const rows = await threadQuery(db).where(visibleTo(actor, serviceUserId)).orderBy(desc(messageThreads.lastMessageAt));
  await recordReadIfOthers(db, actor, serviceUserId, "message_threads");
  const unread = await unreadThreadIds(db, actor.accountId, rows.map((r) => r.id));
  return rows.map((r) => summaryOf(r, unread));
}

/** How many threads about the person have something this reader has not read (0 when they may not read any). */
export async function unreadThreadCount(db: Db, actor: Actor, serviceUserId: string): Promise<number> {
  if (!can(actor, "messages.read", { serviceUserId })) return 0;
  const rows = await db.select({ id: messageThreads.id }).from(messageThreads).where(visibleTo(actor, serviceUserId));
  return (await unreadThreadIds(db, actor.accountId, rows.map((r) => r.id))).size;
}

async function findThread(db: Db, actor: Actor, serviceUserId: string, threadId: string): Promise<ThreadRow> {
  if (!isUuid(threadId)) throw new NotFoundError();
  const [row] = await threadQuery(db).where(and(eq(messageThreads.id, threadId), visibleTo(actor, serviceUserId)));
  if (!row) throw new NotFoundError();
  return row;
}

/**
 * One thread with every message, oldest first. Opening it is audited as a read (by anyone but the
 * person), and marks it read for this reader: what was new is flagged in what is returned.
 */
export async function getThread(db: Db, actor: Actor, serviceUserId: string, threadId: string): Promise<ThreadView> {
  ensure(actor, "messages.read", serviceUserId);
  const row = await findThread(db, actor, serviceUserId, threadId);
  const [read] = await db
    .select({ readUpTo: messageReads.readUpTo })
    .from(messageReads)
    .where(and(eq(messageReads.threadId, threadId), eq(messageReads.accountId, actor.accountId)));
  const rows = await db
    .select({
      id: messages.id,
      authorId: messages.authorAccountId,
      author: accounts.displayName,
      capacity: messages.authorCapacity,
      body: messages.body,
      sentAt: messages.createdAt,
    })
    .from(messages)
    .leftJoin(accounts, eq(accounts.id, messages.authorAccountId))
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const isNew = (m: (typeof rows)[number]) => m.authorId !== actor.accountId && (!read || m.sentAt.getTime() > read.readUpTo.getTime());
  const latest = rows.at(-1)?.sentAt;
  if (latest) await markReadUpTo(db, threadId, actor.accountId, latest);
  await recordReadIfOthers(db, actor, serviceUserId, "message_thread", threadId);
  return {
    ...summaryOf(row, new Set()),
    assignedToId: row.assignedToId,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: row.doneBy,
    messages: rows.map((m) => ({
      id: m.id,
      author: m.author,
      capacity: m.capacity,
      fromTeam: m.capacity === "care_team_member_of",
      body: m.body,
      sentAt: m.sentAt.toISOString(),
      unread: isNew(m),
    })),
  };
}

async function markReadUpTo(db: Db, threadId: string, accountId: string, upTo: Date): Promise<void> {
  await db
    .insert(messageReads)
    .values({ threadId, accountId, readUpTo: upTo })
    .onConflictDoUpdate({
      target: [messageReads.threadId, messageReads.accountId],
      set: { readUpTo: sql`greatest(${messageReads.readUpTo}, excluded.read_up_to)` },
    });
}

export interface SendMessageInput {
  /** Write in this thread; without it, a new thread with `subject` starts. */
  threadId?: string | null;
  subject?: string;
  body: string;
}

/**
 * The one way a message is sent, new thread or reply: checks who may, saves it, moves the thread
 * (waiting for the team, or answered), marks it read for the writer, audits it as a change, and
 * queues "new_message" for who should hear of it (issue 19 item 3, decision 057).
 */
export async function sendMessage(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: SendMessageInput,
  now = new Date(),
): Promise<{ threadId: string; messageId: string }> {
  const capacity = capacityFor(actor, serviceUserId);
  const fromTeam = capacity === "care_team_member_of";
  return db.transaction(async (tx) => {
    let threadId: string;
    if (input.threadId) {
      ensure(actor, "messages.write", serviceUserId);
      threadId = (await findThread(tx, actor, serviceUserId, input.threadId)).id;
      // The thread's row is taken for the update, so two replies at once both move it properly.
      const [current] = await tx
        .select({ waitingSince: messageThreads.waitingSince })
        .from(messageThreads)
        .where(eq(messageThreads.id, threadId))
        .for("update");
      await tx
        .update(messageThreads)
        .set(
          fromTeam
            ? { lastMessageAt: now, waitingSince: null }
            : // A new message from the person (or their carer) opens a thread that was done.
              { lastMessageAt: now, waitingSince: current?.waitingSince ?? now, status: "open", doneAt: null, doneBy: null },
        )
        .where(eq(messageThreads.id, threadId));
    } else {
      ensure(actor, "messages.start", serviceUserId);
      const [row] = await tx
        .insert(messageThreads)
        .values({ serviceUserId, subject: input.subject ?? "", startedBy: actor.accountId, createdAt: now, lastMessageAt: now, waitingSince: fromTeam ? null : now })
        .returning({ id: messageThreads.id });
      threadId = row!.id;
    }
    const [message] = await tx
      .insert(messages)
      .values({ threadId, authorAccountId: actor.accountId, authorCapacity: capacity, body: input.body, createdAt: now })
      .returning({ id: messages.id });
    await markReadUpTo(tx, threadId, actor.accountId, now);
    await recordAudit(tx, actor, { action: "message.send", serviceUserId, recordType: "message_thread", recordId: threadId, details: { newThread: !input.threadId } });
    for (const recipientAccountId of await recipientsOf(tx, serviceUserId, threadId, fromTeam, now)) {
      if (recipientAccountId === actor.accountId) continue;
      await queueNotification(
        tx,
        { event: "new_message", key: message!.id, recipientAccountId, serviceUserId, path: `/people/${serviceUserId}/messages/${threadId}` },
        now,
      );
    }
    return { threadId, messageId: message!.id };
  });
}

/**
 * Who hears of a new message. From the person or a carer or advocate: the colleague the thread is
 * given to, or else the person's care team. From the team: the person, and the carer or advocate
 * who started the thread while they may still read it. The caller leaves out the writer.
 */
async function recipientsOf(tx: Db, serviceUserId: string, threadId: string, fromTeam: boolean, now: Date): Promise<string[]> {
  const [thread] = await tx.select({ assignedTo: messageThreads.assignedTo, startedBy: messageThreads.startedBy }).from(messageThreads).where(eq(messageThreads.id, threadId));
  if (!fromTeam) return thread?.assignedTo ? [thread.assignedTo] : (await careTeam(tx, serviceUserId, now)).map((c) => c.accountId);
  const person = await personAccounts(tx, serviceUserId);
  const starter = thread?.startedBy;
  const starterReads = starter && !person.includes(starter) && (await supportersWho(tx, serviceUserId, "messages.read", now)).includes(starter);
  return starterReads ? [...person, starter] : person;
}

function careTeam(db: Db, serviceUserId: string, now: Date): Promise<Colleague[]> {
  return db
    .selectDistinct({ accountId: accounts.id, displayName: accounts.displayName })
    .from(relationships)
    .innerJoin(accounts, eq(accounts.id, relationships.accountId))
    .where(
      and(
        eq(relationships.serviceUserId, serviceUserId),
        eq(relationships.kind, "care_team_member_of"),
        or(isNull(relationships.endedAt), gt(relationships.endedAt, now)),
      ),
    )
    .orderBy(asc(accounts.displayName));
}

/** The person's care team who have an account: who a thread can be given to. */
export async function listColleagues(db: Db, actor: Actor, serviceUserId: string, now = new Date()): Promise<Colleague[]> {
  ensure(actor, "messages.manage", serviceUserId);
  return careTeam(db, serviceUserId, now);
}

/** Someone on the team passes the thread to a colleague on the person's care team (or to themselves). */
export async function assignThread(db: Db, actor: Actor, serviceUserId: string, threadId: string, assigneeId: string): Promise<void> {
  ensure(actor, "messages.manage", serviceUserId);
  await findThread(db, actor, serviceUserId, threadId);
  const colleagues = await listColleagues(db, actor, serviceUserId);
  if (!colleagues.some((c) => c.accountId === assigneeId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    await tx.update(messageThreads).set({ assignedTo: assigneeId, assignedBy: actor.accountId }).where(eq(messageThreads.id, threadId));
    await recordAudit(tx, actor, { action: "message.assign", serviceUserId, recordType: "message_thread", recordId: threadId });
  });
}

/** The team has dealt with the thread: it leaves the inbox until the person writes in it again. */
export async function markThreadDone(db: Db, actor: Actor, serviceUserId: string, threadId: string, now = new Date()): Promise<void> {
  ensure(actor, "messages.manage", serviceUserId);
  await findThread(db, actor, serviceUserId, threadId);
  await db.transaction(async (tx) => {
    await tx.update(messageThreads).set({ status: "done", doneAt: now, doneBy: actor.accountId, waitingSince: null }).where(eq(messageThreads.id, threadId));
    await recordAudit(tx, actor, { action: "message.done", serviceUserId, recordType: "message_thread", recordId: threadId });
  });
}

/**
 * The team inbox: open threads about the people this member of staff is on the care team of (the
 * same "team" as the request queue), the oldest unanswered first, then answered ones, oldest first.
 */
export async function listInbox(db: Db, actor: Actor, options: { recordRead?: boolean } = {}): Promise<ThreadSummary[]> {
  const ids = actor.relationships
    .filter((r) => r.kind === "care_team_member_of")
    .map((r) => r.serviceUserId)
    .filter((id) => can(actor, "messages.manage", { serviceUserId: id }));
  if (!ids.length) return [];
  const rows = await threadQuery(db)
    .where(and(inArray(messageThreads.serviceUserId, ids), eq(messageThreads.status, "open")))
    .orderBy(sql`${messageThreads.waitingSince} asc nulls last`, asc(messageThreads.lastMessageAt), asc(messageThreads.id));
  if (options.recordRead) await recordReadsIfOthers(db, actor, rows.map((r) => r.serviceUserId), "message_threads");
  const unread = await unreadThreadIds(db, actor.accountId, rows.map((r) => r.id));
  return rows.map((r) => summaryOf(r, unread));
}

/** Every thread and message about the person, as stored, for their copy of their information. */
export async function messagesForCopy(db: Db, serviceUserId: string) {
  const threads = await db.select().from(messageThreads).where(eq(messageThreads.serviceUserId, serviceUserId)).orderBy(asc(messageThreads.createdAt));
  const threadIds = threads.map((t) => t.id);
  const rows = threadIds.length ? await db.select().from(messages).where(inArray(messages.threadId, threadIds)).orderBy(asc(messages.createdAt)) : [];
  return { threads, messages: rows };
}
