import { and, asc, eq, gte, isNull, lt } from "drizzle-orm";
import { accounts, appointments } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { londonDate, londonDayStart } from "~/utils/locale-format";
import { ConflictError, ensure, NotFoundError, type Actor } from "./access.server";
import { recordAudit, recordReadIfOthers } from "./audit.server";
import { queueForPerson, registerScheduledCheck, supportersWho } from "./notifications.server";
import { requestAppointmentChange } from "./requests.server";
import type { AppointmentAsk, AppointmentKind, AppointmentMode } from "./vocabulary/appointments";

/** What staff write about an appointment (issue 19 item 2). */
export interface AppointmentInput {
  kind: AppointmentKind;
  startsAt: Date;
  mode: AppointmentMode;
  /** Where, for one in person; ignored (kept empty) for video and phone. */
  place: string;
  withWhom: string;
  purpose: string;
}

export interface Appointment {
  id: string;
  serviceUserId: string;
  kind: AppointmentKind;
  startsAt: string;
  mode: AppointmentMode;
  place: string;
  withWhom: string;
  purpose: string;
  cancelledAt: string | null;
  cancelledReason: string;
  recordedBy: string | null;
  /** Goes up by one with each change: staff's change form carries it. */
  version: number;
}

/** The appointment is in the past: it cannot be booked there, or changed once it has passed. */
export class AppointmentInPastError extends Error {
  constructor() {
    super("The appointment is in the past");
  }
}

const columns = {
  id: appointments.id,
  serviceUserId: appointments.serviceUserId,
  kind: appointments.kind,
  startsAt: appointments.startsAt,
  mode: appointments.mode,
  place: appointments.place,
  withWhom: appointments.withWhom,
  purpose: appointments.purpose,
  cancelledAt: appointments.cancelledAt,
  cancelledReason: appointments.cancelledReason,
  recordedBy: accounts.displayName,
  version: appointments.version,
};

type Row = Omit<Appointment, "startsAt" | "cancelledAt"> & { startsAt: Date; cancelledAt: Date | null };

function shown(row: Row): Appointment {
  return { ...row, startsAt: row.startsAt.toISOString(), cancelledAt: row.cancelledAt?.toISOString() ?? null };
}

function baseQuery(db: Db) {
  return db.select(columns).from(appointments).leftJoin(accounts, eq(accounts.id, appointments.createdBy));
}

function cleaned(input: AppointmentInput) {
  return { ...input, place: input.mode === "in_person" ? input.place : "" };
}

/** The person's appointments, upcoming first (soonest first), then past ones (latest first). */
export async function listAppointments(db: Db, actor: Actor, serviceUserId: string, now = new Date()): Promise<{ upcoming: Appointment[]; past: Appointment[] }> {
  ensure(actor, "appointments.read", serviceUserId);
  const rows = (await baseQuery(db).where(eq(appointments.serviceUserId, serviceUserId)).orderBy(asc(appointments.startsAt))).map(shown);
  await recordReadIfOthers(db, actor, serviceUserId, "appointments");
  const at = now.toISOString();
  return { upcoming: rows.filter((a) => a.startsAt >= at), past: rows.filter((a) => a.startsAt < at).reverse() };
}

/** One appointment, as this actor may see it; NotFoundError otherwise. */
export async function getAppointment(db: Db, actor: Actor, serviceUserId: string, appointmentId: string): Promise<Appointment> {
  ensure(actor, "appointments.read", serviceUserId);
  if (!isUuid(appointmentId)) throw new NotFoundError();
  const [row] = await baseQuery(db).where(and(eq(appointments.id, appointmentId), eq(appointments.serviceUserId, serviceUserId)));
  if (!row) throw new NotFoundError();
  await recordReadIfOthers(db, actor, serviceUserId, "appointment", appointmentId);
  return shown(row);
}

/**
 * Staff booked, changed or cancelled an appointment: the person, and whoever may see their
 * appointments, hear that something changed (decision 057), once per version.
 */
async function tellOfChange(tx: Db, serviceUserId: string, appointmentId: string, version: number, now: Date): Promise<void> {
  await queueForPerson(
    tx,
    {
      event: "appointment_changed",
      key: `${appointmentId}:v${version}`,
      serviceUserId,
      alsoTo: await supportersWho(tx, serviceUserId, "appointments.read", now),
      path: `/people/${serviceUserId}/appointments/${appointmentId}`,
    },
    now,
  );
}

/** Staff record an appointment or review. One in the past is refused. */
export async function recordAppointment(db: Db, actor: Actor, serviceUserId: string, input: AppointmentInput, now = new Date()): Promise<string> {
  ensure(actor, "appointments.write", serviceUserId);
  if (input.startsAt.getTime() <= now.getTime()) throw new AppointmentInPastError();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appointments)
      .values({ serviceUserId, ...cleaned(input), createdBy: actor.accountId })
      .returning({ id: appointments.id, version: appointments.version });
    await recordAudit(tx, actor, { action: "appointment.create", serviceUserId, recordType: "appointment", recordId: row!.id, details: { kind: input.kind } });
    await tellOfChange(tx, serviceUserId, row!.id, row!.version, now);
    return row!.id;
  });
}

/** Lock the appointment for a change; NotFoundError when it is not this person's, or it is cancelled. */
async function lockOpen(tx: Db, serviceUserId: string, appointmentId: string, baseVersion: number | null | undefined, now: Date) {
  if (!isUuid(appointmentId)) throw new NotFoundError();
  const [current] = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.serviceUserId, serviceUserId), isNull(appointments.cancelledAt)))
    .for("update");
  if (!current) throw new NotFoundError();
  if (current.startsAt.getTime() <= now.getTime()) throw new AppointmentInPastError();
  if (baseVersion !== undefined && baseVersion !== null && current.version > baseVersion) {
    const [by] = current.createdBy ? await tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, current.createdBy)) : [];
    throw new ConflictError<AppointmentInput>({
      version: current.version,
      value: { kind: current.kind, startsAt: current.startsAt, mode: current.mode, place: current.place, withWhom: current.withWhom, purpose: current.purpose },
      changedBy: by?.name ?? null,
      changedAt: current.updatedAt.toISOString(),
    });
  }
  return current;
}

/** Staff change an upcoming appointment (a new time, place or way). */
export async function changeAppointment(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  appointmentId: string,
  input: AppointmentInput & { baseVersion?: number | null },
  now = new Date(),
): Promise<void> {
  ensure(actor, "appointments.write", serviceUserId);
  const { baseVersion, ...fields } = input;
  if (fields.startsAt.getTime() <= now.getTime()) throw new AppointmentInPastError();
  await db.transaction(async (tx) => {
    const current = await lockOpen(tx, serviceUserId, appointmentId, baseVersion, now);
    await tx
      .update(appointments)
      .set({ ...cleaned(fields), updatedAt: now, version: current.version + 1 })
      .where(eq(appointments.id, appointmentId));
    await recordAudit(tx, actor, { action: "appointment.update", serviceUserId, recordType: "appointment", recordId: appointmentId });
    await tellOfChange(tx, serviceUserId, appointmentId, current.version + 1, now);
  });
}

/** Staff cancel an upcoming appointment, with a reason the person reads. It stays in the list, marked cancelled. */
export async function cancelAppointment(db: Db, actor: Actor, serviceUserId: string, appointmentId: string, reason: string, now = new Date()): Promise<void> {
  ensure(actor, "appointments.write", serviceUserId);
  await db.transaction(async (tx) => {
    const current = await lockOpen(tx, serviceUserId, appointmentId, null, now);
    await tx
      .update(appointments)
      .set({ cancelledAt: now, cancelledReason: reason, updatedAt: now, version: current.version + 1 })
      .where(eq(appointments.id, appointmentId));
    await recordAudit(tx, actor, { action: "appointment.cancel", serviceUserId, recordType: "appointment", recordId: appointmentId });
    await tellOfChange(tx, serviceUserId, appointmentId, current.version + 1, now);
  });
}

/**
 * The person (or someone acting for them) asks the team to change or cancel an upcoming
 * appointment: a request in the team's queue (/staff/requests). Returns the request's id.
 */
export async function askToChangeAppointment(
  db: Db,
  actor: Actor,
  serviceUserId: string,
  appointmentId: string,
  input: { ask: AppointmentAsk; reason: string },
  now = new Date(),
): Promise<string> {
  ensure(actor, "appointments.request", serviceUserId);
  const appointment = await getAppointment(db, actor, serviceUserId, appointmentId);
  if (appointment.cancelledAt) throw new NotFoundError();
  if (new Date(appointment.startsAt).getTime() <= now.getTime()) throw new AppointmentInPastError();
  return requestAppointmentChange(db, actor, serviceUserId, {
    appointmentId,
    ask: input.ask,
    reason: input.reason,
    kind: appointment.kind,
    mode: appointment.mode,
    withWhom: appointment.withWhom,
    appointmentAt: new Date(appointment.startsAt),
  });
}

/** Whether an appointment can still be changed, cancelled or asked about. */
export function isOpen(appointment: Pick<Appointment, "startsAt" | "cancelledAt">, now = new Date()): boolean {
  return !appointment.cancelledAt && new Date(appointment.startsAt).getTime() > now.getTime();
}

/**
 * Every appointment (not cancelled) that starts in [from, to), soonest first, across everyone: for
 * the reminders the notifications job sends ("an appointment tomorrow"). Not a read by anyone, so
 * not audited here; whatever sends from it holds no health details.
 */
export async function appointmentsBetween(db: Db, from: Date, to: Date): Promise<{ id: string; serviceUserId: string; kind: AppointmentKind; startsAt: string }[]> {
  const rows = await db
    .select({ id: appointments.id, serviceUserId: appointments.serviceUserId, kind: appointments.kind, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(gte(appointments.startsAt, from), lt(appointments.startsAt, to), isNull(appointments.cancelledAt)))
    .orderBy(asc(appointments.startsAt));
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() }));
}

/**
 * An appointment tomorrow (UK dates), not cancelled: the person, and a carer, advocate or attorney
 * who may see their appointments, once per appointment and start time. A rerun queues nothing new;
 * a changed time (a new start) gets a fresh reminder.
 */
export async function queueAppointmentsTomorrow(db: Db, now: Date): Promise<number> {
  const due = await appointmentsBetween(db, londonDayStart(londonDate(now, 1)), londonDayStart(londonDate(now, 2)));
  let queued = 0;
  for (const appointment of due) {
    await db.transaction(async (tx) => {
      queued += await queueForPerson(
        tx,
        {
          event: "appointment_tomorrow",
          key: `${appointment.id}:${appointment.startsAt}`,
          serviceUserId: appointment.serviceUserId,
          alsoTo: await supportersWho(tx, appointment.serviceUserId, "appointments.read", now),
          path: `/people/${appointment.serviceUserId}/appointments/${appointment.id}`,
        },
        now,
      );
    });
  }
  return queued;
}

// Registered here, not in notifications.server.ts, which must not import this module (no import
// cycles); the server's start-up imports this module, so housekeeping runs it (decision 057).
registerScheduledCheck("appointment_tomorrow", queueAppointmentsTomorrow);
