import { describe, expect, it } from "vitest";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { NotFoundError } from "./plan.server";
import {
  cancelRequest,
  getRequest,
  InvalidTransitionError,
  listOpenRequestsForStaff,
  listRequests,
  requestInterpreter,
  updateRequestStatus,
  type InterpreterDetails,
} from "./requests.server";

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

describe("who may create, see, update and cancel an interpreter request for Sam", () => {
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
    const id = await requestInterpreter(getDb(), await actorFor(demoPeople.sam.email), sam, bsl);
    const result = {
      create: await outcome(() => requestInterpreter(getDb(), actor, sam, bsl)),
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
