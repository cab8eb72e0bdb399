import { and, eq, gt, isNull, or } from "drizzle-orm";
import { auditEvents, relationships, sharingGrants } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { capacityFor, onBehalfCapacity, type Actor } from "./access.server";
import { activeGrantFilter } from "./grants.server";
import type { AuditBasis } from "./vocabulary/access-log";

export interface AuditEntry {
  action: string;
  serviceUserId?: string | null;
  onBehalfOf?: string | null;
  recordType?: string;
  recordId?: string;
  /** Which part of the record, where recordType alone does not say (a code from vocabulary/access-log). */
  part?: string;
  details?: Record<string, unknown>;
}

/** Append one event. Never updates or deletes: the log is append-only. */
export async function recordAudit(db: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  // A change made by an advocate or attorney acting for the person is logged as on their behalf.
  const onBehalfOf =
    entry.onBehalfOf ??
    (actor && entry.serviceUserId && entry.action !== "read" && onBehalfCapacity(actor, entry.serviceUserId) ? entry.serviceUserId : null);
  const capacity = actor && entry.serviceUserId ? capacityFor(actor, entry.serviceUserId) : actor ? "self" : "anonymous";
  await db.insert(auditEvents).values({
    actorAccountId: actor?.accountId ?? null,
    capacity,
    basis: actor && entry.serviceUserId ? await basisFor(db, actor, entry.serviceUserId, capacity, onBehalfOf !== null) : null,
    part: entry.part ?? null,
    serviceUserId: entry.serviceUserId ?? null,
    onBehalfOf,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    details: entry.details ?? null,
  });
}

/**
 * The capacity of a change the trust's record system made (decision 053): no person, no account; the
 * access log says "The trust's record system changed your care plan".
 */
export const RECORD_SYSTEM_CAPACITY = "record_system";

/** Append one event done by the trust's record system (an import), not by a person. */
export async function recordSystemAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorAccountId: null,
    capacity: RECORD_SYSTEM_CAPACITY,
    basis: null,
    part: entry.part ?? null,
    serviceUserId: entry.serviceUserId ?? null,
    onBehalfOf: null,
    action: entry.action,
    recordType: entry.recordType ?? null,
    recordId: entry.recordId ?? null,
    details: entry.details ?? null,
  });
}

/**
 * On what basis the actor reads or changes someone's record (decision 050): their care team; what
 * the person agreed to share; acting for them; or a legal basis staff recorded for a grant (a
 * best-interests decision, a lasting power of attorney). Null for the person's own record.
 */
async function basisFor(db: Db, actor: Actor, serviceUserId: string, capacity: string, onBehalf: boolean): Promise<AuditBasis | null> {
  if (capacity === "care_team_member_of") return "care_team";
  if (capacity === "staff") return "staff";
  if (capacity === "none") return actor.isAdmin ? "admin" : null;
  if (capacity !== "carer_of" && capacity !== "advocate_for" && capacity !== "attorney_for") return null;
  if (onBehalf) return "acting_for";
  const now = new Date();
  const grants = await db
    .select({ basis: sharingGrants.basis })
    .from(sharingGrants)
    .innerJoin(relationships, eq(relationships.id, sharingGrants.relationshipId))
    .where(
      and(
        eq(relationships.accountId, actor.accountId),
        eq(relationships.serviceUserId, serviceUserId),
        or(isNull(relationships.endedAt), gt(relationships.endedAt, now)),
        activeGrantFilter(now),
      ),
    );
  const bases = new Set(grants.map((g) => g.basis));
  // What the person agreed to comes first; a basis staff recorded only when there is no consent.
  if (bases.has("consent")) return "consent";
  if (bases.has("best_interests")) return "best_interests";
  if (bases.has("lasting_power_of_attorney") || capacity === "attorney_for") return "lasting_power_of_attorney";
  return null;
}

/** Record a read of someone else's record. Reading your own record is not logged as access by another. */
export async function recordReadIfOthers(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  recordType: string,
  recordId?: string,
  part?: string,
): Promise<void> {
  const own = actor.relationships.some((r) => r.serviceUserId === serviceUserId && r.kind === "service_user");
  if (own) return;
  await recordAudit(db, actor, { action: "read", serviceUserId, recordType, recordId, part });
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
