import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { ConflictError, NotFoundError } from "./access.server";
import {
  cancelRequest,
  getRequest,
  InvalidTransitionError,
  listOpenRequestsForStaff,
  listRequests,
  requestAdvocate,
  requestFormat,
  requestInterpreter,
  requestNeedsShared,
  updateRequestStatus,
  type AdvocateDetails,
  type InterpreterDetails,
  type ShareNeedsDetails,
  type StatusChange,
} from "./requests.server";
import { auditEvents, supportRequests } from "#db/schema/index";
import { and, eq } from "drizzle-orm";

const bsl: InterpreterDetails & { appointmentAt: Date } = {
  need: "bsl",
  language: null,
  mode: "face_to_face",
  gender: "no_preference",
  dialect: "",
  notSomeoneIKnow: true,
  appointment: "Review with Jo",
  appointmentAt: new Date("2099-06-01T10:00:00Z"),
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

const imha: AdvocateDetails = {
  kind: "imha",
  referrer: "advocate",
  about: "The tribunal in March",
  legalStatus: "detained",
  shareCommunication: true,
  communicationOther: "",
  contactMethod: "phone",
  contactDetails: "07700 900123",
  contactTimes: "Mornings",
  leaveMessage: false,
  consent: true,
};

const shareNeeds: ShareNeedsDetails = {
  consent: true,
  needs: { contactMethods: ["email"], formats: ["easy_read"], support: [], languages: [], other: false },
};

// The same rules for every kind: the person, an advocate acting for them, and the team.
const makers = {
  interpreter: (actor: Awaited<ReturnType<typeof actorFor>>, sam: string) => requestInterpreter(getDb(), actor, sam, bsl),
  advocate: (actor: Awaited<ReturnType<typeof actorFor>>, sam: string) => requestAdvocate(getDb(), actor, sam, imha),
  format: (actor: Awaited<ReturnType<typeof actorFor>>, sam: string) =>
    requestFormat(getDb(), actor, sam, { document: "plan", format: "easy_read", attachmentFormat: "", delivery: "post" }),
  share_needs: (actor: Awaited<ReturnType<typeof actorFor>>, sam: string) => requestNeedsShared(getDb(), actor, sam, shareNeeds),
};

describe.each(Object.keys(makers) as (keyof typeof makers)[])("who may create, see, update and cancel an %s request for Sam", (kind) => {
  // Sam asks; Priya may ask for him (he shares "requests"); the team sees and updates; nobody else sees it.
  const table: Record<Who, { create: boolean; see: boolean; update: boolean; cancel: boolean }> = {
    sam: { create: true, see: true, update: false, cancel: true },
    priya: { create: true, see: true, update: false, cancel: true },
    alex: { create: false, see: false, update: false, cancel: false },
    jo: { create: true, see: true, update: true, cancel: true },
    maya: { create: false, see: false, update: false, cancel: false },
    tom: { create: false, see: false, update: false, cancel: false },
  };

  it.each(everyone)("%s", async (who) => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const actor = await actorFor(demoPeople[who].email);
    const id = await makers[kind](await actorFor(demoPeople.sam.email), sam);
    const result = {
      create: await outcome(() => makers[kind](actor, sam)),
      see: await outcome(() => getRequest(getDb(), actor, sam, id)),
      update: await outcome(() => updateRequestStatus(getDb(), actor, sam, id, { status: "seen", note: "" })),
      cancel: await outcome(() => cancelRequest(getDb(), actor, sam, id)),
    };
    expect(result).toEqual(table[who]);
  });
});

describe("the request's life", () => {
  it("sent → seen → booked; every change kept with who and when; the person sees it", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    const id = await requestInterpreter(getDb(), samActor, sam, bsl);
    expect((await listOpenRequestsForStaff(getDb(), jo)).map((r) => r.id)).toEqual([id]);
    await updateRequestStatus(getDb(), jo, sam, id, { status: "seen", note: "" });
    await updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Kim (BSL interpreter) will meet you at reception." });
    const [request] = await listRequests(getDb(), samActor, sam);
    expect(request).toMatchObject({ status: "booked", createdBy: "Sam Taylor" });
    expect(request!.events.map((e) => [e.status, e.by])).toEqual([
      ["sent", "Sam Taylor"],
      ["seen", "Jo Okafor"],
      ["booked", "Jo Okafor"],
    ]);
    expect(await listOpenRequestsForStaff(getDb(), jo)).toEqual([]);
  });

  it("refuses moves that make no sense, and cancelling after the appointment", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    const id = await requestInterpreter(getDb(), samActor, sam, bsl);
    await cancelRequest(getDb(), samActor, sam, id);
    await expect(updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "x" })).rejects.toBeInstanceOf(InvalidTransitionError);
    await expect(cancelRequest(getDb(), samActor, sam, id)).rejects.toBeInstanceOf(InvalidTransitionError);
    const soon = await requestInterpreter(getDb(), samActor, sam, bsl);
    await expect(cancelRequest(getDb(), samActor, sam, soon, new Date("2099-06-01T10:30:00Z"))).rejects.toBeInstanceOf(InvalidTransitionError);
  });
});


describe("an advocate request", () => {
  it("Priya asks for an IMHA on Sam's behalf: the request, the list and the audit say so", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const priya = await actorFor(demoPeople.priya.email);
    const id = await requestAdvocate(getDb(), priya, sam, imha);
    const request = await getRequest(getDb(), await actorFor(demoPeople.sam.email), sam, id);
    expect(request).toMatchObject({ kind: "advocate", status: "sent", createdBy: "Priya Shah", enteredBy: { name: "Priya Shah", as: "advocate_for" } });
    expect(request.details).toMatchObject({ kind: "imha", referrer: "advocate", about: "The tribunal in March" });
    const [audit] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "request.create"), eq(auditEvents.recordId, id)));
    expect(audit).toMatchObject({ capacity: "advocate_for", onBehalfOf: sam, serviceUserId: sam });
  });

  it("Sam asking for himself is always 'self', whatever was posted; Jo's request names no one on whose behalf", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const own = await requestAdvocate(getDb(), await actorFor(demoPeople.sam.email), sam, { ...imha, referrer: "amhp" });
    const [row] = await getDb().select().from(supportRequests).where(eq(supportRequests.id, own));
    expect(row!.details).toMatchObject({ referrer: "self" });
    expect(row!.enteredAs).toBeNull();
    const byJo = await requestAdvocate(getDb(), await actorFor(demoPeople.jo.email), sam, { ...imha, referrer: "self" });
    const [joRow] = await getDb().select().from(supportRequests).where(eq(supportRequests.id, byJo));
    expect(joRow!.details).toMatchObject({ referrer: "other" });
    expect(joRow!.enteredAs).toBeNull();
  });

  it("is not sent without consent to share it, and not for someone the asker has no relationship with", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const maya = await recordId("Maya Rahman");
    await expect(requestAdvocate(getDb(), await actorFor(demoPeople.sam.email), sam, { ...imha, consent: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestAdvocate(getDb(), await actorFor(demoPeople.priya.email), maya, imha)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestAdvocate(getDb(), await actorFor(demoPeople.alex.email), sam, imha)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getDb().select().from(supportRequests).where(eq(supportRequests.kind, "advocate"))).toHaveLength(0);
  });

  it("goes through the same queue and lifecycle as an interpreter request", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await requestAdvocate(getDb(), await actorFor(demoPeople.priya.email), sam, imha);
    expect((await listOpenRequestsForStaff(getDb(), jo)).map((r) => [r.id, r.kind])).toEqual([[id, "advocate"]]);
    await updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Lee from the IMHA service will phone you on Monday." });
    expect(await listOpenRequestsForStaff(getDb(), jo)).toEqual([]);
    const [mine] = await listRequests(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(mine!.events.map((e) => e.status)).toEqual(["sent", "booked"]);
  });
});

describe("a document in another format, and sharing needs with other services", () => {
  it("keeps what was asked, and the needs as they were when the person agreed to share them", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const formatId = await requestFormat(getDb(), samActor, sam, { document: "crisis_plan", format: "attachment", attachmentFormat: "Tagged PDF", delivery: "email" });
    const shareId = await requestNeedsShared(getDb(), samActor, sam, shareNeeds);
    expect((await getRequest(getDb(), samActor, sam, formatId)).details).toEqual({ document: "crisis_plan", format: "attachment", attachmentFormat: "Tagged PDF", delivery: "email" });
    expect((await getRequest(getDb(), samActor, sam, shareId)).details).toEqual(shareNeeds);
    await expect(requestNeedsShared(getDb(), samActor, sam, { ...shareNeeds, consent: false })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listRequests(getDb(), samActor, sam)).map((r) => r.kind).sort()).toEqual(["format", "share_needs"]);
  });
});

describe("answers added and answers left blank (issue 12)", () => {
  it("keeps a translation's language, a speech-to-text reporter, and blank answers as blank", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const translated = await requestFormat(getDb(), samActor, sam, { document: "plan", format: "translated", attachmentFormat: "", language: "ti", delivery: "post" });
    expect((await getRequest(getDb(), samActor, sam, translated)).details).toEqual({ document: "plan", format: "translated", attachmentFormat: "", language: "ti", delivery: "post" });
    const sttr = await requestInterpreter(getDb(), samActor, sam, { ...bsl, need: "sttr", gender: null });
    expect((await getRequest(getDb(), samActor, sam, sttr)).details).toMatchObject({ need: "sttr", gender: null });
    const advocate = await requestAdvocate(getDb(), samActor, sam, { ...imha, referrer: "self", contactTimes: "", leaveMessage: null, shareCommunication: null });
    expect((await getRequest(getDb(), samActor, sam, advocate)).details).toMatchObject({ contactTimes: "", leaveMessage: null, shareCommunication: null });
  });
});

/** No lost updates: staff's update form carries the version it was opened at (issue 15). */
describe("two updates to one request from the same page", () => {
  it("an update from before someone else's is refused with theirs; saving again on top lands; their very update is no conflict", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await requestInterpreter(getDb(), await actorFor(demoPeople.sam.email), sam, bsl);
    const opened = (await getRequest(getDb(), jo, sam, id)).version;

    await updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Kim will meet you at reception.", baseVersion: opened });
    const stale = updateRequestStatus(getDb(), jo, sam, id, { status: "not_arranged", note: "Nobody free.", baseVersion: opened });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const conflict = (await stale.catch((e: unknown) => e)) as ConflictError<StatusChange>;
    expect(conflict.latest).toMatchObject({ version: opened + 1, value: { status: "booked", note: "Kim will meet you at reception." }, changedBy: "Jo Okafor" });
    expect((await getRequest(getDb(), jo, sam, id)).status).toBe("booked");

    await updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Kim will meet you at reception.", baseVersion: opened });
    await updateRequestStatus(getDb(), jo, sam, id, { status: "not_arranged", note: "Nobody free.", baseVersion: conflict.latest.version });
    const after = await getRequest(getDb(), jo, sam, id);
    expect(after).toMatchObject({ status: "not_arranged", version: opened + 2 });
    expect(after.events.map((e) => e.status)).toEqual(["sent", "booked", "not_arranged"]);
  });

  it("cancelled while the page was open: booking is refused as cancelled (not as a conflict), whatever version the form carries", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const jo = await actorFor(demoPeople.jo.email);
    const id = await requestInterpreter(getDb(), samActor, sam, bsl);
    const opened = (await getRequest(getDb(), jo, sam, id)).version;
    await cancelRequest(getDb(), samActor, sam, id);
    for (const baseVersion of [opened, opened + 1, null]) {
      const refused = await updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Kim.", baseVersion }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InvalidTransitionError);
      expect((refused as InvalidTransitionError).current).toBe("cancelled");
    }
    expect(await getRequest(getDb(), jo, sam, id)).toMatchObject({ status: "cancelled", version: opened + 1 });
  });

  it("two updates at the same moment from one version: one lands, the other is told; the version goes up once", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const jo = await actorFor(demoPeople.jo.email);
    const id = await requestInterpreter(getDb(), await actorFor(demoPeople.sam.email), sam, bsl);
    const outcomes = await Promise.allSettled([
      updateRequestStatus(getDb(), jo, sam, id, { status: "booked", note: "Kim.", baseVersion: 1 }),
      updateRequestStatus(getDb(), jo, sam, id, { status: "not_arranged", note: "Nobody free.", baseVersion: 1 }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const after = await getRequest(getDb(), jo, sam, id);
    expect(after.version).toBe(2);
    expect(after.events).toHaveLength(2);
  });
});
