import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts, communicationNeeds, notificationOutbox, notificationPreferences, relationships, reviews, sharingGrants } from "#db/schema/index";
import { seal, unseal } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { NotifyError, type NotifySender } from "~/utils/notify.server";
import { can, ensure, visibleServiceUserIds, type Action, type Actor, type Scope } from "./access.server";
import { recordAudit } from "./audit.server";
import { NotFoundError } from "./core.server";
import { isUuid } from "~/utils/ids";
import { activeGrantFilter } from "./grants.server";
import { channelRules, type ChannelRules, type NotificationChannel, type NotificationEvent, type OutboxStatus } from "./vocabulary/notifications";

/**
 * Notifications by email and text message through GOV.UK Notify (decision 057).
 *
 * An event queues rows in the outbox inside the transaction that makes the change
 * (`queueNotification`); a unique key (event, recipient, channel) means one event never queues
 * twice. The sender (`sendDueNotifications`, run by the server every few seconds) claims due rows,
 * sends them, and on failure tries again later with exponential back-off. Nothing here holds a
 * health detail: every template only says that something is waiting in the portal, with a link.
 */

const SEAL_PURPOSE = "notification";
/** A claim older than this was cut off (a restart mid-send): the row is taken again. */
export const CLAIM_MS = 2 * 60 * 1000;
/** First retry after a minute, doubling to at most six hours; about a day in all. */
export const FIRST_RETRY_MS = 60 * 1000;
export const MAX_RETRY_MS = 6 * 60 * 60 * 1000;
export const MAX_ATTEMPTS = 12;
const BATCH = 20;

/** How long to wait before attempt `attempts + 1`, after `attempts` failed ones. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

// ---------------------------------------------------------------------------------------------
// Each person's choices

export interface NotificationSettings {
  emailEnabled: boolean;
  smsEnabled: boolean;
  /** The address to use; the sign-in email until they give another. */
  email: string;
  mobile: string;
  /** What their recorded communication needs allow. */
  rules: ChannelRules;
}

async function needsOf(db: Db, accountId: string): Promise<ChannelRules> {
  const [needs] = await db
    .select({ contactMethods: communicationNeeds.contactMethods, formats: communicationNeeds.formats })
    .from(communicationNeeds)
    .where(eq(communicationNeeds.accountId, accountId));
  return channelRules(needs ?? null);
}

export async function getNotificationSettings(db: Db, actor: Actor): Promise<NotificationSettings> {
  const [row] = await db
    .select({ signInEmail: accounts.email, prefs: notificationPreferences })
    .from(accounts)
    .leftJoin(notificationPreferences, eq(notificationPreferences.accountId, accounts.id))
    .where(eq(accounts.id, actor.accountId));
  if (!row) throw new NotFoundError();
  return {
    emailEnabled: row.prefs?.emailEnabled ?? false,
    smsEnabled: row.prefs?.smsEnabled ?? false,
    email: row.prefs?.email ?? row.signInEmail,
    mobile: row.prefs?.mobile ?? "",
    rules: await needsOf(db, actor.accountId),
  };
}

export interface SettingsInput {
  email: boolean;
  sms: boolean;
  emailAddress: string | null;
  /** Already checked as a UK mobile, in +447… form. */
  mobile: string | null;
}

/** A channel the person's communication needs rule out is saved as off, whatever was posted. */
export async function saveNotificationSettings(db: Db, actor: Actor, input: SettingsInput, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const rules = await needsOf(tx, actor.accountId);
    const values = {
      emailEnabled: input.email && rules.email,
      smsEnabled: input.sms && rules.sms,
      email: input.emailAddress,
      mobile: input.mobile,
      updatedAt: now,
    };
    await tx
      .insert(notificationPreferences)
      .values({ accountId: actor.accountId, ...values })
      .onConflictDoUpdate({ target: notificationPreferences.accountId, set: values });
    await recordAudit(tx, actor, {
      action: "notifications.preferences",
      recordType: "account",
      recordId: actor.accountId,
      details: { email: values.emailEnabled, sms: values.smsEnabled },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Queueing

export interface QueueInput {
  event: NotificationEvent;
  /** What makes this one event unique among its kind, such as "<person>:v4" or a request event's id. */
  key: string;
  recipientAccountId: string;
  /** Whose record it is about, if any (staff see letters to send for their caseload). */
  serviceUserId?: string | null;
  /** Where the link in the message opens, a path in the portal ("/" unless given). Never holds a health detail. */
  path?: string;
}

type Template = "update" | "password_link" | "invitation";

interface OutboxRow {
  event: NotificationEvent;
  eventKey: string;
  recipientAccountId: string | null;
  serviceUserId: string | null;
  channel: NotificationChannel;
  destination: string | null;
  template: Template;
  path: string | null;
}

async function insertRows(tx: Db, rows: OutboxRow[], now: Date): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await tx
    .insert(notificationOutbox)
    .values(
      rows.map(({ path, ...row }) => {
        const id = randomUUID();
        return {
          ...row,
          id,
          personalisation: path === null ? null : seal(SEAL_PURPOSE, JSON.stringify({ path }), id),
          status: row.channel === "letter" ? ("letter" as const) : ("pending" as const),
          nextAttemptAt: now,
          createdAt: now,
        };
      }),
    )
    .onConflictDoNothing()
    .returning({ id: notificationOutbox.id });
  return inserted.length;
}

/**
 * Queue a notification of `event` to one account, inside the caller's transaction (pass `tx`).
 * It follows the account's choices (email, text, neither) and their recorded communication
 * needs: no text message to someone who asked for letters only, and a letter for the team to
 * send to someone who needs large print or letters. Queueing the same event again does nothing.
 * Returns how many rows were queued.
 */
export async function queueNotification(tx: Db, input: QueueInput, now = new Date()): Promise<number> {
  const [row] = await tx
    .select({ disabledAt: accounts.disabledAt, prefs: notificationPreferences })
    .from(accounts)
    .leftJoin(notificationPreferences, eq(notificationPreferences.accountId, accounts.id))
    .where(eq(accounts.id, input.recipientAccountId));
  if (!row || row.disabledAt) return 0;
  const rules = await needsOf(tx, input.recipientAccountId);
  const base = {
    event: input.event,
    eventKey: `${input.event}:${input.key}:${input.recipientAccountId}`,
    recipientAccountId: input.recipientAccountId,
    serviceUserId: input.serviceUserId ?? null,
    template: "update" as const,
    path: input.path ?? "/",
  };
  const rows: OutboxRow[] = [];
  if (row.prefs?.emailEnabled && row.prefs.email && rules.email) rows.push({ ...base, channel: "email", destination: row.prefs.email });
  if (row.prefs?.smsEnabled && row.prefs.mobile && rules.sms) rows.push({ ...base, channel: "sms", destination: row.prefs.mobile });
  if (rules.letter) rows.push({ ...base, channel: "letter", destination: null, path: null });
  return insertRows(tx, rows, now);
}

/**
 * Queue an email with a one-time link (a password link, an invitation) to an address someone
 * with the right to send it chose, inside the caller's transaction. The link is sealed in the
 * outbox and removed once sent.
 */
export async function queueLinkEmail(
  tx: Db,
  input: { event: "password_link" | "invitation"; key: string; email: string; path: string; recipientAccountId?: string | null; serviceUserId?: string | null },
  now = new Date(),
): Promise<number> {
  return insertRows(
    tx,
    [
      {
        event: input.event,
        eventKey: `${input.event}:${input.key}`,
        recipientAccountId: input.recipientAccountId ?? null,
        serviceUserId: input.serviceUserId ?? null,
        channel: "email",
        destination: input.email,
        template: input.event,
        path: input.path,
      },
    ],
    now,
  );
}

/** The accounts of the person whose record it is (an account only once they accepted their invitation). */
export async function personAccounts(db: Db, serviceUserId: string): Promise<string[]> {
  const rows = await db
    .select({ accountId: relationships.accountId })
    .from(relationships)
    .where(and(eq(relationships.serviceUserId, serviceUserId), eq(relationships.kind, "service_user"), isNull(relationships.endedAt)));
  return rows.map((r) => r.accountId);
}

/**
 * The carers, advocates and attorneys of the person whose grants in force now allow `action`
 * (through `can`): who else hears of something they may see. Withdrawn or ended sharing: nobody.
 */
export async function supportersWho(db: Db, serviceUserId: string, action: Action, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ accountId: relationships.accountId, kind: relationships.kind, scope: sharingGrants.scope })
    .from(relationships)
    .innerJoin(sharingGrants, and(eq(sharingGrants.relationshipId, relationships.id), activeGrantFilter(now)))
    .where(
      and(
        eq(relationships.serviceUserId, serviceUserId),
        inArray(relationships.kind, ["carer_of", "advocate_for", "attorney_for"]),
        or(isNull(relationships.endedAt), gt(relationships.endedAt, now)),
      ),
    );
  const byAccount = new Map<string, Actor["relationships"][number] & { scopes: Scope[] }>();
  for (const r of rows) {
    const rel = byAccount.get(r.accountId) ?? { kind: r.kind, serviceUserId, scopes: [] };
    rel.scopes.push(r.scope as Scope);
    byAccount.set(r.accountId, rel);
  }
  return [...byAccount]
    .filter(([accountId, rel]) => can({ accountId, isStaff: false, relationships: [rel] }, action, { serviceUserId }))
    .map(([accountId]) => accountId);
}

/** Queue one event to the person whose record it is, and to anyone else named (who asked, say). */
export async function queueForPerson(
  tx: Db,
  input: Omit<QueueInput, "recipientAccountId" | "serviceUserId"> & { serviceUserId: string; alsoTo?: (string | null)[] },
  now = new Date(),
): Promise<number> {
  const recipients = new Set([...(await personAccounts(tx, input.serviceUserId)), ...(input.alsoTo ?? []).filter((a): a is string => Boolean(a))]);
  let queued = 0;
  for (const recipientAccountId of recipients) queued += await queueNotification(tx, { ...input, recipientAccountId }, now);
  return queued;
}

// ---------------------------------------------------------------------------------------------
// Scheduled checks: each runs with housekeeping (hourly) and queues what is due; its event keys
// make running it again harmless.

export type ScheduledCheck = (db: Db, now: Date) => Promise<number>;
const scheduledChecks = new Map<string, ScheduledCheck>();

/** Add a check (such as "appointment tomorrow") that housekeeping runs every hour. Names are unique. */
export function registerScheduledCheck(name: string, check: ScheduledCheck): void {
  scheduledChecks.set(name, check);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A review due within 7 days (the plan's next review date, from the latest review): once per date. */
export async function queueReviewsDue(db: Db, now: Date): Promise<number> {
  const latest = db
    .selectDistinctOn([reviews.serviceUserId], { serviceUserId: reviews.serviceUserId, nextReviewOn: reviews.nextReviewOn })
    .from(reviews)
    .orderBy(reviews.serviceUserId, desc(reviews.heldOn), desc(reviews.createdAt))
    .as("latest");
  const due = await db
    .select()
    .from(latest)
    .where(and(gte(latest.nextReviewOn, isoDate(now)), lte(latest.nextReviewOn, isoDate(new Date(now.getTime() + 7 * DAY_MS)))));
  let queued = 0;
  for (const row of due) {
    await db.transaction(async (tx) => {
      queued += await queueForPerson(tx, { event: "review_due", key: `${row.serviceUserId}:${row.nextReviewOn}`, serviceUserId: row.serviceUserId, path: "/plan" }, now);
    });
  }
  return queued;
}

/** Sharing that ends within 7 days (SE-24): the person and the carer or advocate, once per end date. */
export async function queueSharingEnding(db: Db, now: Date): Promise<number> {
  const ending = await db
    .selectDistinct({ relationshipId: relationships.id, accountId: relationships.accountId, serviceUserId: relationships.serviceUserId, endsAt: sharingGrants.endsAt })
    .from(sharingGrants)
    .innerJoin(relationships, eq(relationships.id, sharingGrants.relationshipId))
    .where(
      and(
        isNull(sharingGrants.withdrawnAt),
        isNull(relationships.endedAt),
        gte(sharingGrants.endsAt, now),
        lte(sharingGrants.endsAt, new Date(now.getTime() + 7 * DAY_MS)),
      ),
    );
  let queued = 0;
  for (const row of ending) {
    await db.transaction(async (tx) => {
      queued += await queueForPerson(
        tx,
        { event: "sharing_ending", key: `${row.relationshipId}:${isoDate(row.endsAt!)}`, serviceUserId: row.serviceUserId, alsoTo: [row.accountId] },
        now,
      );
    });
  }
  return queued;
}

registerScheduledCheck("review_due", queueReviewsDue);
registerScheduledCheck("sharing_ending", queueSharingEnding);

/** Run every scheduled check; one failing does not stop the others. Returns how many each queued. */
export async function runScheduledChecks(db: Db, now = new Date(), onError?: (name: string, error: unknown) => void): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, check] of scheduledChecks) {
    try {
      result[name] = await check(db, now);
    } catch (error) {
      onError?.(name, error);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Sending

export interface SendOptions {
  sender: NotifySender;
  /** The Notify template id for each template and channel. */
  templates: { updateEmail: string; updateSms: string; passwordLinkEmail: string; invitationEmail: string };
  /** The full link for a path in the portal (PUBLIC_URL). */
  linkFor: (path: string) => string;
}

type Claimed = typeof notificationOutbox.$inferSelect & { interrupted: boolean };

/** Take up to BATCH due rows (pending and due, or a claim that was cut off) for this sender alone. */
async function claim(db: Db, now: Date): Promise<Claimed[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(notificationOutbox)
      .where(
        or(
          and(eq(notificationOutbox.status, "pending"), lte(notificationOutbox.nextAttemptAt, now)),
          and(eq(notificationOutbox.status, "sending"), lt(notificationOutbox.claimedUntil, now)),
        ),
      )
      .orderBy(asc(notificationOutbox.nextAttemptAt))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (!due.length) return [];
    await tx
      .update(notificationOutbox)
      .set({ status: "sending", claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${notificationOutbox.attempts} + 1` })
      .where(inArray(notificationOutbox.id, due.map((r) => r.id)));
    // Cut off mid-send, or put back by hand after failing (a try that timed out may have arrived):
    // Notify is asked first whether it has it.
    return due.map((r) => ({ ...r, attempts: r.attempts + 1, interrupted: r.status === "sending" || (r.retriedAt !== null && r.attempts === 0) }));
  });
}

function templateFor(row: Claimed, templates: SendOptions["templates"]): string {
  if (row.template === "password_link") return templates.passwordLinkEmail;
  if (row.template === "invitation") return templates.invitationEmail;
  return row.channel === "sms" ? templates.updateSms : templates.updateEmail;
}

/** Only the row this sender claimed (same attempt) is changed: a later claim of it wins. */
const stillMine = (row: Claimed) =>
  and(eq(notificationOutbox.id, row.id), eq(notificationOutbox.status, "sending"), eq(notificationOutbox.attempts, row.attempts));

async function markSent(db: Db, row: Claimed, notifyId: string, now: Date) {
  await db
    .update(notificationOutbox)
    .set({ status: "sent", notifyId, sentAt: now, claimedUntil: null, personalisation: null, lastError: null })
    .where(stillMine(row));
}

async function markFailed(db: Db, row: Claimed, code: string, permanent: boolean, now: Date) {
  const giveUp = permanent || row.attempts >= MAX_ATTEMPTS;
  // A one-time link (a password link, an invitation) is a secret: not kept once it failed. An
  // update's link is only a page of the portal: kept (sealed) so that staff can send it again.
  const keep = row.template === "update" && code !== "unreadable";
  await db
    .update(notificationOutbox)
    .set(
      giveUp
        ? { status: "failed", lastError: code, claimedUntil: null, ...(keep ? {} : { personalisation: null }) }
        : { status: "pending", lastError: code, claimedUntil: null, nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)) },
    )
    .where(stillMine(row));
}

async function sendOne(db: Db, row: Claimed, options: SendOptions, now: Date): Promise<"sent" | "failed"> {
  const type = row.channel === "sms" ? "sms" : "email";
  try {
    // A send cut off by a restart may have reached Notify: its reference (the row's id) says so.
    if (row.interrupted) {
      const found = await options.sender.findByReference(type, row.id);
      if (found) {
        await markSent(db, row, found.id, now);
        return "sent";
      }
    }
    const opened = row.personalisation ? unseal(SEAL_PURPOSE, row.personalisation, row.id) : null;
    if (!opened || !row.destination) {
      // Sealed with another SESSION_SECRET: the link cannot be rebuilt here.
      await markFailed(db, row, "unreadable", true, now);
      return "failed";
    }
    const { path } = JSON.parse(opened) as { path: string };
    const personalisation = { link: options.linkFor(path) };
    const templateId = templateFor(row, options.templates);
    const sent =
      type === "sms"
        ? await options.sender.sendSms(templateId, row.destination, personalisation, row.id)
        : await options.sender.sendEmail(templateId, row.destination, personalisation, row.id);
    await markSent(db, row, sent.id, now);
    return "sent";
  } catch (error) {
    const notifyError = error instanceof NotifyError ? error : new NotifyError("error", false);
    await markFailed(db, row, notifyError.code, notifyError.permanent, now);
    return "failed";
  }
}

/**
 * Send what is due, a batch at a time, until nothing is due. Safe to run in several processes at
 * once: each claims its rows (SKIP LOCKED). Returns how many were sent and how many failed.
 */
export async function sendDueNotifications(db: Db, options: SendOptions, now = () => new Date()): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await claim(db, now());
    for (const row of batch) result[await sendOne(db, row, options, now())]++;
    if (batch.length < BATCH) return result;
  }
}

// ---------------------------------------------------------------------------------------------
// What staff and admins see

export interface OutboxEntry {
  id: string;
  event: NotificationEvent;
  channel: NotificationChannel;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  recipientName: string | null;
  /** Whose record it is about: staff on that person's care team deal with it there. */
  serviceUserId: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  /** Sent, or for a letter posted. */
  sentAt: string | null;
  postedBy: string | null;
  retriedBy: string | null;
  retriedAt: string | null;
  /** Failed for good, never put back by hand, and its link still kept: it can be sent again once. */
  canRetry: boolean;
}

/** How long sent notifications stay listed (and kept). */
export const SENT_KEEP_DAYS = 30;

const postedByAccount = alias(accounts, "posted_by_account");
const retriedByAccount = alias(accounts, "retried_by_account");

function outboxQuery(db: Db) {
  return db
    .select({
      id: notificationOutbox.id,
      event: notificationOutbox.event,
      channel: notificationOutbox.channel,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      lastError: notificationOutbox.lastError,
      recipientName: accounts.displayName,
      serviceUserId: notificationOutbox.serviceUserId,
      createdAt: notificationOutbox.createdAt,
      nextAttemptAt: notificationOutbox.nextAttemptAt,
      sentAt: notificationOutbox.sentAt,
      postedBy: postedByAccount.displayName,
      retriedBy: retriedByAccount.displayName,
      retriedAt: notificationOutbox.retriedAt,
      kept: isNotNull(notificationOutbox.personalisation),
    })
    .from(notificationOutbox)
    .leftJoin(accounts, eq(accounts.id, notificationOutbox.recipientAccountId))
    .leftJoin(postedByAccount, eq(postedByAccount.id, notificationOutbox.postedBy))
    .leftJoin(retriedByAccount, eq(retriedByAccount.id, notificationOutbox.retriedBy));
}

type OutboxQueryRow = Awaited<ReturnType<ReturnType<typeof outboxQuery>["execute"]>>[number];

function entryOf({ kept, ...r }: OutboxQueryRow): OutboxEntry {
  return {
    ...r,
    event: r.event as NotificationEvent,
    createdAt: r.createdAt.toISOString(),
    nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    sentAt: r.sentAt?.toISOString() ?? null,
    retriedAt: r.retriedAt?.toISOString() ?? null,
    canRetry: r.status === "failed" && r.retriedAt === null && Boolean(kept),
  };
}

/**
 * Notifications waiting, failed, sent lately, and letters to send: for an admin every one, for
 * staff those about the people on their caseload. Never a health detail, a link or an address.
 */
export async function listOutbox(db: Db, actor: Actor, now = new Date()): Promise<OutboxEntry[]> {
  const admin = can(actor, "accounts.manage", { organisation: true });
  if (!admin && !can(actor, "caseload.view", { organisation: true })) throw new NotFoundError();
  const caseload = visibleServiceUserIds(actor).filter((id) => can(actor, "requests.manage", { serviceUserId: id }));
  if (!admin && !caseload.length) return [];
  const rows = await outboxQuery(db)
    .where(
      and(
        admin ? undefined : inArray(notificationOutbox.serviceUserId, caseload),
        or(
          inArray(notificationOutbox.status, ["pending", "sending", "failed", "letter"]),
          gte(notificationOutbox.sentAt, new Date(now.getTime() - 7 * DAY_MS)),
        ),
      ),
    )
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(200);
  return rows.map(entryOf);
}

/** One row of the outbox about the person, for someone on their care team (`notifications.manage`). */
export async function getOutboxEntry(db: Db, actor: Actor, serviceUserId: string, id: string): Promise<OutboxEntry> {
  ensure(actor, "notifications.manage", serviceUserId);
  if (!isUuid(id)) throw new NotFoundError();
  const [row] = await outboxQuery(db).where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.serviceUserId, serviceUserId)));
  if (!row) throw new NotFoundError();
  return entryOf(row);
}

/**
 * Someone on the care team posted the letter: who and when are kept, and the audit log says so.
 * Only a letter still to post changes (a second post of the form changes nothing). Returns whether it did.
 */
export async function markLetterPosted(db: Db, actor: Actor, serviceUserId: string, id: string, now = new Date()): Promise<boolean> {
  await getOutboxEntry(db, actor, serviceUserId, id);
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(notificationOutbox)
      .set({ status: "posted", sentAt: now, postedBy: actor.accountId })
      .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.serviceUserId, serviceUserId), eq(notificationOutbox.status, "letter")))
      .returning({ id: notificationOutbox.id });
    if (changed.length) {
      await recordAudit(tx, actor, { action: "notifications.letter_posted", recordType: "notification", recordId: id, details: { serviceUserId } });
    }
    return changed.length > 0;
  });
}

/**
 * A message that failed for good goes back into the outbox, once: tried again from the start,
 * and Notify is asked first whether an earlier try arrived (its reference is the row), so it is
 * never sent twice. A one-time link that failed is not kept and cannot be sent again. Returns whether it went back.
 */
export async function retryNotification(db: Db, actor: Actor, serviceUserId: string, id: string, now = new Date()): Promise<boolean> {
  await getOutboxEntry(db, actor, serviceUserId, id);
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(notificationOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: null, retriedBy: actor.accountId, retriedAt: now })
      .where(
        and(
          eq(notificationOutbox.id, id),
          eq(notificationOutbox.serviceUserId, serviceUserId),
          eq(notificationOutbox.status, "failed"),
          isNull(notificationOutbox.retriedAt),
          isNotNull(notificationOutbox.personalisation),
        ),
      )
      .returning({ id: notificationOutbox.id });
    if (changed.length) {
      await recordAudit(tx, actor, { action: "notifications.retry", recordType: "notification", recordId: id, details: { serviceUserId } });
    }
    return changed.length > 0;
  });
}

/**
 * An account's notifications for its own copy of its data (SE-16, decision 052): the choices and
 * contact details it gave, and each notification to it (what kind, how, when, where it got to).
 * Never the link, the event key or Notify's id: the copy says what, not how it was carried.
 */
export interface NotificationsCopy {
  settings: { emailEnabled: boolean; smsEnabled: boolean; email: string | null; mobile: string | null; updatedAt: string } | null;
  sent: { event: string; channel: string; status: string; queuedAt: string; sentAt: string | null }[];
}

export async function notificationsForCopy(db: Db, accountId: string): Promise<NotificationsCopy> {
  const [[prefs], rows] = await Promise.all([
    db.select().from(notificationPreferences).where(eq(notificationPreferences.accountId, accountId)),
    db
      .select({
        event: notificationOutbox.event,
        channel: notificationOutbox.channel,
        status: notificationOutbox.status,
        createdAt: notificationOutbox.createdAt,
        sentAt: notificationOutbox.sentAt,
      })
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipientAccountId, accountId))
      .orderBy(asc(notificationOutbox.createdAt), asc(notificationOutbox.channel)),
  ]);
  return {
    settings: prefs
      ? { emailEnabled: prefs.emailEnabled, smsEnabled: prefs.smsEnabled, email: prefs.email, mobile: prefs.mobile, updatedAt: prefs.updatedAt.toISOString() }
      : null,
    sent: rows.map((r) => ({ event: r.event, channel: r.channel, status: r.status, queuedAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })),
  };
}

/** Housekeeping: sent and failed notifications are removed after SENT_KEEP_DAYS. */
export async function purgeOldNotifications(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - SENT_KEEP_DAYS * DAY_MS);
  const removed = await db
    .delete(notificationOutbox)
    .where(and(inArray(notificationOutbox.status, ["sent", "failed", "letter", "posted"]), lt(notificationOutbox.createdAt, cutoff)))
    .returning({ id: notificationOutbox.id });
  return removed.length;
}
