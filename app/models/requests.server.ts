import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import { accounts, serviceUsers, supportRequestEvents, supportRequests, type RequestKind, type RequestStatus } from "#db/schema/index";
import type { AppointmentAsk, AppointmentKind, AppointmentMode } from "./vocabulary/appointments";
import type { formatDeliveries, formatDocuments, requestFormats } from "./vocabulary/communication";
import type { AdvocateContactMethod, AdvocateReferrer, AdvocateRequestKind, LegalStatus } from "./advocacy";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { can, capacityFor, ConflictError, onBehalfCapacity, type Actor } from "./access.server";
import { recordAudit, recordEachReadIfOthers, recordReadIfOthers } from "./audit.server";
import type { EnteredBy } from "./entered-by.server";
import { ensure, NotFoundError } from "./access.server";
import { queueForPerson } from "./notifications.server";
import type { NotificationEvent } from "./vocabulary/notifications";

export interface InterpreterDetails {
  need: string;
  language: string | null;
  mode: string;
  /** null when the question was not answered (blank stays blank). */
  gender: string | null;
  dialect: string;
  notSomeoneIKnow: boolean;
  appointment: string;
}

export interface AdvocateDetails {
  kind: AdvocateRequestKind;
  referrer: AdvocateReferrer;
  about: string;
  legalStatus: LegalStatus | null;
  /** null when not answered, or not asked because no needs are recorded. */
  shareCommunication: boolean | null;
  communicationOther: string;
  contactMethod: AdvocateContactMethod;
  contactDetails: string;
  contactTimes: string;
  /** null when not answered. */
  leaveMessage: boolean | null;
  consent: boolean;
}

export interface FormatDetails {
  document: (typeof formatDocuments)[number];
  format: (typeof requestFormats)[number];
  attachmentFormat: string;
  /** For a translation: the language, by code. Absent on requests from before translations. */
  language?: string;
  delivery: (typeof formatDeliveries)[number];
}

export interface ShareNeedsDetails {
  consent: boolean;
  /** The needs as they were when the person asked, in the standard's categories. */
  needs: { contactMethods: string[]; formats: string[]; support: string[]; languages: { code: string; interpreterNeeded: boolean }[]; other: boolean };
}

/** Asking the team to change or cancel an appointment: which one, as it was when asked, and why. */
export interface AppointmentChangeDetails {
  appointmentId: string;
  ask: AppointmentAsk;
  kind: AppointmentKind;
  mode: AppointmentMode;
  withWhom: string;
  reason: string;
}

export interface RequestEvent {
  status: RequestStatus;
  note: string;
  by: string | null;
  at: string;
}

interface RequestBase {
  id: string;
  serviceUserId: string;
  displayName: string;
  appointmentAt: string | null;
  status: RequestStatus;
  /** Goes up by one with each status change: staff's update form carries it (see updateRequestStatus). */
  version: number;
  createdBy: string | null;
  /** Set when an advocate or attorney asked on the person's behalf. */
  enteredBy: EnteredBy;
  createdAt: string;
  events: RequestEvent[];
}

export type SupportRequest = RequestBase &
  (
    | { kind: "interpreter"; details: InterpreterDetails }
    | { kind: "advocate"; details: AdvocateDetails }
    | { kind: "format"; details: FormatDetails }
    | { kind: "share_needs"; details: ShareNeedsDetails }
    | { kind: "appointment_change"; details: AppointmentChangeDetails }
  );

/** The request cannot move that way from where it is now; `current` is where it is (if it exists). */
export class InvalidTransitionError extends Error {
  constructor(readonly current: RequestStatus | null = null) {
    super("The request cannot move that way now");
  }
}

/** A status change as staff's update form shows it, and as a conflict carries the latest one. */
export interface StatusChange {
  status: RequestStatus;
  note: string;
}

/** Where a request can go next, and who may move it there. */
const staffMoves: Record<RequestStatus, RequestStatus[]> = {
  sent: ["seen", "booked", "not_arranged"],
  seen: ["booked", "not_arranged"],
  booked: ["booked", "not_arranged"],
  not_arranged: ["seen", "booked"],
  cancelled: [],
};
const openStatuses: RequestStatus[] = ["sent", "seen", "booked", "not_arranged"];

/** Ask for an interpreter for an appointment. The person, their team, or an advocate they allow may ask. */
export async function requestInterpreter(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  input: InterpreterDetails & { appointmentAt: Date },
): Promise<string> {
  const { appointmentAt, ...details } = input;
  return createRequest(db, actor, serviceUserId, "interpreter", { ...details }, appointmentAt);
}

/**
 * Ask for an advocate (AD-02): the person, their care team, or an advocate or attorney acting for
 * them. Sent only with consent to share it with the advocacy service.
 */
export async function requestAdvocate(db: Db, actor: Actor, serviceUserId: string, input: AdvocateDetails): Promise<string> {
  if (!input.consent) throw new NotFoundError();
  // Only the person can be "self"; anyone else says who they are.
  const referrer = capacityFor(actor, serviceUserId) === "service_user" ? "self" : input.referrer === "self" ? "other" : input.referrer;
  return createRequest(db, actor, serviceUserId, "advocate", { ...input, referrer }, null);
}

/** Ask for the plan, the crisis plan or letters in another format (AD-11: the "meet" stage). */
export async function requestFormat(db: Db, actor: Actor, serviceUserId: string, input: FormatDetails): Promise<string> {
  return createRequest(db, actor, serviceUserId, "format", { ...input }, null);
}

/**
 * Ask the team to share the person's communication needs with other NHS services (AD-10). The
 * national route is a Reasonable Adjustment flag that only staff can set, so this is a request to
 * them, made with the person's consent; what was recorded at the time goes with it.
 */
export async function requestNeedsShared(db: Db, actor: Actor, serviceUserId: string, input: ShareNeedsDetails): Promise<string> {
  if (!input.consent) throw new NotFoundError();
  return createRequest(db, actor, serviceUserId, "share_needs", { ...input }, null);
}

/**
 * Ask the team to change or cancel an appointment (issue 19): a request in their queue, with the
 * appointment's time so it can no longer be cancelled once the appointment has passed. The caller
 * has found the appointment as this actor may see it.
 */
export async function requestAppointmentChange(db: Db, actor: Actor, serviceUserId: string, input: AppointmentChangeDetails & { appointmentAt: Date }): Promise<string> {
  ensure(actor, "appointments.request", serviceUserId);
  const { appointmentAt, ...details } = input;
  return createRequest(db, actor, serviceUserId, "appointment_change", { ...details }, appointmentAt);
}

async function createRequest(db: Db, actor: Actor, serviceUserId: string, kind: RequestKind, details: Record<string, unknown>, appointmentAt: Date | null): Promise<string> {
  ensure(actor, "requests.create", serviceUserId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(supportRequests)
      .values({ serviceUserId, kind, details, appointmentAt, createdBy: actor.accountId, enteredAs: onBehalfCapacity(actor, serviceUserId) })
      .returning({ id: supportRequests.id });
    await tx.insert(supportRequestEvents).values({ requestId: row!.id, status: "sent", byAccountId: actor.accountId });
    await recordAudit(tx, actor, { action: "request.create", serviceUserId, recordType: "support_request", recordId: row!.id, details: { kind } });
    return row!.id;
  });
}

async function eventsFor(db: Db, requestIds: string[]): Promise<Map<string, RequestEvent[]>> {
  const map = new Map<string, RequestEvent[]>();
  if (!requestIds.length) return map;
  const rows = await db
    .select({ requestId: supportRequestEvents.requestId, status: supportRequestEvents.status, note: supportRequestEvents.note, by: accounts.displayName, at: supportRequestEvents.at })
    .from(supportRequestEvents)
    .leftJoin(accounts, eq(accounts.id, supportRequestEvents.byAccountId))
    .where(inArray(supportRequestEvents.requestId, requestIds))
    .orderBy(asc(supportRequestEvents.at));
  for (const r of rows) {
    const list = map.get(r.requestId) ?? [];
    list.push({ status: r.status, note: r.note, by: r.by, at: r.at.toISOString() });
    map.set(r.requestId, list);
  }
  return map;
}

const columns = {
  id: supportRequests.id,
  serviceUserId: supportRequests.serviceUserId,
  displayName: serviceUsers.displayName,
  kind: supportRequests.kind,
  details: supportRequests.details,
  appointmentAt: supportRequests.appointmentAt,
  status: supportRequests.status,
  version: supportRequests.version,
  createdBy: accounts.displayName,
  enteredAs: supportRequests.enteredAs,
  createdAt: supportRequests.createdAt,
};

type Row = Omit<RequestBase, "events" | "appointmentAt" | "createdAt" | "enteredBy"> & {
  kind: RequestKind;
  details: unknown;
  enteredAs: string | null;
  appointmentAt: Date | null;
  createdAt: Date;
};

async function withEvents(db: Db, rows: Row[]): Promise<SupportRequest[]> {
  const events = await eventsFor(db, rows.map((r) => r.id));
  return rows.map(({ enteredAs, ...r }) => ({
    ...r,
    details: r.details,
    enteredBy: enteredAs && r.createdBy ? { name: r.createdBy, as: enteredAs as NonNullable<EnteredBy>["as"] } : null,
    appointmentAt: r.appointmentAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    events: events.get(r.id) ?? [],
  })) as SupportRequest[];
}

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(supportRequests)
    .innerJoin(serviceUsers, eq(serviceUsers.id, supportRequests.serviceUserId))
    .leftJoin(accounts, eq(accounts.id, supportRequests.createdBy));
}

/** The person's requests, newest first, with every change. */
export async function listRequests(db: Db, actor: Actor, serviceUserId: string): Promise<SupportRequest[]> {
  ensure(actor, "requests.read", serviceUserId);
  const rows = await baseQuery(db).where(eq(supportRequests.serviceUserId, serviceUserId)).orderBy(desc(supportRequests.createdAt));
  await recordReadIfOthers(db, actor, serviceUserId, "support_requests");
  return withEvents(db, rows);
}

export async function getRequest(db: Db, actor: Actor, serviceUserId: string, requestId: string): Promise<SupportRequest> {
  ensure(actor, "requests.read", serviceUserId);
  if (!isUuid(requestId)) throw new NotFoundError();
  const rows = await baseQuery(db).where(and(eq(supportRequests.id, requestId), eq(supportRequests.serviceUserId, serviceUserId)));
  if (!rows.length) throw new NotFoundError();
  await recordReadIfOthers(db, actor, serviceUserId, "support_request", requestId);
  return (await withEvents(db, rows))[0]!;
}

/** Open requests for the people this member of staff works with, oldest first. */
export async function listOpenRequestsForStaff(db: Db, actor: Actor, options: { recordRead?: boolean } = {}): Promise<SupportRequest[]> {
  const ids = actor.relationships
    .filter((r) => r.kind === "care_team_member_of")
    .map((r) => r.serviceUserId)
    .filter((id) => can(actor, "requests.manage", { serviceUserId: id }));
  if (!ids.length) return [];
  const rows = await baseQuery(db)
    .where(and(inArray(supportRequests.serviceUserId, ids), notInArray(supportRequests.status, ["cancelled", "booked", "not_arranged"])))
    .orderBy(asc(supportRequests.createdAt));
  // Showing the queue is a read of each request in it (one INSERT for them all).
  if (options.recordRead) await recordEachReadIfOthers(db, actor, rows.map((r) => ({ serviceUserId: r.serviceUserId, recordType: "support_request", recordId: r.id })));
  return withEvents(db, rows);
}

/** The notification an answer to a request sends, if any. */
function answerEvent(kind: RequestKind, status: RequestStatus): NotificationEvent | null {
  if (status !== "booked" && status !== "not_arranged") return null;
  if (kind === "interpreter") return status === "booked" ? "interpreter_booked" : "interpreter_not_arranged";
  return kind === "advocate" ? "advocate_answered" : "request_answered";
}

/**
 * Move a request to a new status. The current status is read again under a row lock inside the
 * transaction and checked there, so a request cancelled a moment ago can no longer become "booked".
 * With `baseVersion` (the version staff's form was opened at): if the request moved since, nothing
 * is saved and ConflictError carries the latest change (unless it was this very change).
 */
async function move(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  requestId: string,
  change: StatusChange & { baseVersion?: number | null },
  now: Date,
  allowed: (current: { status: RequestStatus; appointmentAt: Date | null }) => boolean,
) {
  const { status, note, baseVersion } = change;
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: supportRequests.status, appointmentAt: supportRequests.appointmentAt, version: supportRequests.version, kind: supportRequests.kind, createdBy: supportRequests.createdBy })
      .from(supportRequests)
      .where(and(eq(supportRequests.id, requestId), eq(supportRequests.serviceUserId, serviceUserId)))
      .for("update");
    if (!current) throw new InvalidTransitionError();
    if (!allowed({ status: current.status as RequestStatus, appointmentAt: current.appointmentAt })) {
      throw new InvalidTransitionError(current.status as RequestStatus);
    }
    if (baseVersion !== undefined && baseVersion !== null && current.version > baseVersion) {
      const [latest] = await tx
        .select({ status: supportRequestEvents.status, note: supportRequestEvents.note, at: supportRequestEvents.at, by: accounts.displayName })
        .from(supportRequestEvents)
        .leftJoin(accounts, eq(accounts.id, supportRequestEvents.byAccountId))
        .where(eq(supportRequestEvents.requestId, requestId))
        .orderBy(desc(supportRequestEvents.at))
        .limit(1);
      if (latest && latest.status === status && latest.note === note) return;
      throw new ConflictError<StatusChange>({
        version: current.version,
        value: { status: latest?.status ?? (current.status as RequestStatus), note: latest?.note ?? "" },
        changedBy: latest?.by ?? null,
        changedAt: (latest?.at ?? now).toISOString(),
      });
    }
    await tx.update(supportRequests).set({ status, updatedAt: now, version: current.version + 1 }).where(eq(supportRequests.id, requestId));
    const [event] = await tx
      .insert(supportRequestEvents)
      .values({ requestId, status, note, byAccountId: actor.accountId, at: now })
      .returning({ id: supportRequestEvents.id });
    await recordAudit(tx, actor, { action: "request.status", serviceUserId, recordType: "support_request", recordId: requestId, details: { status } });
    // An answer (booked, found, or could not be arranged) reaches the person and whoever asked (decision 057).
    const notice = answerEvent(current.kind, status);
    if (notice) {
      await queueForPerson(tx, { event: notice, key: event!.id, serviceUserId, alsoTo: [current.createdBy === actor.accountId ? null : current.createdBy], path: `/people/${serviceUserId}/requests/${requestId}` }, now);
    }
  });
}

/**
 * Staff move a request on: seen, booked (with the details), or could not be arranged (with why and
 * what next). `baseVersion` is the version their form was opened at (see move).
 */
export async function updateRequestStatus(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  requestId: string,
  input: StatusChange & { baseVersion?: number | null },
  now = new Date(),
): Promise<void> {
  ensure(actor, "requests.manage", serviceUserId);
  // Found (or not found) as this person may see it, then checked again under the lock.
  await getRequest(db, actor, serviceUserId, requestId);
  await move(db, actor, serviceUserId, requestId, input, now, (current) => staffMoves[current.status].includes(input.status));
}

/** The person (or whoever asked for them) cancels, any time up to the appointment. */
export async function cancelRequest(db: Db, actor: Actor, serviceUserId: string, requestId: string, now = new Date()): Promise<void> {
  ensure(actor, "requests.create", serviceUserId);
  await getRequest(db, actor, serviceUserId, requestId);
  await move(
    db,
    actor,
    serviceUserId,
    requestId,
    { status: "cancelled", note: "" },
    now,
    (current) => openStatuses.includes(current.status) && !(current.appointmentAt && current.appointmentAt.getTime() <= now.getTime()),
  );
}

export function canCancel(request: SupportRequest, now = new Date()): boolean {
  return openStatuses.includes(request.status) && (!request.appointmentAt || new Date(request.appointmentAt).getTime() > now.getTime());
}
