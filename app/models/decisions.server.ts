import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import {
  accounts,
  advanceDecisions,
  auditEvents,
  bestInterestsDecisions,
  decisionConsultees,
  healthAttorneys,
  nominatedPersons,
  personalStatements,
  type StatementKind,
} from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { can, ConflictError, onBehalfCapacity, type Actor } from "./access.server";
import { lockPerson } from "./locks.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import type { AttorneyKind, ConsultScope, LifeSustaining } from "./vocabulary/decisions";
import { ensure, NotFoundError } from "./access.server";
import { displayNameOf, enteredByNamed, type EnteredBy } from "./entered-by.server";


export interface StatementVersion {
  version: number;
  parts: Record<string, string>;
  writtenAt: string;
  enteredBy: EnteredBy;
}

export interface AdvanceDecisionFact {
  exists: boolean;
  whereKept: string;
  seenOn: string | null;
  updatedAt: string;
}

export interface Consultee {
  id: string;
  name: string;
  relationship: string;
  contact: string;
  scopes: ConsultScope[];
  scopeOther: string;
  enteredBy: EnteredBy;
}

export interface AttorneyRecord {
  kind: AttorneyKind;
  names: string;
  covers: string;
  lifeSustaining: LifeSustaining;
  opgReference: string;
  updatedAt: string;
  enteredBy: EnteredBy;
  /** Null until staff have checked it is registered with the Office of the Public Guardian. */
  registrationChecked: { on: string; by: string | null } | null;
  /** Goes up by one with each change, the check included: staff's check form carries it. */
  version: number;
}

export interface NominatedPerson {
  name: string;
  contact: string;
  updatedAt: string;
  enteredBy: EnteredBy;
  /** Carried by the form, so a save never quietly replaces a change made since (issue 15). */
  version: number;
}

export interface BestInterestsDecision {
  id: string;
  decision: string;
  decidedOn: string;
  consulted: string;
  lessRestrictive: string;
  outcome: string;
  recordedBy: string | null;
}

export interface DecisionsOverview {
  serviceUserId: string;
  displayName: string;
  wishes: StatementVersion | null;
  advance: StatementVersion | null;
  advanceDecision: AdvanceDecisionFact | null;
  consultees: Consultee[];
  attorney: AttorneyRecord | null;
  nominatedPerson: NominatedPerson | null;
  bestInterests: BestInterestsDecision[];
}


async function statementVersions(db: Db, serviceUserId: string, kind: StatementKind, limit?: number): Promise<StatementVersion[]> {
  const query = db
    .select({ version: personalStatements.version, parts: personalStatements.parts, createdAt: personalStatements.createdAt, enteredAs: personalStatements.enteredAs, author: accounts.displayName })
    .from(personalStatements)
    .leftJoin(accounts, eq(accounts.id, personalStatements.writtenBy))
    .where(and(eq(personalStatements.serviceUserId, serviceUserId), eq(personalStatements.kind, kind)))
    .orderBy(desc(personalStatements.version));
  const rows = limit ? await query.limit(limit) : await query;
  return rows.map((r) => ({ version: r.version, parts: r.parts, writtenAt: r.createdAt.toISOString(), enteredBy: enteredByNamed(r.enteredAs, r.author) }));
}

async function advanceDecisionOf(db: Db, serviceUserId: string): Promise<AdvanceDecisionFact | null> {
  const [row] = await db.select().from(advanceDecisions).where(eq(advanceDecisions.serviceUserId, serviceUserId));
  return row ? { exists: row.exists, whereKept: row.whereKept, seenOn: row.seenOn, updatedAt: row.updatedAt.toISOString() } : null;
}

/** Everything on the "decisions about me" page. The person, their team, an attorney, or an advocate acting for them. */
export async function getDecisionsOverview(db: Db, actor: Actor, serviceUserId: string): Promise<DecisionsOverview> {
  ensure(actor, "decisions.read", serviceUserId);
  const displayName = await displayNameOf(db, serviceUserId);
  const [wishes] = await statementVersions(db, serviceUserId, "wishes", 1);
  const [advance] = await statementVersions(db, serviceUserId, "advance", 1);
  const consultees = await db
    .select({ c: decisionConsultees, author: accounts.displayName })
    .from(decisionConsultees)
    .leftJoin(accounts, eq(accounts.id, decisionConsultees.createdBy))
    .where(eq(decisionConsultees.serviceUserId, serviceUserId))
    .orderBy(asc(decisionConsultees.createdAt));
  const [attorney] = await db
    .select({ a: healthAttorneys, author: accounts.displayName })
    .from(healthAttorneys)
    .leftJoin(accounts, eq(accounts.id, healthAttorneys.createdBy))
    .where(eq(healthAttorneys.serviceUserId, serviceUserId));
  const checkedBy = attorney?.a.registrationCheckedBy
    ? (await db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, attorney.a.registrationCheckedBy)))[0]?.name ?? null
    : null;
  const [nominated] = await db
    .select({ n: nominatedPersons, author: accounts.displayName })
    .from(nominatedPersons)
    .leftJoin(accounts, eq(accounts.id, nominatedPersons.createdBy))
    .where(eq(nominatedPersons.serviceUserId, serviceUserId));
  const bestInterests = await db
    .select({ b: bestInterestsDecisions, by: accounts.displayName })
    .from(bestInterestsDecisions)
    .leftJoin(accounts, eq(accounts.id, bestInterestsDecisions.recordedBy))
    .where(eq(bestInterestsDecisions.serviceUserId, serviceUserId))
    .orderBy(desc(bestInterestsDecisions.decidedOn), desc(bestInterestsDecisions.createdAt));
  await recordReadIfOthers(db, actor, serviceUserId, "decisions");
  return {
    serviceUserId,
    displayName,
    wishes: wishes ?? null,
    advance: advance ?? null,
    advanceDecision: await advanceDecisionOf(db, serviceUserId),
    consultees: consultees.map(({ c, author }) => ({
      id: c.id,
      name: c.name,
      relationship: c.relationship,
      contact: c.contact,
      scopes: c.scopes as ConsultScope[],
      scopeOther: c.scopeOther,
      enteredBy: enteredByNamed(c.enteredAs, author),
    })),
    attorney: attorney
      ? {
          kind: attorney.a.kind,
          names: attorney.a.names,
          covers: attorney.a.covers,
          lifeSustaining: attorney.a.lifeSustaining,
          opgReference: attorney.a.opgReference,
          updatedAt: attorney.a.updatedAt.toISOString(),
          enteredBy: enteredByNamed(attorney.a.enteredAs, attorney.author),
          registrationChecked: attorney.a.registrationCheckedOn ? { on: attorney.a.registrationCheckedOn, by: checkedBy } : null,
          version: attorney.a.version,
        }
      : null,
    nominatedPerson: nominated
      ? {
          name: nominated.n.name,
          contact: nominated.n.contact,
          updatedAt: nominated.n.updatedAt.toISOString(),
          enteredBy: enteredByNamed(nominated.n.enteredAs, nominated.author),
          version: nominated.n.version,
        }
      : null,
    bestInterests: bestInterests.map(({ b, by }) => ({
      id: b.id,
      decision: b.decision,
      decidedOn: b.decidedOn,
      consulted: b.consulted,
      lessRestrictive: b.lessRestrictive,
      outcome: b.outcome,
      recordedBy: by,
    })),
  };
}

/** Every version of the person's wishes or advance statement, newest first. */
export async function listStatementVersions(db: Db, actor: Actor, serviceUserId: string, kind: StatementKind): Promise<StatementVersion[]> {
  ensure(actor, "decisions.read", serviceUserId);
  await displayNameOf(db, serviceUserId);
  const versions = await statementVersions(db, serviceUserId, kind);
  await recordReadIfOthers(db, actor, serviceUserId, `statement.${kind}`);
  return versions;
}

/** The same words in the same parts (a part left empty counts as absent). */
function sameParts(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? "") === (b[k] ?? ""));
}

/**
 * The person's own words (or an advocate's or attorney's, on their behalf): a new version each
 * save, the earlier ones kept. Staff may read, never write. Versions are numbered under the
 * person's row lock, so two saves at once never choose the same number.
 * With `baseVersion` (the version the form was opened at): if someone else saved different words
 * since, nothing is saved and ConflictError carries theirs (the same words make nothing new).
 */
export async function writeStatement(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  kind: StatementKind,
  parts: Record<string, string>,
  options: { baseVersion?: number | null } = {},
): Promise<number> {
  ensure(actor, "decisions.write", serviceUserId);
  return db.transaction(async (tx) => {
    await lockPerson(tx, serviceUserId);
    const [latest] = await tx
      .select({ version: personalStatements.version, parts: personalStatements.parts, createdAt: personalStatements.createdAt, by: accounts.displayName })
      .from(personalStatements)
      .leftJoin(accounts, eq(accounts.id, personalStatements.writtenBy))
      .where(and(eq(personalStatements.serviceUserId, serviceUserId), eq(personalStatements.kind, kind)))
      .orderBy(desc(personalStatements.version))
      .limit(1);
    const base = options.baseVersion;
    if (base !== undefined && base !== null && latest && latest.version > base) {
      if (sameParts(latest.parts, parts)) return latest.version;
      throw new ConflictError<Record<string, string>>({ version: latest.version, value: latest.parts, changedBy: latest.by, changedAt: latest.createdAt.toISOString() });
    }
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(personalStatements).values({ serviceUserId, kind, version, parts, writtenBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) });
    await recordAudit(tx, actor, { action: `decisions.${kind}.write`, serviceUserId, recordType: `statement.${kind}`, recordId: String(version) });
    return version;
  });
}

/** Staff record whether an advance decision to refuse treatment exists, where it is kept and when they saw it. */
export async function recordAdvanceDecision(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: { exists: boolean; whereKept: string; seenOn: string | null },
  now: Date = new Date(),
): Promise<void> {
  ensure(actor, "decisions.manage", serviceUserId);
  await db.transaction(async (tx) => {
    const values = { ...input, recordedBy: actor.accountId, updatedAt: now };
    await tx.insert(advanceDecisions).values({ serviceUserId, ...values }).onConflictDoUpdate({ target: advanceDecisions.serviceUserId, set: values });
    await recordAudit(tx, actor, { action: "decisions.adrt.record", serviceUserId, recordType: "advance_decision", details: { exists: input.exists } });
  });
}

export interface ConsulteeInput {
  name: string;
  relationship: string;
  contact: string;
  scopes: ConsultScope[];
  scopeOther: string;
}

/** Add someone the person wants asked before decisions are made for them. */
export async function addConsultee(db: Db, actor: Actor, serviceUserId: string, input: ConsulteeInput): Promise<string> {
  ensure(actor, "decisions.write", serviceUserId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(decisionConsultees)
      .values({ serviceUserId, ...input, createdBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) })
      .returning({ id: decisionConsultees.id });
    await recordAudit(tx, actor, { action: "decisions.consultee.add", serviceUserId, recordType: "decision_consultee", recordId: row!.id });
    return row!.id;
  });
}

export async function getConsultee(db: Db, actor: Actor, serviceUserId: string, consulteeId: string): Promise<Consultee> {
  ensure(actor, "decisions.write", serviceUserId);
  if (!isUuid(consulteeId)) throw new NotFoundError();
  const [row] = await db
    .select()
    .from(decisionConsultees)
    .where(and(eq(decisionConsultees.id, consulteeId), eq(decisionConsultees.serviceUserId, serviceUserId)));
  if (!row) throw new NotFoundError();
  return { id: row.id, name: row.name, relationship: row.relationship, contact: row.contact, scopes: row.scopes as ConsultScope[], scopeOther: row.scopeOther, enteredBy: null };
}

/** Take someone off the list. The audit log keeps that they were there. */
export async function removeConsultee(db: Db, actor: Actor, serviceUserId: string, consulteeId: string): Promise<void> {
  await getConsultee(db, actor, serviceUserId, consulteeId);
  await db.transaction(async (tx) => {
    await tx.delete(decisionConsultees).where(and(eq(decisionConsultees.id, consulteeId), eq(decisionConsultees.serviceUserId, serviceUserId)));
    await recordAudit(tx, actor, { action: "decisions.consultee.remove", serviceUserId, recordType: "decision_consultee", recordId: consulteeId });
  });
}

export interface AttorneyInput {
  kind: AttorneyKind;
  names: string;
  covers: string;
  lifeSustaining: LifeSustaining;
  opgReference: string;
}

/**
 * The person (or an advocate or attorney for them) records an LPA or deputy. Changing any detail
 * clears the registration check: staff must check the changed details again before anyone relies on them.
 * With `baseVersion` (the version the form was opened at, 0 when there was none): if the record
 * changed since (new details, or staff's check) and these details differ, nothing is saved and
 * ConflictError carries the details as they are now.
 */
export async function saveAttorney(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: AttorneyInput,
  now: Date = new Date(),
  options: { baseVersion?: number | null } = {},
): Promise<void> {
  ensure(actor, "decisions.write", serviceUserId);
  await db.transaction(async (tx) => {
    // The person's row lock: versions are chosen one save at a time, even when there is no row yet.
    await lockPerson(tx, serviceUserId);
    const [old] = await tx.select().from(healthAttorneys).where(eq(healthAttorneys.serviceUserId, serviceUserId));
    const same = !!old && (Object.keys(input) as (keyof AttorneyInput)[]).every((k) => old[k] === input[k]);
    const base = options.baseVersion;
    if (old && !same && base !== undefined && base !== null && old.version > base) {
      const checkIsLatest = !!old.registrationRecordedAt && old.registrationRecordedAt >= old.updatedAt;
      const names = await namesOf(tx, [old.createdBy, old.registrationCheckedBy]);
      const by = checkIsLatest ? old.registrationCheckedBy : old.createdBy;
      throw new ConflictError<AttorneyInput>({
        version: old.version,
        value: { kind: old.kind, names: old.names, covers: old.covers, lifeSustaining: old.lifeSustaining, opgReference: old.opgReference },
        changedBy: by ? (names.get(by) ?? null) : null,
        changedAt: (checkIsLatest ? old.registrationRecordedAt! : old.updatedAt).toISOString(),
      });
    }
    const values = {
      ...input,
      createdBy: actor.accountId,
      enteredAs: onBehalfCapacity(actor, serviceUserId),
      updatedAt: now,
      registrationCheckedOn: same ? old.registrationCheckedOn : null,
      registrationCheckedBy: same ? old.registrationCheckedBy : null,
      registrationRecordedAt: same ? old.registrationRecordedAt : null,
      version: old ? old.version + (same ? 0 : 1) : await nextAttorneyVersion(tx, serviceUserId),
    };
    await tx.insert(healthAttorneys).values({ serviceUserId, ...values }).onConflictDoUpdate({ target: healthAttorneys.serviceUserId, set: values });
    await recordAudit(tx, actor, { action: "decisions.attorney.save", serviceUserId, recordType: "health_attorney", details: { kind: input.kind, checkCleared: !!old?.registrationCheckedOn && !same } });
  });
}

/**
 * The version of a new attorney record: one more than every change ever made to the person's
 * attorney records (each wrote one audit event), so a record made after one was removed never
 * reuses a version a check form may still carry.
 */
async function nextAttorneyVersion(tx: Db, serviceUserId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.serviceUserId, serviceUserId), eq(auditEvents.recordType, "health_attorney")));
  return (row?.n ?? 0) + 1;
}

/** Take the record away (the power of attorney has ended, or it was recorded by mistake). The audit log keeps it. */
export async function removeAttorney(db: Db, actor: Actor, serviceUserId: string): Promise<void> {
  ensure(actor, "decisions.write", serviceUserId);
  await db.transaction(async (tx) => {
    await lockPerson(tx, serviceUserId);
    const removed = await tx.delete(healthAttorneys).where(eq(healthAttorneys.serviceUserId, serviceUserId)).returning({ kind: healthAttorneys.kind });
    if (!removed.length) throw new NotFoundError();
    await recordAudit(tx, actor, { action: "decisions.attorney.remove", serviceUserId, recordType: "health_attorney", details: { kind: removed[0]!.kind } });
  });
}

/** What staff's check form showed, and what a conflict carries when it changed since. */
export interface AttorneyCheckState extends AttorneyInput {
  checkedOn: string | null;
  checkedBy: string | null;
}

/**
 * Staff have checked the LPA or deputy order is registered with the Office of the Public Guardian.
 * With `baseVersion` (the version the check form showed): if the details changed since, or someone
 * else recorded a check, nothing is saved and ConflictError carries the record as it is now, so
 * nobody confirms details they have not seen. The same check on the same day is not a conflict.
 */
export async function markAttorneyRegistered(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  checkedOn: string,
  options: { baseVersion?: number | null } = {},
  now: Date = new Date(),
): Promise<void> {
  ensure(actor, "decisions.manage", serviceUserId);
  await db.transaction(async (tx) => {
    await lockPerson(tx, serviceUserId);
    const [row] = await tx.select().from(healthAttorneys).where(eq(healthAttorneys.serviceUserId, serviceUserId));
    if (!row) throw new NotFoundError();
    const base = options.baseVersion;
    if (base !== undefined && base !== null && row.version > base) {
      if (row.registrationCheckedOn === checkedOn) return;
      const checkIsLatest = !!row.registrationRecordedAt && row.registrationRecordedAt >= row.updatedAt;
      const names = await namesOf(tx, [row.createdBy, row.registrationCheckedBy]);
      throw new ConflictError<AttorneyCheckState>({
        version: row.version,
        value: {
          kind: row.kind,
          names: row.names,
          covers: row.covers,
          lifeSustaining: row.lifeSustaining,
          opgReference: row.opgReference,
          checkedOn: row.registrationCheckedOn,
          checkedBy: row.registrationCheckedBy ? (names.get(row.registrationCheckedBy) ?? null) : null,
        },
        changedBy: (checkIsLatest ? names.get(row.registrationCheckedBy!) : row.createdBy ? names.get(row.createdBy) : null) ?? null,
        changedAt: (checkIsLatest ? row.registrationRecordedAt! : row.updatedAt).toISOString(),
      });
    }
    await tx
      .update(healthAttorneys)
      .set({ registrationCheckedOn: checkedOn, registrationCheckedBy: actor.accountId, registrationRecordedAt: now, version: row.version + 1 })
      .where(eq(healthAttorneys.serviceUserId, serviceUserId));
    await recordAudit(tx, actor, { action: "decisions.attorney.registered", serviceUserId, recordType: "health_attorney", details: { checkedOn } });
  });
}

/** Display names of these accounts. */
async function namesOf(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => !!id);
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Who the nominated person is: what the form saves, and what a conflict shows. */
export interface NominatedPersonInput {
  name: string;
  contact: string;
}

/**
 * Name a nominated person, or (both fields empty) take the nomination away. With `baseVersion`
 * (the version the form was opened at, 0 when there was none): if someone named, changed or took
 * away the nomination since, and this save differs from it, nothing is saved and ConflictError
 * carries the nomination as it is now (empty when taken away).
 */
export async function saveNominatedPerson(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: NominatedPersonInput | null,
  now: Date = new Date(),
  options: { baseVersion?: number | null } = {},
): Promise<void> {
  ensure(actor, "decisions.write", serviceUserId);
  await db.transaction(async (tx) => {
    // The person's row lock: one save at a time, even when there is no row yet.
    await lockPerson(tx, serviceUserId);
    const [old] = await tx.select().from(nominatedPersons).where(eq(nominatedPersons.serviceUserId, serviceUserId));
    // Every save or removal wrote one audit event: the next version is one more than all of them,
    // so a nomination made after one was taken away never reuses a version a form may still carry.
    const [changes] = await tx
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.serviceUserId, serviceUserId), eq(auditEvents.recordType, "nominated_person")));
    // No nomination now counts as version 0: a form opened then sees any nomination made since.
    const current = old?.version ?? 0;
    const same = old ? !!input && old.name === input.name && old.contact === input.contact : !input;
    const base = options.baseVersion;
    if (!same && base !== undefined && base !== null && current > base) {
      const [last] = await tx
        .select({ at: auditEvents.at, by: accounts.displayName })
        .from(auditEvents)
        .leftJoin(accounts, eq(accounts.id, auditEvents.actorAccountId))
        .where(and(eq(auditEvents.serviceUserId, serviceUserId), eq(auditEvents.recordType, "nominated_person")))
        .orderBy(desc(auditEvents.at))
        .limit(1);
      throw new ConflictError<NominatedPersonInput>({
        version: current,
        value: { name: old?.name ?? "", contact: old?.contact ?? "" },
        changedBy: last?.by ?? null,
        changedAt: (last?.at ?? old?.updatedAt ?? now).toISOString(),
      });
    }
    if (!input) {
      await tx.delete(nominatedPersons).where(eq(nominatedPersons.serviceUserId, serviceUserId));
      await recordAudit(tx, actor, { action: "decisions.nominated_person.remove", serviceUserId, recordType: "nominated_person" });
      return;
    }
    const values = { ...input, createdBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId), updatedAt: now, version: same && old ? old.version : Math.max(old?.version ?? 0, changes?.n ?? 0) + 1 };
    await tx.insert(nominatedPersons).values({ serviceUserId, ...values }).onConflictDoUpdate({ target: nominatedPersons.serviceUserId, set: values });
    await recordAudit(tx, actor, { action: "decisions.nominated_person.save", serviceUserId, recordType: "nominated_person" });
  });
}

export interface BestInterestsInput {
  decision: string;
  decidedOn: string;
  consulted: string;
  lessRestrictive: string;
  outcome: string;
}

/** Staff record one decision made in the person's best interests, at one time. The person sees it. */
export async function recordBestInterests(db: Db, actor: Actor, serviceUserId: string, input: BestInterestsInput): Promise<string> {
  ensure(actor, "decisions.manage", serviceUserId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(bestInterestsDecisions)
      .values({ serviceUserId, ...input, recordedBy: actor.accountId })
      .returning({ id: bestInterestsDecisions.id });
    await recordAudit(tx, actor, { action: "decisions.best_interests.record", serviceUserId, recordType: "best_interests_decision", recordId: row!.id });
    return row!.id;
  });
}

/** What the plan and crisis plan show: the advance statement's date and the ADRT fact. Null for readers who may not see decisions. */
export async function planDecisionsSummary(db: Db, actor: Actor, serviceUserId: string): Promise<{ advance: StatementVersion | null; advanceDecision: AdvanceDecisionFact | null } | null> {
  if (!can(actor, "decisions.read", { serviceUserId })) return null;
  const [advance] = await statementVersions(db, serviceUserId, "advance", 1);
  return { advance: advance ?? null, advanceDecision: await advanceDecisionOf(db, serviceUserId) };
}
