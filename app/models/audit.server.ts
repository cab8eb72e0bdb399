import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
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
  return (await basesFor(db, actor, new Map([[serviceUserId, capacity]]), onBehalf)).get(serviceUserId) ?? null;
}

/** basisFor for several records at once: at most one statement (for the records read through what is shared). */
async function basesFor(db: Db, actor: Actor, capacities: ReadonlyMap<string, string>, onBehalf: boolean): Promise<Map<string, AuditBasis | null>> {
  const bases = new Map<string, AuditBasis | null>();
  const shared: string[] = [];
  for (const [serviceUserId, capacity] of capacities) {
    if (capacity === "care_team_member_of") bases.set(serviceUserId, "care_team");
    else if (capacity === "staff") bases.set(serviceUserId, "staff");
    else if (capacity === "none") bases.set(serviceUserId, actor.isAdmin ? "admin" : null);
    else if (capacity !== "carer_of" && capacity !== "advocate_for" && capacity !== "attorney_for") bases.set(serviceUserId, null);
    else if (onBehalf) bases.set(serviceUserId, "acting_for");
    else shared.push(serviceUserId);
  }
  if (!shared.length) return bases;
  const now = new Date();
  const grants = await db
    .select({ serviceUserId: relationships.serviceUserId, basis: sharingGrants.basis })
    .from(sharingGrants)
    .innerJoin(relationships, eq(relationships.id, sharingGrants.relationshipId))
    .where(
      and(
        eq(relationships.accountId, actor.accountId),
        inArray(relationships.serviceUserId, shared),
        or(isNull(relationships.endedAt), gt(relationships.endedAt, now)),
        activeGrantFilter(now),
      ),
    );
  for (const serviceUserId of shared) {
    const found = new Set(grants.filter((g) => g.serviceUserId === serviceUserId).map((g) => g.basis));
    // What the person agreed to comes first; a basis staff recorded only when there is no consent.
    let basis: AuditBasis | null = null;
    if (found.has("consent")) basis = "consent";
    else if (found.has("best_interests")) basis = "best_interests";
    else if (found.has("lasting_power_of_attorney") || capacities.get(serviceUserId) === "attorney_for") basis = "lasting_power_of_attorney";
    bases.set(serviceUserId, basis);
  }
  return bases;
}

function isOwnRecord(actor: Actor, serviceUserId: string): boolean {
  return actor.relationships.some((r) => r.serviceUserId === serviceUserId && r.kind === "service_user");
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
  if (isOwnRecord(actor, serviceUserId)) return;
  await recordAudit(db, actor, { action: "read", serviceUserId, recordType, recordId, part });
}

/** Record that the actor read what is about each of these people (a list page), once per person. */
export async function recordReadsIfOthers(db: Db, actor: Actor, serviceUserIds: Iterable<string>, recordType: string): Promise<void> {
  await recordEachReadIfOthers(db, actor, [...new Set(serviceUserIds)].map((serviceUserId) => ({ serviceUserId, recordType })));
}

export interface ReadEntry {
  serviceUserId: string;
  recordType: string;
  recordId?: string;
  part?: string;
}

/** Rows a multi-row INSERT carries at most (10 parameters each, well under PostgreSQL's 65,535). */
const READS_PER_INSERT = 1000;

/**
 * The reads a list page makes (one for each person or each record shown), in one statement: the
 * same rows, in the same order, as recordReadIfOthers one at a time (reading your own is not logged).
 */
export async function recordEachReadIfOthers(db: Db, actor: Actor, reads: readonly ReadEntry[]): Promise<void> {
  const others = reads.filter((r) => !isOwnRecord(actor, r.serviceUserId));
  if (!others.length) return;
  const capacities = new Map(others.map((r) => [r.serviceUserId, capacityFor(actor, r.serviceUserId)]));
  // A read is never on someone's behalf (recordAudit's rule): the basis is the actor's own.
  const bases = await basesFor(db, actor, capacities, false);
  const rows = others.map((r) => ({
    actorAccountId: actor.accountId,
    capacity: capacities.get(r.serviceUserId)!,
    basis: bases.get(r.serviceUserId) ?? null,
    part: r.part ?? null,
    serviceUserId: r.serviceUserId,
    onBehalfOf: null,
    action: "read",
    recordType: r.recordType,
    recordId: r.recordId ?? null,
    details: null,
  }));
  for (let at = 0; at < rows.length; at += READS_PER_INSERT) await db.insert(auditEvents).values(rows.slice(at, at + READS_PER_INSERT));
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
