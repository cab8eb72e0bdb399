import { and, asc, eq, inArray, ne, or, isNull } from "drizzle-orm";
import {
  accounts,
  accountStatusChanges,
  advanceDecisions,
  carerAssessmentRequests,
  carerMessages,
  carerNeeds,
  sessions,
  youngCarerQuestions,
  auditEvents,
  bestInterestsDecisions,
  carePlanVersions,
  careTeamMembers,
  careTransitions,
  communicationNeeds,
  decisionConsultees,
  dependants,
  dialogRatings,
  dialogRatingSets,
  goalProgress,
  goals,
  healthAttorneys,
  invitations,
  nominatedPersons,
  personalStatements,
  planVersionComments,
  recoveryStatements,
  relationships,
  reviews,
  serviceUsers,
  sharingGrants,
  supportRequestEvents,
  supportRequests,
  appointments,
} from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { ensure, NotFoundError, type Actor } from "./access.server";
import { sessionSignedInAt } from "./account-security.server";
import { recordAudit } from "./audit.server";
import { messagesForCopy } from "./messages.server";
import { notificationsForCopy, type NotificationsCopy } from "./notifications.server";

/**
 * "Get a copy of my information" (SE-16, decision 052): everything the portal holds about a person's
 * record, as data. Rows are copied whole, so a column added later is in the copy without anyone
 * remembering to add it; what must never leave (password and key material, token hashes) is taken
 * out by name, and a test fails if a secret-looking key is ever in a copy.
 *
 * Left out on purpose, and said so on the page: what a carer told the team (it is about the carer
 * too: CR-05), a carer's own needs and assessment requests (theirs, not the person's), the staff's
 * to-do marks, and technical rows (sessions, drafts, one-time form tokens).
 */
export const copyFormat = "care-portal-copy";
/**
 * Raised whenever a field of the copy is renamed, removed or changes meaning, so a program that reads
 * copies can tell which it has. 1: the first. 2: the account copy's signedIn rows say when the session
 * signed in as signedInAt, where version 1 had createdAt.
 */
export const copyFormatVersion = 2;

/** Keys never copied out, wherever they appear. */
const secretKeys = new Set(["passwordHash", "totpSecret", "totpLastStep", "tokenHash", "idHash", "codeHash"]);
export const secretKeyPattern = /hash|secret|token|password/i;

type Row = Record<string, unknown>;

function withoutSecrets<T extends Row>(row: T): Row {
  const copy: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (secretKeys.has(key)) continue;
    copy[key] = value instanceof Date ? value.toISOString() : value;
  }
  return copy;
}

const clean = (rows: Row[]) => rows.map(withoutSecrets);

export interface RecordCopy {
  format: typeof copyFormat;
  formatVersion: typeof copyFormatVersion;
  madeAt: string;
  /** Who each account id in the copy is: their name only (no one else's email or details). */
  people: Record<string, string>;
  person: Row;
  account: Row | null;
  communicationNeeds: Row | null;
  plan: { versions: Row[]; comments: Row[]; careTeam: Row[]; reviews: Row[]; changesOfCare: Row[]; dependants: Row[] };
  recovery: Row[];
  goals: (Row & { progress: Row[] })[];
  /** "How I am doing" (CP-14): each time, with its eleven ratings. */
  howIAmDoing: (Row & { ratings: Row[] })[];
  requests: (Row & { history: Row[] })[];
  /** Appointments and reviews the team recorded, cancelled ones too (issue 19). */
  appointments: Row[];
  /** Messages with the care team (decision 055): each thread with its messages. Who read what when is not kept in the copy. */
  messages: (Row & { messages: Row[] })[];
  decisions: {
    statements: Row[];
    refusals: Row[];
    peopleToConsult: Row[];
    attorneys: Row[];
    nominatedPerson: Row[];
    bestInterests: Row[];
  };
  connections: (Row & { sharing: Row[] })[];
  invitations: Row[];
  accessLog: Row[];
  /** How the person chose to hear about changes, and what was sent to them (decision 057); null without an account. */
  notifications: NotificationsCopy | null;
}

/**
 * Everything about the person's record, for the person themselves only (`record.copy`). Making a copy
 * is recorded in the audit log, so it shows in "who has looked at my record" if anyone else ever could.
 */
export async function makeRecordCopy(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  now = new Date(),
  /** Which copy the person took, for the audit log: the JSON file, the FHIR file or the readable page. */
  format: "json" | "fhir" | "readable" = "json",
): Promise<RecordCopy> {
  ensure(actor, "record.copy", serviceUserId);
  const [person] = await db.select().from(serviceUsers).where(eq(serviceUsers.id, serviceUserId));
  if (!person) throw new NotFoundError();

  const connectionRows = await db.select().from(relationships).where(eq(relationships.serviceUserId, serviceUserId)).orderBy(asc(relationships.startedAt));
  const ownAccountId = connectionRows.find((r) => r.kind === "service_user" && !r.endedAt)?.accountId ?? null;
  const [account] = ownAccountId ? await db.select().from(accounts).where(eq(accounts.id, ownAccountId)) : [];
  const [needs] = ownAccountId ? await db.select().from(communicationNeeds).where(eq(communicationNeeds.accountId, ownAccountId)) : [];
  const notifications = ownAccountId ? await notificationsForCopy(db, ownAccountId) : null;

  const versionRows = await db.select().from(carePlanVersions).where(eq(carePlanVersions.serviceUserId, serviceUserId)).orderBy(asc(carePlanVersions.version));
  const versionIds = versionRows.map((v) => v.id);
  const goalRows = await db.select().from(goals).where(eq(goals.serviceUserId, serviceUserId)).orderBy(asc(goals.createdAt));
  const goalIds = goalRows.map((g) => g.id);
  const requestRows = await db.select().from(supportRequests).where(eq(supportRequests.serviceUserId, serviceUserId)).orderBy(asc(supportRequests.createdAt));
  const requestIds = requestRows.map((r) => r.id);
  const connectionIds = connectionRows.map((r) => r.id);
  const messageRows = await messagesForCopy(db, serviceUserId);
  const dialogSets = await db.select().from(dialogRatingSets).where(eq(dialogRatingSets.serviceUserId, serviceUserId)).orderBy(asc(dialogRatingSets.recordedAt));
  const dialogRows = dialogSets.length ? await db.select().from(dialogRatings).where(inArray(dialogRatings.setId, dialogSets.map((d) => d.id))) : [];

  const [comments, careTeam, reviewRows, changes, dependantRows, recovery, progress, history, statements, refusals, consultees, attorneys, nominated, bestInterests, grants, invitationRows, accessRows, appointmentRows] =
    await Promise.all([
      versionIds.length ? db.select().from(planVersionComments).where(inArray(planVersionComments.versionId, versionIds)).orderBy(asc(planVersionComments.createdAt)) : [],
      db.select().from(careTeamMembers).where(eq(careTeamMembers.serviceUserId, serviceUserId)),
      db.select().from(reviews).where(eq(reviews.serviceUserId, serviceUserId)).orderBy(asc(reviews.heldOn)),
      db.select().from(careTransitions).where(eq(careTransitions.serviceUserId, serviceUserId)).orderBy(asc(careTransitions.effectiveOn)),
      db.select().from(dependants).where(eq(dependants.serviceUserId, serviceUserId)).orderBy(asc(dependants.createdAt)),
      db.select().from(recoveryStatements).where(eq(recoveryStatements.serviceUserId, serviceUserId)).orderBy(asc(recoveryStatements.version)),
      goalIds.length ? db.select().from(goalProgress).where(inArray(goalProgress.goalId, goalIds)).orderBy(asc(goalProgress.recordedAt)) : [],
      requestIds.length ? db.select().from(supportRequestEvents).where(inArray(supportRequestEvents.requestId, requestIds)).orderBy(asc(supportRequestEvents.at)) : [],
      db.select().from(personalStatements).where(eq(personalStatements.serviceUserId, serviceUserId)).orderBy(asc(personalStatements.kind), asc(personalStatements.version)),
      db.select().from(advanceDecisions).where(eq(advanceDecisions.serviceUserId, serviceUserId)),
      db.select().from(decisionConsultees).where(eq(decisionConsultees.serviceUserId, serviceUserId)).orderBy(asc(decisionConsultees.createdAt)),
      db.select().from(healthAttorneys).where(eq(healthAttorneys.serviceUserId, serviceUserId)),
      db.select().from(nominatedPersons).where(eq(nominatedPersons.serviceUserId, serviceUserId)),
      db.select().from(bestInterestsDecisions).where(eq(bestInterestsDecisions.serviceUserId, serviceUserId)).orderBy(asc(bestInterestsDecisions.decidedOn)),
      connectionIds.length ? db.select().from(sharingGrants).where(inArray(sharingGrants.relationshipId, connectionIds)).orderBy(asc(sharingGrants.startsAt)) : [],
      db.select().from(invitations).where(eq(invitations.serviceUserId, serviceUserId)).orderBy(asc(invitations.createdAt)),
      // Who else has read or changed the record: the person's own actions are not "access by others".
      db
        .select()
        .from(auditEvents)
        .where(
          and(
            or(eq(auditEvents.serviceUserId, serviceUserId), eq(auditEvents.onBehalfOf, serviceUserId)),
            ownAccountId ? or(isNull(auditEvents.actorAccountId), ne(auditEvents.actorAccountId, ownAccountId)) : undefined,
          ),
        )
        .orderBy(asc(auditEvents.at), asc(auditEvents.id)),
      db.select().from(appointments).where(eq(appointments.serviceUserId, serviceUserId)).orderBy(asc(appointments.startsAt)),
    ]);

  // Every account named anywhere in the copy, by name only.
  const accountIds = new Set<string>();
  const collect = (rows: Row[]) => {
    for (const row of rows)
      for (const [key, value] of Object.entries(row))
        if (typeof value === "string" && /(^accountId$|AccountId$|By$|^acceptedBy$|^assignedTo$)/.test(key)) accountIds.add(value);
  };
  for (const rows of [connectionRows, versionRows, comments, goalRows, progress, dialogSets, requestRows, history, grants, invitationRows, accessRows, recovery, statements, changes, bestInterests, consultees, appointmentRows, messageRows.threads, messageRows.messages] as Row[][])
    collect(rows);
  const named = accountIds.size
    ? await db.select({ id: accounts.id, displayName: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...accountIds]))
    : [];

  const copy: RecordCopy = {
    format: copyFormat,
    formatVersion: copyFormatVersion,
    madeAt: now.toISOString(),
    people: Object.fromEntries(named.map((a) => [a.id, a.displayName])),
    person: withoutSecrets(person),
    account: account ? withoutSecrets(account) : null,
    communicationNeeds: needs ? withoutSecrets(needs) : null,
    plan: {
      versions: clean(versionRows),
      comments: clean(comments),
      careTeam: clean(careTeam),
      reviews: clean(reviewRows),
      changesOfCare: clean(changes),
      dependants: clean(dependantRows),
    },
    recovery: clean(recovery),
    goals: goalRows.map((g) => ({ ...withoutSecrets(g), progress: clean(progress.filter((p) => p.goalId === g.id)) })),
    howIAmDoing: dialogSets.map((d) => ({ ...withoutSecrets(d), ratings: clean(dialogRows.filter((r) => r.setId === d.id)) })),
    requests: requestRows.map((r) => ({ ...withoutSecrets(r), history: clean(history.filter((h) => h.requestId === r.id)) })),
    appointments: clean(appointmentRows),
    messages: messageRows.threads.map((t) => ({ ...withoutSecrets(t), messages: clean(messageRows.messages.filter((m) => m.threadId === t.id)) })),
    decisions: {
      statements: clean(statements),
      refusals: clean(refusals),
      peopleToConsult: clean(consultees),
      attorneys: clean(attorneys),
      nominatedPerson: clean(nominated),
      bestInterests: clean(bestInterests),
    },
    connections: connectionRows.map((c) => ({ ...withoutSecrets(c), sharing: clean(grants.filter((g) => g.relationshipId === c.id)) })),
    // The invited person's email is theirs, not the person's: their name is enough.
    invitations: clean(invitationRows).map(({ email: _email, ...rest }) => rest),
    accessLog: clean(accessRows),
    notifications,
  };
  await recordAudit(db, actor, { action: "copy", serviceUserId, recordType: "record_copy", details: { format } });
  return copy;
}

export interface AccountCopy {
  format: typeof copyFormat;
  formatVersion: typeof copyFormatVersion;
  kind: "account";
  madeAt: string;
  people: Record<string, string>;
  account: Row;
  communicationNeeds: Row | null;
  /** Whose record the account is connected to, how, and what each person shares with it. */
  connections: (Row & { serviceUserName: string; sharedWithYou: Row[] })[];
  carerNeeds: Row[];
  messagesToTheTeam: Row[];
  assessmentRequests: Row[];
  youngCarerAnswers: Row[];
  signedIn: Row[];
  accountChanges: Row[];
  /** How the account chose to hear about changes, and what was sent to it (decision 057). */
  notifications: NotificationsCopy;
}

/**
 * What the portal holds about an account itself (issue 18: carers and advocates get their own copy of
 * what is theirs): a carer's own needs, what they told a team, their assessment requests, whose record
 * they are connected to and what is shared with them, where they are signed in. Anyone signed in, for
 * their own account only. Someone's record is not in it: that is the person's own copy.
 */
export async function makeAccountCopy(db: Db, actor: Actor, now = new Date()): Promise<AccountCopy> {
  const accountId = actor.accountId;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new NotFoundError();
  const [needs, connectionRows, carerNeedRows, messages, assessments, youngCarers, sessionRows, changes, notifications] = await Promise.all([
    db.select().from(communicationNeeds).where(eq(communicationNeeds.accountId, accountId)),
    db
      .select({ connection: relationships, serviceUserName: serviceUsers.displayName })
      .from(relationships)
      .innerJoin(serviceUsers, eq(serviceUsers.id, relationships.serviceUserId))
      .where(eq(relationships.accountId, accountId))
      .orderBy(asc(relationships.startedAt)),
    db.select().from(carerNeeds).where(eq(carerNeeds.carerAccountId, accountId)),
    db.select().from(carerMessages).where(eq(carerMessages.fromAccountId, accountId)).orderBy(asc(carerMessages.createdAt)),
    db.select().from(carerAssessmentRequests).where(eq(carerAssessmentRequests.carerAccountId, accountId)).orderBy(asc(carerAssessmentRequests.createdAt)),
    db.select().from(youngCarerQuestions).where(eq(youngCarerQuestions.accountId, accountId)),
    db.select().from(sessions).where(eq(sessions.accountId, accountId)).orderBy(asc(sessions.createdAt)),
    db.select().from(accountStatusChanges).where(eq(accountStatusChanges.accountId, accountId)).orderBy(asc(accountStatusChanges.changedAt)),
    notificationsForCopy(db, accountId),
  ]);
  const connectionIds = connectionRows.map((r) => r.connection.id);
  const grants = connectionIds.length
    ? await db.select().from(sharingGrants).where(inArray(sharingGrants.relationshipId, connectionIds)).orderBy(asc(sharingGrants.startsAt))
    : [];
  const ids = new Set<string>();
  for (const row of [...grants, ...messages, ...changes] as Row[])
    for (const key of ["grantedBy", "withdrawnBy", "readBy", "changedBy"]) if (typeof row[key] === "string") ids.add(row[key] as string);
  const named = ids.size ? await db.select({ id: accounts.id, displayName: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...ids])) : [];
  const copy: AccountCopy = {
    format: copyFormat,
    formatVersion: copyFormatVersion,
    kind: "account",
    madeAt: now.toISOString(),
    people: Object.fromEntries(named.map((a) => [a.id, a.displayName])),
    account: withoutSecrets(account),
    communicationNeeds: needs[0] ? withoutSecrets(needs[0]) : null,
    connections: connectionRows.map((r) => ({
      ...withoutSecrets(r.connection),
      serviceUserName: r.serviceUserName,
      sharedWithYou: clean(grants.filter((g) => g.relationshipId === r.connection.id)),
    })),
    carerNeeds: clean(carerNeedRows),
    messagesToTheTeam: clean(messages),
    assessmentRequests: clean(assessments),
    youngCarerAnswers: clean(youngCarers),
    // Where and when the account was signed in (when each session signed in, as "Your account" says it):
    // never the session's token or its hash.
    signedIn: sessionRows.map((r) => ({ signedInAt: sessionSignedInAt(r).toISOString(), lastSeenAt: r.lastSeenAt.toISOString(), expiresAt: r.expiresAt.toISOString(), browser: r.browser, platform: r.platform })),
    accountChanges: clean(changes),
    notifications,
  };
  await recordAudit(db, actor, { action: "copy", recordType: "account_copy", details: { format: "json" } });
  return copy;
}

/** Every key anywhere in a copy (for the test that no secret ever leaves). */
export function keysIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysIn(item, into);
  else if (value && typeof value === "object")
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysIn(inner, into);
    }
  return into;
}
