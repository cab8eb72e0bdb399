import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { auditEvents } from "#db/schema/index";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./access.server";
import {
  AppointmentInPastError,
  appointmentsBetween,
  askToChangeAppointment,
  cancelAppointment,
  changeAppointment,
  getAppointment,
  listAppointments,
  recordAppointment,
  type AppointmentInput,
} from "./appointments.server";
import { listOpenRequestsForStaff } from "./requests.server";
import { makeRecordCopy } from "./my-data.server";
import { toFhirBundle } from "./fhir-export.server";

const DAY = 24 * 60 * 60 * 1000;
const soon = (days: number) => new Date(Date.now() + days * DAY);

const review: AppointmentInput = {
  kind: "review",
  startsAt: soon(30),
  mode: "video",
  place: "ignored for video",
  withWhom: "Jo Okafor, care coordinator",
  purpose: "Review of the plan",
};

type Who = "sam" | "priya" | "alex" | "jo" | "maya" | "tom";
const everyone: Who[] = ["sam", "priya", "alex", "jo", "maya", "tom"];

async function outcome(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

describe("who may see, record and ask to change Sam's appointments", () => {
  // Alex the carer has appointments.read from Sam; Priya acts on his behalf; Jo is his coordinator;
  // Maya and her coordinator Tom have nothing to do with Sam's record.
  const table: Record<Who, { see: boolean; record: boolean; ask: boolean }> = {
    sam: { see: true, record: false, ask: true },
    priya: { see: true, record: false, ask: true },
    alex: { see: true, record: false, ask: false },
    jo: { see: true, record: true, ask: false },
    maya: { see: false, record: false, ask: false },
    tom: { see: false, record: false, ask: false },
  };

  it.each(everyone)("%s", async (who) => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await recordAppointment(getDb(), jo, sam, review);
    const actor = await actorFor(demoPeople[who].email);
    const result = {
      see: await outcome(async () => {
        const list = await listAppointments(getDb(), actor, sam);
        // The demo appointment and this one.
        expect(list.upcoming).toHaveLength(2);
        await getAppointment(getDb(), actor, sam, id);
      }),
      record: await outcome(() => recordAppointment(getDb(), actor, sam, review)),
      ask: await outcome(() => askToChangeAppointment(getDb(), actor, sam, id, { ask: "change", reason: "" })),
    };
    expect(result).toEqual(table[who]);
  });
});

describe("appointments", () => {
  it("refuses one in the past, and a change into the past", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    await expect(recordAppointment(getDb(), jo, sam, { ...review, startsAt: soon(-1) })).rejects.toBeInstanceOf(AppointmentInPastError);
    const id = await recordAppointment(getDb(), jo, sam, review);
    await expect(changeAppointment(getDb(), jo, sam, id, { ...review, startsAt: soon(-1) })).rejects.toBeInstanceOf(AppointmentInPastError);
    // Once it has passed, it cannot be changed or cancelled.
    const later = soon(31);
    await expect(cancelAppointment(getDb(), jo, sam, id, "Jo is away", later)).rejects.toBeInstanceOf(AppointmentInPastError);
  });

  it("lists upcoming first (soonest first), then past (latest first); cancelled ones stay, marked", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const samActor = await actorFor(demoPeople.sam.email);
    const far = await recordAppointment(getDb(), jo, sam, { ...review, startsAt: soon(60) });
    const near = await recordAppointment(getDb(), jo, sam, { ...review, startsAt: soon(1) });
    await cancelAppointment(getDb(), jo, sam, far, "Jo is on leave; we will offer a new date.");
    const { upcoming, past } = await listAppointments(getDb(), samActor, sam, soon(2));
    expect(upcoming.map((a) => a.id).slice(-1)).toEqual([far]);
    expect(upcoming.find((a) => a.id === far)).toMatchObject({ cancelledReason: "Jo is on leave; we will offer a new date." });
    expect(past.map((a) => a.id)).toEqual([near]);
    // A place is kept only for one in person.
    expect(upcoming.find((a) => a.id === far)!.place).toBe("");
  });

  it("changes one in place; a form opened before someone else's change is a conflict", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await recordAppointment(getDb(), jo, sam, review);
    await changeAppointment(getDb(), jo, sam, id, { ...review, mode: "in_person", place: "Mill Lane", baseVersion: 1 });
    expect(await getAppointment(getDb(), jo, sam, id)).toMatchObject({ mode: "in_person", place: "Mill Lane", version: 2 });
    await expect(changeAppointment(getDb(), jo, sam, id, { ...review, baseVersion: 1 })).rejects.toMatchObject({ name: "ConflictError" });
  });

  it("a request to change or cancel lands in the team's queue, with the appointment's time", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const priya = await actorFor(demoPeople.priya.email);
    const id = await recordAppointment(getDb(), jo, sam, review);
    const requestId = await askToChangeAppointment(getDb(), priya, sam, id, { ask: "cancel", reason: "Sam starts a new job that week" });
    const queue = await listOpenRequestsForStaff(getDb(), jo);
    const request = queue.find((r) => r.id === requestId);
    expect(request).toMatchObject({ kind: "appointment_change", appointmentAt: review.startsAt.toISOString(), enteredBy: { name: "Priya Shah", as: "advocate_for" } });
    expect(request!.details).toMatchObject({ appointmentId: id, ask: "cancel", reason: "Sam starts a new job that week" });
    // Not for one that is cancelled.
    await cancelAppointment(getDb(), jo, sam, id, "Cancelled as asked");
    await expect(askToChangeAppointment(getDb(), priya, sam, id, { ask: "change", reason: "" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reads by others and every change are audited", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const alex = await actorFor(demoPeople.alex.email);
    const id = await recordAppointment(getDb(), jo, sam, review);
    await changeAppointment(getDb(), jo, sam, id, review);
    await cancelAppointment(getDb(), jo, sam, id, "No longer needed");
    await listAppointments(getDb(), alex, sam);
    const rows = await getDb()
      .select({ action: auditEvents.action, recordType: auditEvents.recordType, capacity: auditEvents.capacity })
      .from(auditEvents)
      .where(and(eq(auditEvents.serviceUserId, sam)));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: "appointment.create", recordType: "appointment", capacity: "care_team_member_of" },
        { action: "appointment.update", recordType: "appointment", capacity: "care_team_member_of" },
        { action: "appointment.cancel", recordType: "appointment", capacity: "care_team_member_of" },
        { action: "read", recordType: "appointments", capacity: "carer_of" },
      ]),
    );
  });

  it("appointmentsBetween lists those starting in the window, not cancelled, for everyone", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await recordId("Maya Rahman");
    const jo = await actorFor(demoPeople.jo.email);
    const tom = await actorFor(demoPeople.tom.email);
    const tomorrow = await recordAppointment(getDb(), jo, sam, { ...review, startsAt: soon(1) });
    const mayas = await recordAppointment(getDb(), tom, maya, { ...review, startsAt: new Date(soon(1).getTime() + 60_000) });
    const cancelled = await recordAppointment(getDb(), jo, sam, { ...review, startsAt: soon(1.01) });
    await cancelAppointment(getDb(), jo, sam, cancelled, "Moved");
    await recordAppointment(getDb(), jo, sam, { ...review, startsAt: soon(3) });
    const found = await appointmentsBetween(getDb(), soon(0.5), soon(1.5));
    expect(found.map((a) => a.id)).toEqual([tomorrow, mayas]);
  });

  it("are in the person's copy and its FHIR file as Appointment resources", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const samActor = await actorFor(demoPeople.sam.email);
    const id = await recordAppointment(getDb(), jo, sam, review);
    const copy = await makeRecordCopy(getDb(), samActor, sam);
    expect(copy.appointments.map((a) => a.id)).toContain(id);
    const resource = toFhirBundle(copy).entry.find((e) => e.resource.id === id)!.resource as Record<string, unknown>;
    expect(resource).toMatchObject({ resourceType: "Appointment", status: "booked", description: "Review of the plan", start: review.startsAt.toISOString() });
  });
});
