import { auditEvents } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { capacityFor, onBehalfCapacity, type Actor } from "./access.server";

export interface AuditEntry {
  action: string;
  serviceUserId?: string | null;
  onBehalfOf?: string | null;
  recordType?: string;
  recordId?: string;
  details?: Record<string, unknown>;
}

/** Append one event. Never updates or deletes: the log is append-only. */
export async function recordAudit(db: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  // A change made by an advocate or attorney acting for the person is logged as on their behalf.
  const onBehalfOf =
    entry.onBehalfOf ??
    (actor && entry.serviceUserId && entry.action !== "read" && onBehalfCapacity(actor, entry.serviceUserId) ? entry.serviceUserId : null);
  await db.insert(auditEvents).values({
    actorAccountId: actor?.accountId ?? null,
    capacity: actor && entry.serviceUserId ? capacityFor(actor, entry.serviceUserId) : actor ? "self" : "anonymous",
    serviceUserId: entry.serviceUserId ?? null,
    onBehalfOf,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    details: entry.details ?? null,
  });
}

/** Record a read of someone else's record. Reading your own record is not logged as access by another. */
export async function recordReadIfOthers(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  recordType: string,
  recordId?: string,
): Promise<void> {
  const own = actor.relationships.some((r) => r.serviceUserId === serviceUserId && r.kind === "service_user");
  if (own) return;
  await recordAudit(db, actor, { action: "read", serviceUserId, recordType, recordId });
}

/** Record that the actor read what is about each of these people (a list page), once per person. */
export async function recordReadsIfOthers(db: Db, actor: Actor, serviceUserIds: Iterable<string>, recordType: string): Promise<void> {
  for (const serviceUserId of new Set(serviceUserIds)) await recordReadIfOthers(db, actor, serviceUserId, recordType);
}

/** An actor known only by account id (signing in, setting a password): no relationships yet. */
export function accountActor(accountId: string): Actor {
  return { accountId, isStaff: false, relationships: [] };
}

/**
 * The guard refused: the actor asked for a record (or a page for a role) they may not see, and
 * got the 404 page. The id asked for goes in record_id, not service_user_id: it may name nobody.
 */
export async function recordRefused(
  db: Db,
  actor: Actor,
  asked: { recordType: string; recordId?: string; details?: Record<string, string> },
): Promise<void> {
  await recordAudit(db, actor, { action: "access.refused", recordType: asked.recordType, recordId: asked.recordId, details: asked.details });
}
