import { and, asc, desc, eq } from "drizzle-orm";
import {
  accounts,
  advanceDecisions,
  bestInterestsDecisions,
  decisionConsultees,
  healthAttorneys,
  nominatedPersons,
  personalStatements,
  type StatementKind,
} from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { can, onBehalfCapacity, type Actor } from "./access.server";
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
}

export interface NominatedPerson {
  name: string;
  contact: string;
  updatedAt: string;
  enteredBy: EnteredBy;
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
        }
      : null,
    nominatedPerson: nominated
      ? { name: nominated.n.name, contact: nominated.n.contact, updatedAt: nominated.n.updatedAt.toISOString(), enteredBy: enteredByNamed(nominated.n.enteredAs, nominated.author) }
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

/**
 * The person's own words (or an advocate's or attorney's, on their behalf): a new version each
 * save, the earlier ones kept. Staff may read, never write.
 */
export async function writeStatement(db: Db, actor: Actor, serviceUserId: string, kind: StatementKind, parts: Record<string, string>): Promise<number> {
  ensure(actor, "decisions.write", serviceUserId);
  return db.transaction(async (tx) => {
    await lockPerson(tx, serviceUserId);
    const [latest] = await tx
      .select({ version: personalStatements.version })
      .from(personalStatements)
      .where(and(eq(personalStatements.serviceUserId, serviceUserId), eq(personalStatements.kind, kind)))
      .orderBy(desc(personalStatements.version))
      .limit(1);
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
 */
export async function saveAttorney(db: Db, actor: Actor, serviceUserId: string, input: AttorneyInput, now: Date = new Date()): Promise<void> {
  ensure(actor, "decisions.write", serviceUserId);
  await db.transaction(async (tx) => {
    const [old] = await tx.select().from(healthAttorneys).where(eq(healthAttorneys.serviceUserId, serviceUserId)).for("update");
    const same = !!old && (Object.keys(input) as (keyof AttorneyInput)[]).every((k) => old[k] === input[k]);
    const values = {
      ...input,
      createdBy: actor.accountId,
      enteredAs: onBehalfCapacity(actor, serviceUserId),
      updatedAt: now,
      registrationCheckedOn: same ? old.registrationCheckedOn : null,
      registrationCheckedBy: same ? old.registrationCheckedBy : null,
    };
    await tx.insert(healthAttorneys).values({ serviceUserId, ...values }).onConflictDoUpdate({ target: healthAttorneys.serviceUserId, set: values });
    await recordAudit(tx, actor, { action: "decisions.attorney.save", serviceUserId, recordType: "health_attorney", details: { kind: input.kind, checkCleared: !!old?.registrationCheckedOn && !same } });
  });
}

/** Take the record away (the power of attorney has ended, or it was recorded by mistake). The audit log keeps it. */
export async function removeAttorney(db: Db, actor: Actor, serviceUserId: string): Promise<void> {
  ensure(actor, "decisions.write", serviceUserId);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(healthAttorneys).where(eq(healthAttorneys.serviceUserId, serviceUserId)).returning({ kind: healthAttorneys.kind });
    if (!removed.length) throw new NotFoundError();
    await recordAudit(tx, actor, { action: "decisions.attorney.remove", serviceUserId, recordType: "health_attorney", details: { kind: removed[0]!.kind } });
  });
}

/** Staff have checked the LPA or deputy order is registered with the Office of the Public Guardian. */
export async function markAttorneyRegistered(db: Db, actor: Actor, serviceUserId: string, checkedOn: string): Promise<void> {
  ensure(actor, "decisions.manage", serviceUserId);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(healthAttorneys)
      .set({ registrationCheckedOn: checkedOn, registrationCheckedBy: actor.accountId })
      .where(eq(healthAttorneys.serviceUserId, serviceUserId))
      .returning({ id: healthAttorneys.serviceUserId });
    if (!updated.length) throw new NotFoundError();
    await recordAudit(tx, actor, { action: "decisions.attorney.registered", serviceUserId, recordType: "health_attorney", details: { checkedOn } });
  });
}

/** Name a nominated person, or (both fields empty) take the nomination away. */
export async function saveNominatedPerson(db: Db, actor: Actor, serviceUserId: string, input: { name: string; contact: string } | null, now: Date = new Date()): Promise<void> {
  ensure(actor, "decisions.write", serviceUserId);
  await db.transaction(async (tx) => {
    if (!input) {
      await tx.delete(nominatedPersons).where(eq(nominatedPersons.serviceUserId, serviceUserId));
      await recordAudit(tx, actor, { action: "decisions.nominated_person.remove", serviceUserId, recordType: "nominated_person" });
      return;
    }
    const values = { ...input, createdBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId), updatedAt: now };
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
