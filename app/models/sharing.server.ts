import { isUuid } from "~/utils/ids";
import { and, asc, desc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { accounts, auditEvents, relationships, sharingGrants, sharingQuestions } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { ConflictError, type Actor } from "./access.server";
import { recordAudit } from "./audit.server";
import { activeGrantFilter } from "./grants.server";
import { ensure, NotFoundError } from "./access.server";
import { shareableScopes, supporterKinds, type Scope, type ShareableScope, type SupporterKind } from "./vocabulary/relationships";

export interface ActiveGrant {
  scope: Scope;
  since: string;
  endsAt: string | null;
  basis: string;
  /** For a grant staff recorded without consent: the decision it covers. */
  basisNote: string | null;
  grantedBy: string | null;
  grantedById: string | null;
}

export interface SharingChange {
  at: string;
  by: string | null;
  byId: string | null;
  added: Scope[];
  removed: Scope[];
  endsOn: string | null;
}

/** A carer, advocate or attorney, with exactly what they can see now and every change so far. */
export interface Supporter {
  relationshipId: string;
  name: string;
  kind: SupporterKind;
  since: string;
  grants: ActiveGrant[];
  history: SharingChange[];
  /** Goes up by one with each change to what they can see or do: the sharing page's forms carry it. */
  sharingVersion: number;
}

/** What the person's sharing page sets for one supporter; a conflict carries it as it is now. */
export interface SharingState {
  scopes: ShareableScope[];
  endsOn: string | null;
  /** The person's own agreement that an advocate or attorney fills in forms for them. */
  acting: boolean;
}

/**
 * Grants a change must take into account: active now, or starting later. Two changes at the same
 * moment take turns (the relationship's lock), but each has its own "now": the second's may be a
 * millisecond before the grant the first just made, which must still count, or it is made twice.
 */
function liveOrComingGrantFilter(now: Date) {
  return and(isNull(sharingGrants.withdrawnAt), or(isNull(sharingGrants.endsAt), gt(sharingGrants.endsAt, now)));
}

/** The supporters' relationships in force for these people (one statement however many), oldest first. */
async function supporterRelationships(db: Db, serviceUserIds: string[], now: Date) {
  return db
    .select({
      id: relationships.id,
      serviceUserId: relationships.serviceUserId,
      kind: relationships.kind,
      startedAt: relationships.startedAt,
      sharingVersion: relationships.sharingVersion,
      name: accounts.displayName,
    })
    .from(relationships)
    .innerJoin(accounts, eq(accounts.id, relationships.accountId))
    .where(
      and(
        inArray(relationships.serviceUserId, serviceUserIds),
        inArray(relationships.kind, [...supporterKinds]),
        or(isNull(relationships.endedAt), gt(relationships.endedAt, now)),
      ),
    )
    .orderBy(asc(relationships.startedAt));
}

/** The grants in force for these relationships, the oldest first (one statement). */
async function activeGrantsOf(db: Db, relationshipIds: string[], now: Date) {
  return db
    .select({
      relationshipId: sharingGrants.relationshipId,
      scope: sharingGrants.scope,
      startsAt: sharingGrants.startsAt,
      endsAt: sharingGrants.endsAt,
      basis: sharingGrants.basis,
      basisNote: sharingGrants.basisNote,
      grantedBy: accounts.displayName,
      grantedById: sharingGrants.grantedBy,
    })
    .from(sharingGrants)
    .leftJoin(accounts, eq(accounts.id, sharingGrants.grantedBy))
    .where(and(inArray(sharingGrants.relationshipId, relationshipIds), activeGrantFilter(now)))
    .orderBy(asc(sharingGrants.startsAt));
}

/** The people who support this person, for the person (or whoever may manage their sharing). */
export async function listSupporters(db: Db, actor: Actor, serviceUserId: string, now = new Date()): Promise<Supporter[]> {
  ensure(actor, "sharing.manage", serviceUserId);
  return supportersOf(db, serviceUserId, now);
}

/** The same list for the care team, who see carers and what is shared but cannot change it. */
export async function listSupportersForTeam(db: Db, actor: Actor, serviceUserId: string, now = new Date()): Promise<Supporter[]> {
  ensure(actor, "carers.support", serviceUserId);
  return supportersOf(db, serviceUserId, now);
}

/** A supporter as the caseload lists them: who, in what role, and what the person shares with them. */
export interface SupporterSummary {
  name: string;
  kind: SupporterKind;
  scopes: Scope[];
}

/**
 * The care team's view of the supporters of several people at once (the caseload), by person: two
 * statements however many people, not three for each. The same check as listSupportersForTeam, for each.
 */
export async function listSupporterSummariesForTeam(
  db: Db,
  actor: Actor,
  serviceUserIds: readonly string[],
  now = new Date(),
): Promise<Map<string, SupporterSummary[]>> {
  for (const serviceUserId of serviceUserIds) ensure(actor, "carers.support", serviceUserId);
  const result = new Map<string, SupporterSummary[]>(serviceUserIds.map((id) => [id, []]));
  if (!serviceUserIds.length) return result;
  const rels = await supporterRelationships(db, [...new Set(serviceUserIds)], now);
  if (!rels.length) return result;
  const grants = await activeGrantsOf(db, rels.map((r) => r.id), now);
  for (const r of rels) {
    const scopes = grants.filter((g) => g.relationshipId === r.id).map((g) => g.scope as Scope);
    result.get(r.serviceUserId)?.push({ name: r.name, kind: r.kind as SupporterKind, scopes });
  }
  return result;
}

async function supportersOf(db: Db, serviceUserId: string, now: Date): Promise<Supporter[]> {
  const rels = await supporterRelationships(db, [serviceUserId], now);
  if (!rels.length) return [];
  const ids = rels.map((r) => r.id);
  const grants = await activeGrantsOf(db, ids, now);
  const changes = await db
    .select({
      recordId: auditEvents.recordId,
      at: auditEvents.at,
      details: auditEvents.details,
      by: accounts.displayName,
      byId: auditEvents.actorAccountId,
    })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
    .where(and(eq(auditEvents.serviceUserId, serviceUserId), eq(auditEvents.action, "sharing.change"), inArray(auditEvents.recordId, ids)))
    .orderBy(desc(auditEvents.at));
  return rels.map((r) => ({
    relationshipId: r.id,
    name: r.name,
    kind: r.kind as SupporterKind,
    since: r.startedAt.toISOString(),
    sharingVersion: r.sharingVersion,
    grants: grants
      .filter((g) => g.relationshipId === r.id)
      .map((g) => ({
        scope: g.scope as Scope,
        since: g.startsAt.toISOString(),
        endsAt: g.endsAt?.toISOString() ?? null,
        basis: g.basis,
        basisNote: g.basisNote,
        grantedBy: g.grantedBy,
        grantedById: g.grantedById,
      })),
    history: changes
      .filter((c) => c.recordId === r.id)
      .map((c) => {
        const d = (c.details ?? {}) as { added?: Scope[]; removed?: Scope[]; endsOn?: string | null };
        return { at: c.at.toISOString(), by: c.by, byId: c.byId, added: d.added ?? [], removed: d.removed ?? [], endsOn: d.endsOn ?? null };
      }),
  }));
}

export async function getSupporter(db: Db, actor: Actor, serviceUserId: string, relationshipId: string, now = new Date()): Promise<Supporter> {
  if (!isUuid(relationshipId)) throw new NotFoundError();
  const supporter = (await listSupporters(db, actor, serviceUserId, now)).find((s) => s.relationshipId === relationshipId);
  if (!supporter) throw new NotFoundError();
  return supporter;
}

/**
 * Take the relationship's row lock for the rest of this transaction and read its sharing version.
 * Every change to a supporter's grants takes it first, so two changes at once take turns: the
 * second sees the first's grants and version (locking the grants alone misses a supporter with none).
 */
async function lockRelationship(tx: Db, relationshipId: string): Promise<number> {
  const [row] = await tx.select({ version: relationships.sharingVersion }).from(relationships).where(eq(relationships.id, relationshipId)).for("update");
  if (!row) throw new NotFoundError();
  return row.version;
}

async function bumpSharingVersion(tx: Db, relationshipId: string, version: number): Promise<void> {
  await tx.update(relationships).set({ sharingVersion: version + 1 }).where(eq(relationships.id, relationshipId));
}

/** What the sharing page shows for one supporter now. */
async function sharingStateOf(db: Db, relationshipId: string, now: Date): Promise<SharingState> {
  const grants = await db
    .select({ scope: sharingGrants.scope, basis: sharingGrants.basis, endsAt: sharingGrants.endsAt })
    .from(sharingGrants)
    .where(and(eq(sharingGrants.relationshipId, relationshipId), activeGrantFilter(now)));
  const shared = grants.filter((g) => (shareableScopes as readonly string[]).includes(g.scope));
  const endsAt = shared.find((g) => g.endsAt)?.endsAt ?? null;
  return {
    scopes: shareableScopes.filter((s) => shared.some((g) => g.scope === s)),
    endsOn: endsAt ? endsAt.toISOString().slice(0, 10) : null,
    acting: grants.some((g) => g.scope === "act_on_behalf" && g.basis === "consent"),
  };
}

/** Someone changed this supporter's sharing since the form was opened: nothing is saved; say who, when and what. */
async function refuseAsChanged(tx: Db, serviceUserId: string, relationshipId: string, version: number, state: SharingState): Promise<never> {
  const [last] = await tx
    .select({ at: auditEvents.at, by: accounts.displayName })
    .from(auditEvents)
    .leftJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
    .where(and(eq(auditEvents.serviceUserId, serviceUserId), eq(auditEvents.action, "sharing.change"), eq(auditEvents.recordId, relationshipId)))
    .orderBy(desc(auditEvents.at))
    .limit(1);
  throw new ConflictError<SharingState>({ version, value: state, changedBy: last?.by ?? null, changedAt: (last?.at ?? new Date()).toISOString() });
}

/** End of the chosen day in UTC: sharing "until 31 March" includes 31 March. */
function endOfDay(isoDate: string): Date {
  return new Date(`${isoDate}T23:59:59.999Z`);
}

/**
 * The person chooses what one supporter can see: exactly these, until this date (or with no end).
 * Only the shareable scopes are touched; anything recorded another way (acting on behalf) stays.
 * Takes effect on the supporter's next page: access is read from the grants on every request.
 */
export async function setSharing(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  relationshipId: string,
  input: { scopes: ShareableScope[]; endsOn: string | null; baseVersion?: number | null },
  now = new Date(),
): Promise<{ added: Scope[]; removed: Scope[] }> {
  ensure(actor, "sharing.manage", serviceUserId);
  await getSupporter(db, actor, serviceUserId, relationshipId, now);
  return db.transaction(async (tx) => {
    const txDb = tx;
    const version = await lockRelationship(tx, relationshipId);
    if (input.baseVersion !== undefined && input.baseVersion !== null && version > input.baseVersion) {
      const state = await sharingStateOf(tx, relationshipId, now);
      const sameScopes = state.scopes.length === input.scopes.length && input.scopes.every((s) => state.scopes.includes(s));
      if (sameScopes && (!input.scopes.length || state.endsOn === input.endsOn)) return { added: [], removed: [] };
      await refuseAsChanged(tx, serviceUserId, relationshipId, version, state);
    }
    const current = await tx
      .select({ id: sharingGrants.id, scope: sharingGrants.scope, endsAt: sharingGrants.endsAt })
      .from(sharingGrants)
      .where(
        and(
          eq(sharingGrants.relationshipId, relationshipId),
          inArray(sharingGrants.scope, [...shareableScopes]),
          liveOrComingGrantFilter(now),
        ),
      )
      .for("update");
    const endsAt = input.endsOn ? endOfDay(input.endsOn) : null;
    const wanted = new Set<Scope>(input.scopes);
    const sameEnd = (a: Date | null) => (a?.getTime() ?? null) === (endsAt?.getTime() ?? null);
    // A grant whose end date changes is withdrawn and granted again, so each grant keeps one meaning.
    const toWithdraw = current.filter((g) => !wanted.has(g.scope as Scope) || !sameEnd(g.endsAt));
    const kept = new Set(current.filter((g) => !toWithdraw.includes(g)).map((g) => g.scope));
    const toGrant = [...wanted].filter((s) => !kept.has(s));
    if (toWithdraw.length) {
      await tx
        .update(sharingGrants)
        .set({ withdrawnAt: now, withdrawnBy: actor.accountId })
        .where(inArray(sharingGrants.id, toWithdraw.map((g) => g.id)));
    }
    if (toGrant.length) {
      await tx.insert(sharingGrants).values(
        toGrant.map((scope) => ({ relationshipId, scope, basis: "consent", grantedBy: actor.accountId, startsAt: now, endsAt })),
      );
    }
    // The person has chosen: a question about a carer staff linked (decision 060) is answered.
    await tx
      .update(sharingQuestions)
      .set({ answer: "chose", answeredAt: now })
      .where(and(eq(sharingQuestions.relationshipId, relationshipId), isNull(sharingQuestions.answeredAt)));
    const before = new Set(current.map((g) => g.scope as Scope));
    const added = [...wanted].filter((s) => !before.has(s));
    const removed = [...before].filter((s) => !wanted.has(s));
    const endChanged = current.some((g) => wanted.has(g.scope as Scope) && !sameEnd(g.endsAt));
    if (added.length || removed.length || endChanged) {
      await bumpSharingVersion(tx, relationshipId, version);
      await recordAudit(txDb, actor, {
        action: "sharing.change",
        serviceUserId,
        recordType: "relationship",
        recordId: relationshipId,
        details: { added, removed, endsOn: input.scopes.length ? input.endsOn : null },
      });
    }
    return { added, removed };
  });
}

/** Active acting-on-behalf grants of one relationship with one of these bases. */
async function actingGrants(db: Db, relationshipId: string, now: Date, bases: string[]) {
  return db
    .select({ id: sharingGrants.id })
    .from(sharingGrants)
    .where(
      and(
        eq(sharingGrants.relationshipId, relationshipId),
        eq(sharingGrants.scope, "act_on_behalf"),
        inArray(sharingGrants.basis, bases),
        activeGrantFilter(now),
      ),
    );
}

/**
 * The person lets their advocate or attorney fill in forms for them, or stops it. Only the
 * person's own agreement is changed here: something staff recorded for one decision stays, and
 * the page says so. Never for a carer.
 */
export async function setActingOnBehalf(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  relationshipId: string,
  on: boolean,
  options: { baseVersion?: number | null } = {},
  now = new Date(),
): Promise<boolean> {
  ensure(actor, "sharing.manage", serviceUserId);
  const supporter = await getSupporter(db, actor, serviceUserId, relationshipId, now);
  if (supporter.kind === "carer_of") throw new NotFoundError();
  return db.transaction(async (tx) => {
    const txDb = tx;
    const version = await lockRelationship(tx, relationshipId);
    const current = await actingGrants(txDb, relationshipId, now, ["consent"]);
    if (on === current.length > 0) return false;
    if (options.baseVersion !== undefined && options.baseVersion !== null && version > options.baseVersion) {
      await refuseAsChanged(tx, serviceUserId, relationshipId, version, await sharingStateOf(tx, relationshipId, now));
    }
    await bumpSharingVersion(tx, relationshipId, version);
    if (on) {
      await tx.insert(sharingGrants).values({ relationshipId, scope: "act_on_behalf", basis: "consent", grantedBy: actor.accountId, startsAt: now });
    } else {
      await tx
        .update(sharingGrants)
        .set({ withdrawnAt: now, withdrawnBy: actor.accountId })
        .where(inArray(sharingGrants.id, current.map((g) => g.id)));
    }
    await recordAudit(txDb, actor, {
      action: "sharing.change",
      serviceUserId,
      recordType: "relationship",
      recordId: relationshipId,
      details: { added: on ? ["act_on_behalf"] : [], removed: on ? [] : ["act_on_behalf"], endsOn: null },
    });
    return true;
  });
}

/**
 * Staff record that an advocate or attorney may act for the person when the person cannot make
 * one decision themselves: the legal basis, the decision in words, and an end date (MC-01: about
 * this decision at this time, never a general label).
 */
export async function recordActingOnBehalf(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  relationshipId: string,
  input: { basis: "best_interests" | "lasting_power_of_attorney"; decision: string; endsOn: string },
  now = new Date(),
): Promise<void> {
  ensure(actor, "decisions.manage", serviceUserId);
  if (!isUuid(relationshipId)) throw new NotFoundError();
  const supporter = (await supportersOf(db, serviceUserId, now)).find((s) => s.relationshipId === relationshipId);
  if (!supporter || supporter.kind === "carer_of") throw new NotFoundError();
  await db.transaction(async (tx) => {
    await bumpSharingVersion(tx, relationshipId, await lockRelationship(tx, relationshipId));
    await tx.insert(sharingGrants).values({
      relationshipId,
      scope: "act_on_behalf",
      basis: input.basis,
      basisNote: input.decision,
      grantedBy: actor.accountId,
      startsAt: now,
      endsAt: endOfDay(input.endsOn),
    });
    await recordAudit(tx, actor, {
      action: "sharing.change",
      serviceUserId,
      recordType: "relationship",
      recordId: relationshipId,
      details: { added: ["act_on_behalf"], removed: [], endsOn: input.endsOn, basis: input.basis },
    });
  });
}

/** Advocates and attorneys staff could record acting on behalf for, with what they may do now. */
export async function listActingCandidates(db: Db, actor: Actor, serviceUserId: string, now = new Date()): Promise<Supporter[]> {
  ensure(actor, "decisions.manage", serviceUserId);
  return (await supportersOf(db, serviceUserId, now)).filter((s) => s.kind !== "carer_of");
}

/** Staff end what they recorded, for example when the person can make the decision again. */
export async function endActingOnBehalf(db: Db, actor: Actor, serviceUserId: string, relationshipId: string, now = new Date()): Promise<void> {
  ensure(actor, "decisions.manage", serviceUserId);
  if (!isUuid(relationshipId)) throw new NotFoundError();
  const supporter = (await supportersOf(db, serviceUserId, now)).find((s) => s.relationshipId === relationshipId);
  if (!supporter) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const version = await lockRelationship(tx, relationshipId);
    const recorded = await actingGrants(tx, relationshipId, now, ["best_interests", "lasting_power_of_attorney"]);
    if (!recorded.length) return;
    await bumpSharingVersion(tx, relationshipId, version);
    await tx
      .update(sharingGrants)
      .set({ withdrawnAt: now, withdrawnBy: actor.accountId })
      .where(inArray(sharingGrants.id, recorded.map((g) => g.id)));
    await recordAudit(tx, actor, {
      action: "sharing.change",
      serviceUserId,
      recordType: "relationship",
      recordId: relationshipId,
      details: { added: [], removed: ["act_on_behalf"], endsOn: null },
    });
  });
}
