import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  accounts,
  carePlanVersions,
  careTeamMembers,
  careTransitions,
  goals,
  planViews,
  recoveryStatements,
  relationships,
  reviews,
  serviceUsers,
  type ChangedSection,
  type PlanContent,
} from "#db/schema/index";
import { enteredByOf, type EnteredBy } from "./entered-by.server";
import type { Db } from "~/utils/db.server";
import { can, capacityFor, ConflictError, ensure, NotFoundError, type Action, type Actor } from "./access.server";
import { lockPerson } from "./locks.server";
import type { AuditPart } from "./vocabulary/access-log";
import { recordAudit, recordReadIfOthers, recordReadsIfOthers } from "./audit.server";
import { queueForPerson } from "./notifications.server";
import { listSupporterSummariesForTeam } from "./sharing.server";

export interface CareTeamEntry {
  id: string;
  name: string;
  role: string;
  organisation: string;
  agency: string;
  contact: string;
  whenToContact: string;
  isCoordinator: boolean;
}

export interface ReviewEntry {
  heldOn: string;
  attendees: string;
  summary: string;
  nextReviewOn: string;
}

export interface GoalSummary {
  id: string;
  what: string;
  status: string;
  latestRating: number | null;
  /** Who wrote the goal for the person, when someone did (shown beside it wherever it is listed). */
  enteredBy: EnteredBy;
}

/**
 * The plan as this person may see it: each part is present only if they may see it, so a carer
 * with "crisis plan" only gets the crisis plan. Null when they may see nothing of this record.
 */
export interface PlanView {
  serviceUserId: string;
  displayName: string;
  planLevel: "cpa" | "lpc";
  capacity: ReturnType<typeof capacityFor>;
  version: number | null;
  versionDate: string | null;
  /** Sections changed since this person last looked (empty the first time, or when nothing changed). */
  changedSinceLastLooked: ChangedSection[];
  recovery: { body: string; version: number; writtenAt: string; enteredBy: EnteredBy } | null;
  goals: GoalSummary[] | null;
  needs: PlanContent["needs"] | null;
  support: PlanContent["support"] | null;
  crisis: PlanContent["crisis"] | null;
  careTeam: CareTeamEntry[] | null;
  reviews: { last: ReviewEntry | null; nextReviewOn: string | null; overdue: boolean } | null;
  wishes: PlanContent["wishes"] | null;
}

export function isOverdue(nextReviewOn: string | null, today: Date): boolean {
  return nextReviewOn !== null && nextReviewOn < today.toISOString().slice(0, 10);
}

/** The newest version, read under the person's lock so two saves at once cannot both make the same version number. */
async function lockLatestVersion(tx: Db, serviceUserId: string) {
  await lockPerson(tx, serviceUserId);
  const [row] = await tx
    .select()
    .from(carePlanVersions)
    .where(eq(carePlanVersions.serviceUserId, serviceUserId))
    .orderBy(desc(carePlanVersions.version))
    .limit(1);
  return row ?? null;
}

async function latestVersion(db: Db, serviceUserId: string) {
  const [row] = await db
    .select()
    .from(carePlanVersions)
    .where(eq(carePlanVersions.serviceUserId, serviceUserId))
    .orderBy(desc(carePlanVersions.version))
    .limit(1);
  return row ?? null;
}

/**
 * The parts changed since this person said they had seen the changes (the "I have seen these
 * changes" button, a POST: opening the plan changes nothing). Before they ever have, the parts
 * changed since they were given access to this record. Only parts they may see.
 */
async function changedSinceLastSeen(db: Db, actor: Actor, serviceUserId: string, sees: Record<ChangedSection, boolean>) {
  // One statement (issue 17): the versions after the one they saw, or, before they ever have,
  // those made after they were given access.
  const seen = sql`(SELECT ${planViews.lastSeenVersion} FROM ${planViews} WHERE ${planViews.accountId} = ${actor.accountId} AND ${planViews.serviceUserId} = ${serviceUserId})`;
  const since = sql`(SELECT min(${relationships.startedAt}) FROM ${relationships} WHERE ${relationships.accountId} = ${actor.accountId} AND ${relationships.serviceUserId} = ${serviceUserId})`;
  const rows = await db
    .select({ changed: carePlanVersions.changedSections })
    .from(carePlanVersions)
    .where(
      and(
        eq(carePlanVersions.serviceUserId, serviceUserId),
        sql`CASE WHEN EXISTS ${seen} THEN ${carePlanVersions.version} > ${seen} ELSE ${carePlanVersions.createdAt} > ${since} END`,
      ),
    );
  const changed = new Set(rows.flatMap((r) => r.changed as ChangedSection[]));
  const order: ChangedSection[] = ["crisis", "team", "needs", "support", "wishes"];
  return order.filter((s) => changed.has(s) && sees[s]);
}

/** "I have seen these changes": the notice stays until the person says so, up to the version they saw. */
export async function markPlanChangesSeen(db: Db, actor: Actor, serviceUserId: string, version: number, now = new Date()): Promise<void> {
  const readers: Action[] = ["plan.read", "plan.crisis.read", "plan.care_team.read"];
  if (!readers.some((action) => can(actor, action, { serviceUserId }))) throw new NotFoundError();
  const latest = await latestVersion(db, serviceUserId);
  if (!latest) return;
  const seenVersion = Math.max(0, Math.min(Math.trunc(version), latest.version));
  await db
    .insert(planViews)
    .values({ accountId: actor.accountId, serviceUserId, lastSeenVersion: seenVersion, seenAt: now })
    .onConflictDoUpdate({
      target: [planViews.accountId, planViews.serviceUserId],
      // Never backwards: an old page's button cannot bring back changes already seen.
      set: { lastSeenVersion: sql`greatest(${planViews.lastSeenVersion}, ${seenVersion})`, seenAt: now },
    });
}

/** `part`: what the page shows, for the access log (the crisis plan page says "crisis"). */
export async function getPlanView(db: Db, actor: Actor, serviceUserId: string, now = new Date(), part?: AuditPart): Promise<PlanView | null> {
  const allowed = (action: Action) => can(actor, action, { serviceUserId });
  const sees = {
    summary: allowed("plan.read"),
    crisis: allowed("plan.crisis.read"),
    team: allowed("plan.care_team.read"),
    recovery: allowed("recovery.read"),
    goals: allowed("goals.read"),
  };
  if (!Object.values(sees).some(Boolean)) return null;
  const [su] = await db.select().from(serviceUsers).where(eq(serviceUsers.id, serviceUserId));
  if (!su) return null;

  const version = await latestVersion(db, serviceUserId);
  const changedSinceLastLooked = version
    ? await changedSinceLastSeen(db, actor, serviceUserId, {
        crisis: sees.crisis,
        team: sees.team,
        needs: sees.summary,
        support: sees.summary,
        wishes: sees.summary,
      })
    : [];

  const [recovery] = sees.recovery
    ? await db
        .select()
        .from(recoveryStatements)
        .where(eq(recoveryStatements.serviceUserId, serviceUserId))
        .orderBy(desc(recoveryStatements.version))
        .limit(1)
    : [];

  const goalRows = sees.goals ? await listGoals(db, serviceUserId) : null;

  const careTeam = sees.team
    ? await db
        .select({
          id: careTeamMembers.id,
          name: careTeamMembers.name,
          role: careTeamMembers.role,
          organisation: careTeamMembers.organisation,
          agency: careTeamMembers.agency,
          contact: careTeamMembers.contact,
          whenToContact: careTeamMembers.whenToContact,
          isCoordinator: careTeamMembers.isCoordinator,
        })
        .from(careTeamMembers)
        .where(eq(careTeamMembers.serviceUserId, serviceUserId))
        .orderBy(desc(careTeamMembers.isCoordinator), asc(careTeamMembers.position), asc(careTeamMembers.name))
    : null;

  let reviewInfo: PlanView["reviews"] = null;
  if (sees.summary) {
    const [last] = await db
      .select()
      .from(reviews)
      .where(eq(reviews.serviceUserId, serviceUserId))
      .orderBy(desc(reviews.heldOn))
      .limit(1);
    const nextReviewOn = last?.nextReviewOn ?? null;
    reviewInfo = {
      last: last ? { heldOn: last.heldOn, attendees: last.attendees, summary: last.summary, nextReviewOn: last.nextReviewOn } : null,
      nextReviewOn,
      overdue: isOverdue(nextReviewOn, now),
    };
  }

  // Someone who may see only the crisis plan has looked at the crisis plan, whichever page it was.
  const seenPart = part ?? (sees.summary || !sees.crisis ? "plan" : "crisis");
  await recordReadIfOthers(db, actor, serviceUserId, "care_plan", version?.id, seenPart);
  const content = version?.content ?? null;
  return {
    serviceUserId,
    displayName: su.displayName,
    planLevel: su.planLevel,
    capacity: capacityFor(actor, serviceUserId),
    version: version?.version ?? null,
    versionDate: version ? version.createdAt.toISOString() : null,
    changedSinceLastLooked,
    recovery: recovery
      ? {
          body: recovery.body,
          version: recovery.version,
          writtenAt: recovery.createdAt.toISOString(),
          enteredBy: await enteredByOf(db, recovery.enteredAs, recovery.writtenBy),
        }
      : null,
    goals: goalRows,
    needs: sees.summary ? (content?.needs ?? null) : null,
    support: sees.summary ? (content?.support ?? null) : null,
    crisis: sees.crisis ? (content?.crisis ?? null) : null,
    careTeam,
    reviews: reviewInfo,
    wishes: sees.summary ? (content?.wishes ?? null) : null,
  };
}

async function listGoals(db: Db, serviceUserId: string): Promise<GoalSummary[]> {
  const rows = await db
    .select({
      id: goals.id,
      what: goals.what,
      status: goals.status,
      // Written out in full: drizzle leaves column names unqualified here, which would be ambiguous.
      latestRating: sql<number | null>`(
        select gp.rating from goal_progress gp
        where gp.goal_id = "goals"."id"
        order by gp.recorded_at desc limit 1
      )`.mapWith((v) => (v === null ? null : Number(v))),
      enteredAs: goals.enteredAs,
      author: accounts.displayName,
    })
    .from(goals)
    .leftJoin(accounts, eq(accounts.id, goals.createdBy))
    .where(eq(goals.serviceUserId, serviceUserId))
    .orderBy(asc(goals.createdAt));
  const order = ["suggested", "active", "paused", "done", "declined"];
  return rows
    .map(({ enteredAs, author, ...g }): GoalSummary => ({
      ...g,
      enteredBy: (enteredAs === "advocate_for" || enteredAs === "attorney_for") && author ? { name: author, as: enteredAs } : null,
    }))
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
}

/** Next review date for the calendar file, if this person may see it. */
export async function getNextReview(db: Db, actor: Actor, serviceUserId: string) {
  if (!can(actor, "plan.read", { serviceUserId }) && !can(actor, "appointments.read", { serviceUserId })) return null;
  const [last] = await db
    .select({ nextReviewOn: reviews.nextReviewOn, id: reviews.id })
    .from(reviews)
    .where(eq(reviews.serviceUserId, serviceUserId))
    .orderBy(desc(reviews.heldOn))
    .limit(1);
  if (last) await recordReadIfOthers(db, actor, serviceUserId, "next_review", last.id);
  return last ?? null;
}

export type EditableSection = "crisis" | "needs" | "wishes" | "support";

const emptyContent: PlanContent = {
  needs: { mentalHealth: "", physicalHealth: "", socialCare: "", risks: "", strengths: "" },
  support: [],
  crisis: {
    earlyWarningSigns: "",
    whatHelps: "",
    whatHasNotHelped: "",
    mostResponsiveTo: "",
    howToReachThem: "",
    dayContact: "",
    nightContact: "",
    treatmentPreferences: "",
    treatmentRefusals: "",
    dependants: "",
    ifSupportFails: "",
  },
  wishes: { advanceStatement: "", advanceDecisionExists: false },
};

/** The current content of one section, for the staff edit form. */
export async function getPlanSection<S extends EditableSection>(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  section: S,
): Promise<{ displayName: string; content: PlanContent[S]; version: number }> {
  ensure(actor, "plan.write", serviceUserId);
  const [su] = await db.select().from(serviceUsers).where(eq(serviceUsers.id, serviceUserId));
  if (!su) throw new NotFoundError();
  const version = await latestVersion(db, serviceUserId);
  await recordReadIfOthers(db, actor, serviceUserId, "care_plan", version?.id, section);
  return { displayName: su.displayName, content: (version?.content ?? emptyContent)[section], version: version?.version ?? 0 };
}

/**
 * A new plan version with the same content, saying the care team changed. The team lives in its own
 * table, but the person should still see "changed since you last looked: the care team".
 * Call inside the transaction that changes the team.
 */
export async function recordTeamChange(tx: Db, actor: Actor, serviceUserId: string): Promise<number> {
  const latest = await lockLatestVersion(tx, serviceUserId);
  const version = (latest?.version ?? 0) + 1;
  await tx.insert(carePlanVersions).values({
    serviceUserId,
    version,
    content: latest?.content ?? emptyContent,
    changedSections: ["team"],
    createdBy: actor.accountId,
  });
  await queuePlanChanged(tx, serviceUserId, version);
  return version;
}

/** A new plan version: the person hears that their plan changed (decision 057), once per version. */
function queuePlanChanged(tx: Db, serviceUserId: string, version: number): Promise<number> {
  return queueForPerson(tx, { event: "plan_changed", key: `${serviceUserId}:v${version}`, serviceUserId, path: "/plan" });
}

/**
 * Staff save one section: a new plan version (who, when, what changed). Saving with nothing changed
 * makes no version, so "changed since you last looked" only ever names real changes.
 */
export async function savePlanSection<S extends EditableSection>(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  section: S,
  value: PlanContent[S],
  options: { baseVersion?: number | null } = {},
): Promise<{ version: number; changed: boolean }> {
  ensure(actor, "plan.write", serviceUserId);
  return db.transaction(async (tx) => {
    const txDb = tx;
    const latest = await lockLatestVersion(txDb, serviceUserId);
    const current = latest?.content ?? emptyContent;
    // Opened at an older version: a conflict only if this same section changed since (another
    // section's change is kept and this one is saved on top of it).
    const base = options.baseVersion;
    if (base !== undefined && base !== null && latest && latest.version > base) {
      const [atBase] = base > 0 ? await tx.select().from(carePlanVersions).where(and(eq(carePlanVersions.serviceUserId, serviceUserId), eq(carePlanVersions.version, base))) : [];
      const before = (atBase?.content ?? emptyContent)[section];
      if (JSON.stringify(before) !== JSON.stringify(current[section]) && JSON.stringify(current[section]) !== JSON.stringify(value)) {
        const [by] = latest.createdBy
          ? await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, latest.createdBy))
          : [];
        throw new ConflictError({ version: latest.version, value: current[section], changedBy: by?.name ?? null, changedAt: latest.createdAt.toISOString() });
      }
    }
    if (JSON.stringify(current[section]) === JSON.stringify(value)) {
      return { version: latest?.version ?? 0, changed: false };
    }
    const version = (latest?.version ?? 0) + 1;
    const [row] = await tx
      .insert(carePlanVersions)
      .values({
        serviceUserId,
        version,
        content: { ...current, [section]: value },
        changedSections: [section],
        createdBy: actor.accountId,
      })
      .returning({ id: carePlanVersions.id });
    await recordAudit(txDb, actor, {
      action: "plan.write",
      serviceUserId,
      recordType: "care_plan",
      recordId: row!.id,
      details: { section, version },
    });
    await queuePlanChanged(txDb, serviceUserId, version);
    return { version, changed: true };
  });
}

export interface CaseloadEntry {
  serviceUserId: string;
  displayName: string;
  planLevel: "cpa" | "lpc";
  nextReviewOn: string | null;
  overdue: boolean;
  /** Carers and advocates, and what the person shares with each. */
  supporters: { name: string; kind: string; scopes: string[] }[];
}

/**
 * The people this member of staff works with: overdue reviews first, then the soonest. A few
 * statements however long the caseload (issue 17): the people with their latest review, their
 * supporters and what is shared with each, and one INSERT for the reads.
 */
export async function listCaseload(
  db: Db,
  actor: Actor,
  now = new Date(),
  options: { recordRead?: boolean } = {},
): Promise<CaseloadEntry[]> {
  const ids = actor.relationships
    .filter((r) => r.kind === "care_team_member_of")
    .map((r) => r.serviceUserId)
    .filter((serviceUserId) => can(actor, "plan.read", { serviceUserId }));
  if (!ids.length) return [];
  // The latest review of each person (by the day it was held; the later recorded of two on one day).
  const latest = db
    .selectDistinctOn([reviews.serviceUserId], { serviceUserId: reviews.serviceUserId, nextReviewOn: reviews.nextReviewOn })
    .from(reviews)
    .where(inArray(reviews.serviceUserId, ids))
    .orderBy(reviews.serviceUserId, desc(reviews.heldOn), desc(reviews.createdAt))
    .as("latest");
  const rows = await db
    .select({ id: serviceUsers.id, displayName: serviceUsers.displayName, planLevel: serviceUsers.planLevel, nextReviewOn: latest.nextReviewOn })
    .from(serviceUsers)
    .leftJoin(latest, eq(latest.serviceUserId, serviceUsers.id))
    .where(inArray(serviceUsers.id, ids));
  const people = new Map(rows.map((r) => [r.id, r]));
  const found = ids.filter((id) => people.has(id));
  const supporters = await listSupporterSummariesForTeam(db, actor, found, now);
  const entries: CaseloadEntry[] = found.map((serviceUserId) => {
    const su = people.get(serviceUserId)!;
    const nextReviewOn = su.nextReviewOn ?? null;
    return {
      serviceUserId,
      displayName: su.displayName,
      planLevel: su.planLevel,
      nextReviewOn,
      overdue: isOverdue(nextReviewOn, now),
      supporters: supporters.get(serviceUserId) ?? [],
    };
  });
  // Showing the caseload is a read of each person's name, level, review date and supporters.
  if (options.recordRead) await recordReadsIfOthers(db, actor, entries.map((e) => e.serviceUserId), "caseload");
  return entries.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    return (a.nextReviewOn ?? "9999").localeCompare(b.nextReviewOn ?? "9999") || a.displayName.localeCompare(b.displayName);
  });
}

/** Staff record a review: when, who came, what was agreed, and when the next one is. */
export async function recordReview(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: { heldOn: string; attendees: string; summary: string; nextReviewOn: string },
): Promise<void> {
  ensure(actor, "plan.write", serviceUserId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reviews)
      .values({ serviceUserId, ...input, recordedBy: actor.accountId })
      .returning({ id: reviews.id });
    await recordAudit(tx, actor, {
      action: "review.record",
      serviceUserId,
      recordType: "review",
      recordId: row!.id,
    });
  });
}

export interface TransitionEntry {
  kind: "plan_level" | "coordinator";
  fromValue: string;
  toValue: string;
  reason: string;
  effectiveOn: string;
}

/** Moves between levels of care and changes of coordinator, newest first: readable by whoever may read the plan. */
export async function listTransitions(db: Db, actor: Actor, serviceUserId: string): Promise<TransitionEntry[]> {
  ensure(actor, "plan.read", serviceUserId);
  const rows = await db
    .select()
    .from(careTransitions)
    .where(eq(careTransitions.serviceUserId, serviceUserId))
    .orderBy(desc(careTransitions.effectiveOn), desc(careTransitions.createdAt));
  return rows.map((r) => ({ kind: r.kind, fromValue: r.fromValue, toValue: r.toValue, reason: r.reason, effectiveOn: r.effectiveOn }));
}

/** Staff move the person between CPA and Lead Professional Care, with a reason. */
export async function changePlanLevel(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: { to: "cpa" | "lpc"; reason: string; effectiveOn: string },
): Promise<{ changed: boolean }> {
  ensure(actor, "plan.write", serviceUserId);
  return db.transaction(async (tx) => {
    const [su] = await tx.select().from(serviceUsers).where(eq(serviceUsers.id, serviceUserId)).for("update");
    if (!su) throw new NotFoundError();
    if (su.planLevel === input.to) return { changed: false };
    await tx.update(serviceUsers).set({ planLevel: input.to }).where(eq(serviceUsers.id, serviceUserId));
    const [row] = await tx
      .insert(careTransitions)
      .values({
        serviceUserId,
        kind: "plan_level",
        fromValue: su.planLevel,
        toValue: input.to,
        reason: input.reason,
        effectiveOn: input.effectiveOn,
        recordedBy: actor.accountId,
      })
      .returning({ id: careTransitions.id });
    await recordAudit(tx, actor, {
      action: "plan.level",
      serviceUserId,
      recordType: "care_transition",
      recordId: row!.id,
      details: { from: su.planLevel, to: input.to },
    });
    return { changed: true };
  });
}
