import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { serviceUsers } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { bundleProblems, resourceProblems } from "../../tests/support/fhir-validate";
import { saveMyCommunicationNeeds } from "./communication.server";
import { addGoal, recordGoalProgress } from "./goals.server";
import { makeRecordCopy } from "./my-data.server";
import { saveNotificationSettings } from "./notifications.server";
import { getPlanView } from "./plan.server";
import { requestInterpreter, updateRequestStatus } from "./requests.server";
import { sendMessage } from "./messages.server";
import { NHS_NUMBER_SYSTEM, nameUuid, toFhirBundle, type FhirBundle, type FhirResource } from "./fhir-export.server";

/** Sam's record with something in every part: a goal with progress, needs, an interpreter booked, a read by Jo. */
async function samsCopy() {
  await seedDemoData(getDb());
  const sam = await recordId("Sam Taylor");
  const samActor = await actorFor(demoPeople.sam.email);
  const goalId = await addGoal(getDb(), samActor, sam, { what: "Cook a meal for a friend", why: "I miss company", firstStep: "Pick a recipe", whoCanHelp: "Alex", targetDate: "2027-03-01" });
  await recordGoalProgress(getDb(), samActor, sam, goalId, { rating: 4, note: "Chose the recipe" });
  await saveMyCommunicationNeeds(getDb(), samActor, {
    contactMethods: ["email"],
    formats: ["easy_read"],
    attachmentFormat: "",
    support: ["more_time"],
    other: "",
    languages: [{ code: "pl", preferred: true, modes: ["spoken"], interpreterNeeded: true, proficiency: "good" }],
    noNeeds: false,
  });
  // Email only by his needs: the mobile he gave is kept, text messages are off.
  await saveNotificationSettings(getDb(), samActor, { email: true, sms: true, emailAddress: "sam.t@example.org", mobile: "+447700900123" });
  const requestId = await requestInterpreter(getDb(), samActor, sam, {
    need: "spoken",
    language: "pl",
    mode: "in_person",
    gender: null,
    dialect: "",
    notSomeoneIKnow: true,
    appointment: "Review with Jo",
    appointmentAt: new Date("2027-01-10T10:00:00Z"),
  });
  const jo = await actorFor(demoPeople.jo.email);
  await updateRequestStatus(getDb(), jo, sam, requestId, { status: "booked", note: "Interpreter booked" });
  await getPlanView(getDb(), jo, sam);
  const { threadId } = await sendMessage(getDb(), samActor, sam, { subject: "My dose", body: "Can we talk?" }, new Date("2026-12-01T09:00:00Z"));
  await sendMessage(getDb(), jo, sam, { threadId, body: "Yes, on Tuesday." }, new Date("2026-12-01T10:00:00Z"));
  return makeRecordCopy(getDb(), samActor, sam, new Date("2026-12-04T12:00:00Z"));
}

describe("the copy as a FHIR R4 bundle", () => {
  it("is valid R4: every resource, every code from a required list, every reference inside the bundle", async () => {
    const bundle = toFhirBundle(await samsCopy());
    expect(bundleProblems(bundle)).toEqual([]);
    const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
    for (const type of ["Patient", "CarePlan", "CareTeam", "Goal", "Observation", "RelatedPerson", "Consent", "Flag", "ServiceRequest", "Task", "AuditEvent", "Communication", "QuestionnaireResponse"])
      expect(types, type).toContain(type);
  });

  it("says what the portal holds: the plan's versions in order with the crisis plan, the goal's progress, sharing, language needs", async () => {
    const bundle = toFhirBundle(await samsCopy());
    const of = (type: string) => bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === type);
    const plans = of("CarePlan");
    expect(plans.map((p) => p.status)).toEqual(["completed", "active"]);
    expect(plans[1]!.replaces).toEqual([{ reference: `urn:uuid:${plans[0]!.id}` }]);
    expect(JSON.stringify(plans[1]!.activity)).toContain("Crisis and contingency plan");
    const goal = of("Goal").find((g) => (g.description as { text: string }).text === "Cook a meal for a friend")!;
    const progress = of("Observation").find((o) => JSON.stringify(o.focus).includes(goal.id))!;
    expect(progress.valueInteger).toBe(4);
    expect(goal.outcomeReference).toEqual([{ reference: `urn:uuid:${progress.id}` }]);
    // Alex sees the crisis plan, care team and appointments: three Consents naming his RelatedPerson.
    const alex = of("RelatedPerson").find((r) => JSON.stringify(r.name).includes("Alex Taylor"))!;
    expect(of("Consent").filter((c) => JSON.stringify(c.provision).includes(alex.id))).toHaveLength(3);
    const patient = of("Patient")[0]!;
    expect(JSON.stringify(patient.extension)).toContain('"code":"pl"');
    // How to reach him: the sign-in email, and the email (the one he hears by) and mobile he gave for notifications.
    expect(patient.telecom).toEqual([
      { system: "email", value: demoPeople.sam.email },
      { system: "email", value: "sam.t@example.org", rank: 1 },
      { system: "phone", value: "+447700900123", use: "mobile" },
    ]);
    expect(of("Task").map((t) => t.status)).toEqual(["requested", "completed"]);
    expect(of("AuditEvent").some((a) => JSON.stringify(a.agent).includes("Jo Okafor"))).toBe(true);
    // Messages with the care team: Jo's answer answers Sam's message.
    const [asked, answered] = of("Communication");
    expect(asked).toMatchObject({ topic: { text: "My dose" }, sender: { display: "Sam Taylor" }, payload: [{ contentString: "Can we talk?" }] });
    expect(answered).toMatchObject({ sender: { display: "Jo Okafor" }, inResponseTo: [{ reference: `urn:uuid:${asked!.id}` }] });
    // "How I am doing": the two demo times, oldest first, eleven DIALOG areas each, more help under each answer.
    const dialog = of("QuestionnaireResponse") as (FhirResource & { item: { linkId: string; answer: { valueInteger: number; item: { answer: { valueBoolean: boolean }[] }[] }[] }[] })[];
    expect(dialog).toHaveLength(2);
    expect(dialog.map((d) => d.item.length)).toEqual([11, 11]);
    const mental = dialog[0]!.item.find((i) => i.linkId === "mentalHealth")!;
    expect(mental.answer[0]!.valueInteger).toBe(3);
    expect(mental.answer[0]!.item[0]!.answer[0]!.valueBoolean).toBe(true);
    expect(dialog[0]!.author).toEqual({ reference: `urn:uuid:${patient.id}`, display: "Sam Taylor" });
  });

  it("names the person by their NHS number (UK Core Patient's identifier) when the record holds one, in the JSON copy too", async () => {
    const patientOf = (bundle: FhirBundle) => bundle.entry.find((e) => e.resource.resourceType === "Patient")!.resource as FhirResource & { identifier: { system: string; value: string }[] };
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    const samActor = await actorFor(demoPeople.sam.email);
    const without = toFhirBundle(await makeRecordCopy(getDb(), samActor, sam));
    expect(patientOf(without).identifier.map((i) => i.system)).not.toContain(NHS_NUMBER_SYSTEM);

    await getDb().update(serviceUsers).set({ nhsNumber: "9434765919" }).where(eq(serviceUsers.id, sam));
    const copy = await makeRecordCopy(getDb(), samActor, sam, new Date("2026-12-04T12:00:00Z"));
    expect(copy.person).toMatchObject({ nhsNumber: "9434765919" });
    const bundle = toFhirBundle(copy);
    expect(bundleProblems(bundle)).toEqual([]);
    expect(patientOf(bundle).identifier[0]).toEqual({ system: "https://fhir.nhs.uk/Id/nhs-number", value: "9434765919" });
    expect(patientOf(bundle).identifier).toHaveLength(2);
  });

  it("is the same bundle when made twice from the same copy (ids are stable)", async () => {
    const copy = await samsCopy();
    expect(toFhirBundle(copy)).toEqual(toFhirBundle(copy));
    expect(nameUuid("a", "b")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("the validation is real: a resource with a wrong code, a missing element or a dangling reference is caught", async () => {
    const bundle = toFhirBundle(await samsCopy());
    const goal = bundle.entry.find((e) => e.resource.resourceType === "Goal")!.resource;
    expect(resourceProblems({ ...goal, lifecycleStatus: "finished" } as FhirResource)).not.toEqual([]);
    const { lifecycleStatus: _status, ...noStatus } = goal;
    expect(resourceProblems(noStatus as FhirResource)).not.toEqual([]);
    const broken = { ...bundle, entry: [...bundle.entry.filter((e) => e.resource.resourceType !== "Patient")] };
    expect(bundleProblems(broken).some((p) => p.includes("is not in the bundle"))).toBe(true);
  });
});
