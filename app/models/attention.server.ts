import { and, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import {
  accounts,
  attentionDone,
  carePlanVersions,
  carerAssessmentRequests,
  carerMessages,
  planVersionComments,
  reviews,
  serviceUsers,
  supportRequestEvents,
  supportRequests,
  type Agreement,
  type AttentionKind,
  type RequestKind,
} from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { can, type Actor } from "./access.server";
import { recordAudit, recordReadsIfOthers } from "./audit.server";
import { ensure, NotFoundError } from "./access.server";

export { attentionKinds, type AttentionKind } from "#db/schema/index";

/** A review shows as needing attention from this many days before it is due. */
export const REVIEW_DUE_WITHIN_DAYS = 28;
/** Done items stay listed under "done recently" for this many days. */
export const DONE_RECENTLY_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

/** How an item left the list: someone marked it done, or it moved on where it is dealt with. */
export interface AttentionDone {
  how: "marked" | "moved_on";
  by: string | null;
  at: string;
}

export interface AttentionItem {
  kind: AttentionKind;
  /** The message, request, comment or review the item is about. */
  recordId: string;
  serviceUserId: string;
  displayName: string;
  /** When it started to need attention: the oldest comes first. */
  since: string;
  /** Who sent or asked (a carer, the person), when there is someone. */
  from: string | null;
  /** The words of a carer's message or of a comment on the plan. */
  words: string | null;
  requestKind: RequestKind | null;
  /** What a support request asked for, as it was sent (for the summary in words). */
  requestDetails: Record<string, unknown> | null;
  agreement: Agreement | null;
  planVersion: number | null;
  /** For a review: the date it is due, and whether that has passed. */
  reviewOn: string | null;
  overdue: boolean;
  done: AttentionDone | null;
}

/** The records this member of staff is on the care team for, as the access module decides it. */
function teamRecordIds(actor: Actor): string[] {
  return [
    ...new Set(actor.relationships.filter((r) => r.kind === "care_team_member_of").map((r) => r.serviceUserId)),
  ].filter((id) => can(actor, "attention.manage", { serviceUserId: id }));
}

/** Only what the one-line summary of a request needs ("Care and support plan in easy read"), nothing more. */
const summaryKeys = ["kind", "document", "format", "need", "language", "mode"];
function summaryOnly(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => summaryKeys.includes(k)));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Every item for these records, open or done, worked out from the records themselves. */
async function collect(db: Db, ids: string[], now: Date): Promise<AttentionItem[]> {
  if (!ids.length) return [];
  const people = new Map(
    (await db.select({ id: serviceUsers.id, name: serviceUsers.displayName }).from(serviceUsers).where(inArray(serviceUsers.id, ids))).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const doneRows = await db.select().from(attentionDone).where(inArray(attentionDone.serviceUserId, ids));
  const marked = new Map(doneRows.map((d) => [`${d.kind}:${d.recordId}`, d]));
  const accountIds = new Set<string>();
  const items: (Omit<AttentionItem, "from" | "done" | "displayName"> & { fromId: string | null; doneRaw: { how: AttentionDone["how"]; by: string | null; at: Date } | null })[] = [];
  const base = { words: null, requestKind: null, requestDetails: null, agreement: null, planVersion: null, reviewOn: null, overdue: false };
  const markedDone = (kind: AttentionKind, recordId: string) => {
    const d = marked.get(`${kind}:${recordId}`);
    return d ? { how: "marked" as const, by: d.doneBy, at: d.doneAt } : null;
  };

  // Carers' messages. Marking one read on the carers page is the same act as marking it done.
  for (const m of await db.select().from(carerMessages).where(inArray(carerMessages.serviceUserId, ids))) {
    items.push({
      ...base,
      kind: "carer_message",
      recordId: m.id,
      serviceUserId: m.serviceUserId,
      since: m.createdAt.toISOString(),
      fromId: m.fromAccountId,
      words: m.body,
      doneRaw: m.readAt ? { how: "marked", by: m.readBy, at: m.readAt } : null,
    });
  }

  // Carer's assessment requests: waiting until someone marks them done or moves them on from "received".
  for (const r of await db.select().from(carerAssessmentRequests).where(inArray(carerAssessmentRequests.serviceUserId, ids))) {
    items.push({
      ...base,
      kind: "carer_assessment",
      recordId: r.id,
      serviceUserId: r.serviceUserId,
      since: r.createdAt.toISOString(),
      fromId: r.carerAccountId,
      doneRaw: markedDone("carer_assessment", r.id) ?? (r.status !== "received" ? { how: "moved_on", by: r.updatedBy, at: r.updatedAt } : null),
    });
  }

  // Interpreter, advocate, format and share-needs requests: waiting while they are "sent".
  const requests = await db.select().from(supportRequests).where(inArray(supportRequests.serviceUserId, ids));
  const moved = new Map<string, { by: string | null; at: Date }>();
  if (requests.length) {
    const events = await db
      .select()
      .from(supportRequestEvents)
      .where(and(inArray(supportRequestEvents.requestId, requests.map((r) => r.id)), ne(supportRequestEvents.status, "sent")))
      .orderBy(supportRequestEvents.at);
    for (const e of events) if (!moved.has(e.requestId)) moved.set(e.requestId, { by: e.byAccountId, at: e.at });
  }
  for (const r of requests) {
    const movedOn = r.status !== "sent" ? (moved.get(r.id) ?? { by: null, at: r.updatedAt }) : null;
    items.push({
      ...base,
      kind: "support_request",
      recordId: r.id,
      serviceUserId: r.serviceUserId,
      since: r.createdAt.toISOString(),
      fromId: r.createdBy,
      requestKind: r.kind,
      requestDetails: summaryOnly(r.details),
      doneRaw: markedDone("support_request", r.id) ?? (movedOn ? { how: "moved_on", ...movedOn } : null),
    });
  }

  // The person does not agree, or agrees only in part, or says something about a plan version.
  const comments = await db
    .select({
      id: planVersionComments.id,
      serviceUserId: carePlanVersions.serviceUserId,
      version: carePlanVersions.version,
      agreement: planVersionComments.agreement,
      comment: planVersionComments.comment,
      by: planVersionComments.accountId,
      at: planVersionComments.createdAt,
    })
    .from(planVersionComments)
    .innerJoin(carePlanVersions, eq(carePlanVersions.id, planVersionComments.versionId))
    .where(and(inArray(carePlanVersions.serviceUserId, ids), or(ne(planVersionComments.agreement, "agree"), ne(planVersionComments.comment, ""))));
  for (const c of comments) {
    items.push({
      ...base,
      kind: "plan_comment",
      recordId: c.id,
      serviceUserId: c.serviceUserId,
      since: c.at.toISOString(),
      fromId: c.by,
      words: c.comment || null,
      agreement: c.agreement,
      planVersion: c.version,
      doneRaw: markedDone("plan_comment", c.id),
    });
  }

  // Reviews due soon or overdue: only the next review (from the latest one recorded). Recording a
  // new review makes the item go, as the next review then comes from the new one.
  const dueBy = isoDay(new Date(now.getTime() + REVIEW_DUE_WITHIN_DAYS * DAY));
  const latest = new Map<string, { id: string; nextReviewOn: string }>();
  for (const r of await db
    .select({ id: reviews.id, serviceUserId: reviews.serviceUserId, nextReviewOn: reviews.nextReviewOn })
    .from(reviews)
    .where(inArray(reviews.serviceUserId, ids))
    .orderBy(desc(reviews.heldOn), desc(reviews.createdAt))) {
    if (!latest.has(r.serviceUserId)) latest.set(r.serviceUserId, r);
  }
  for (const [serviceUserId, r] of latest) {
    if (r.nextReviewOn > dueBy) continue;
    items.push({
      ...base,
      kind: "review_due",
      recordId: r.id,
      serviceUserId,
      since: new Date(`${r.nextReviewOn}T00:00:00Z`).toISOString(),
      fromId: null,
      reviewOn: r.nextReviewOn,
      overdue: r.nextReviewOn < isoDay(now),
      doneRaw: markedDone("review_due", r.id),
    });
  }

  for (const i of items) {
    if (i.fromId) accountIds.add(i.fromId);
    if (i.doneRaw?.by) accountIds.add(i.doneRaw.by);
  }
  const names = new Map(
    accountIds.size
      ? (await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...accountIds]))).map((a) => [a.id, a.name])
      : [],
  );
  return items.map(({ fromId, doneRaw, ...rest }) => ({
    ...rest,
    displayName: people.get(rest.serviceUserId) ?? "",
    from: fromId ? (names.get(fromId) ?? null) : null,
    done: doneRaw ? { how: doneRaw.how, by: doneRaw.by ? (names.get(doneRaw.by) ?? null) : null, at: doneRaw.at.toISOString() } : null,
  }));
}

const byKindOrder = (a: AttentionItem, b: AttentionItem) => a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId);

/**
 * What needs this member of staff's attention across their caseload, oldest first, and what was
 * done in the last DONE_RECENTLY_DAYS days, newest first. Only people whose care team they are on.
 */
export async function listAttention(
  db: Db,
  actor: Actor,
  now = new Date(),
  options: { recordRead?: boolean } = {},
): Promise<{ open: AttentionItem[]; done: AttentionItem[] }> {
  const items = await collect(db, teamRecordIds(actor), now);
  // The page shows carers' words and the person's comments: log the read for each person shown (counts alone are not).
  if (options.recordRead) await recordReadsIfOthers(db, actor, items.map((i) => i.serviceUserId), "attention");
  const since = now.getTime() - DONE_RECENTLY_DAYS * DAY;
  const open = items.filter((i) => !i.done).sort((a, b) => a.since.localeCompare(b.since) || byKindOrder(a, b));
  const done = items
    .filter((i) => i.done && new Date(i.done.at).getTime() >= since)
    .sort((a, b) => b.done!.at.localeCompare(a.done!.at) || byKindOrder(a, b));
  return { open, done };
}

/** How many things need attention for each person on the caseload (people with none are left out). */
export async function attentionCounts(db: Db, actor: Actor, now = new Date()): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const i of (await listAttention(db, actor, now)).open) counts[i.serviceUserId] = (counts[i.serviceUserId] ?? 0) + 1;
  return counts;
}

/** The person whose record the item is about, found from the item itself (never from the form). */
async function ownerOf(db: Db, kind: AttentionKind, recordId: string): Promise<string | null> {
  switch (kind) {
    case "carer_message":
      return (await db.select({ id: carerMessages.serviceUserId }).from(carerMessages).where(eq(carerMessages.id, recordId)))[0]?.id ?? null;
    case "carer_assessment":
      return (
        (await db.select({ id: carerAssessmentRequests.serviceUserId }).from(carerAssessmentRequests).where(eq(carerAssessmentRequests.id, recordId)))[0]
          ?.id ?? null
      );
    case "support_request":
      return (await db.select({ id: supportRequests.serviceUserId }).from(supportRequests).where(eq(supportRequests.id, recordId)))[0]?.id ?? null;
    case "plan_comment":
      return (
        (
          await db
            .select({ id: carePlanVersions.serviceUserId })
            .from(planVersionComments)
            .innerJoin(carePlanVersions, eq(carePlanVersions.id, planVersionComments.versionId))
            .where(eq(planVersionComments.id, recordId))
        )[0]?.id ?? null
      );
    case "review_due":
      return (await db.select({ id: reviews.serviceUserId }).from(reviews).where(eq(reviews.id, recordId)))[0]?.id ?? null;
  }
}

/**
 * Someone on the person's care team marks an item done: who and when are kept, and it moves to
 * "done recently". Anyone else gets NotFoundError, as if the item did not exist. Marking twice
 * keeps the first.
 */
export async function markAttentionDone(db: Db, actor: Actor, kind: AttentionKind, recordId: string, now = new Date()): Promise<void> {
  if (!isUuid(recordId)) throw new NotFoundError();
  const serviceUserId = await ownerOf(db, kind, recordId);
  if (!serviceUserId) throw new NotFoundError();
  ensure(actor, "attention.manage", serviceUserId);
  await db.transaction(async (tx) => {
    let changed: boolean;
    if (kind === "carer_message") {
      // One truth for a carer's message: done is the same as read on the person's carers page.
      const updated = await tx
        .update(carerMessages)
        .set({ readAt: now, readBy: actor.accountId })
        .where(and(eq(carerMessages.id, recordId), isNull(carerMessages.readAt)))
        .returning({ id: carerMessages.id });
      changed = updated.length > 0;
    } else {
      const inserted = await tx
        .insert(attentionDone)
        .values({ serviceUserId, kind, recordId, doneBy: actor.accountId, doneAt: now })
        .onConflictDoNothing()
        .returning({ id: attentionDone.id });
      changed = inserted.length > 0;
    }
    if (changed) {
      await recordAudit(tx, actor, { action: "attention.done", serviceUserId, recordType: kind, recordId });
    }
  });
}
