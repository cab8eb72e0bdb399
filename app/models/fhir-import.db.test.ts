import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, appointments, auditEvents, carePlanVersions, careTeamMembers, relationships, serviceUsers } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { fhirImportCommand } from "~/commands.server";
import { getDb, getDatabaseHandle } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { bundleProblems } from "../../tests/support/fhir-validate";
import { truncateAll } from "../../tests/support/test-db";
import { getAccessLog } from "./access-log.server";
import { toFhirBundle, type FhirBundle, type FhirResource } from "./fhir-export.server";
import { FHIR_IMPORT_MAX_BYTES, FhirImportError, importBundle, parseBundleText } from "./fhir-import.server";
import { makeRecordCopy } from "./my-data.server";
import { savePlanSection } from "./plan.server";

const madeAt = new Date("2026-12-04T12:00:00Z");

/** Sam's record as the portal exports it (the demo data: a plan with versions, a care team, carers). */
async function samsBundle(nhsNumber: string | null = null): Promise<{ bundle: FhirBundle; sam: string }> {
  await seedDemoData(getDb());
  const sam = await recordId("Sam Taylor");
  if (nhsNumber) await getDb().update(serviceUsers).set({ nhsNumber }).where(eq(serviceUsers.id, sam));
  const copy = await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam, madeAt);
  return { bundle: toFhirBundle(copy), sam };
}

/** Export again from a database that has only what the import made: Sam signs in with a fresh account. */
async function exportAgain(sam: string): Promise<FhirBundle> {
  const [account] = await getDb().insert(accounts).values({ email: demoPeople.sam.email, displayName: "Sam Taylor" }).returning({ id: accounts.id });
  await getDb().insert(relationships).values({ accountId: account!.id, serviceUserId: sam, kind: "service_user" });
  return toFhirBundle(await makeRecordCopy(getDb(), await actorFor(demoPeople.sam.email), sam, madeAt));
}

const taken = ["Patient", "CarePlan", "CareTeam", "Appointment"];
/**
 * What the import takes, without ids (each uuid numbered in order of first use) and times. Also
 * without what points at what the portal keeps itself (decision 053): a plan's goals, and its author
 * (an account of the portal's; a version the record system sent has none).
 */
function comparable(bundle: FhirBundle): unknown[] {
  const ids = new Map<string, string>();
  const text = JSON.stringify(bundle.entry.map((e) => e.resource).filter((r) => taken.includes(r.resourceType)), (key, value: unknown) =>
    key === "created" || key === "lastUpdated" || key === "author" || key === "goal" ? undefined : value,
  ).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `id-${ids.size}`);
    return ids.get(id)!;
  });
  return JSON.parse(text) as unknown[];
}

const auditCount = async () => (await getDb().select({ n: count() }).from(auditEvents))[0]!.n;
const versionCount = async (sam: string) => (await getDb().select({ n: count() }).from(carePlanVersions).where(eq(carePlanVersions.serviceUserId, sam)))[0]!.n;

async function importFails(bundle: unknown): Promise<FhirImportError> {
  try {
    await importBundle(getDb(), typeof bundle === "string" ? parseBundleText(bundle) : (bundle as Record<string, unknown>));
  } catch (error) {
    if (error instanceof FhirImportError) return error;
    throw error;
  }
  throw new Error("the import did not fail");
}

describe("importing the plan from the trust's record system (decision 053)", () => {
  it("round trip: export Sam's record, import it into an empty database, export again: the same bundle apart from ids and times", async () => {
    const { bundle, sam } = await samsBundle("9434765919");
    expect(bundleProblems(bundle)).toEqual([]);
    expect(bundle.entry.filter((e) => e.resource.resourceType === "CarePlan").length).toBeGreaterThan(1);
    await truncateAll();

    const summary = await importBundle(getDb(), JSON.parse(JSON.stringify(bundle)) as Record<string, unknown>);
    expect(summary.changed).toBe(true);
    expect(summary.people).toEqual([expect.objectContaining({ id: sam, name: "Sam Taylor", created: true })]);
    expect(summary.leftAlone.Goal).toBeGreaterThan(0);
    expect(summary.leftAlone.QuestionnaireResponse).toBe(2);
    expect(summary.people[0]!.appointmentsChanged).toBe(bundle.entry.filter((e) => e.resource.resourceType === "Appointment").length);
    expect(summary.people[0]!.appointmentsChanged).toBeGreaterThan(0);

    // The NHS number goes out in Patient.identifier and comes back onto the record.
    expect(JSON.stringify(bundle)).toContain('{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}');
    const [record] = await getDb().select({ nhsNumber: serviceUsers.nhsNumber }).from(serviceUsers).where(eq(serviceUsers.id, sam));
    expect(record?.nhsNumber).toBe("9434765919");

    const again = await exportAgain(sam);
    expect(bundleProblems(again)).toEqual([]);
    expect(comparable(again)).toEqual(comparable(bundle));
  });

  it("is idempotent: the same bundle twice makes no new plan version and no new audit row", async () => {
    const { bundle, sam } = await samsBundle();
    const first = await importBundle(getDb(), bundle as unknown as Record<string, unknown>);
    expect(first.changed).toBe(false);
    const versions = await versionCount(sam);
    const audits = await auditCount();
    const second = await importBundle(getDb(), bundle as unknown as Record<string, unknown>);
    expect(second.changed).toBe(false);
    expect(await versionCount(sam)).toBe(versions);
    expect(await auditCount()).toBe(audits);
  });

  it("a changed plan is a new version by the record system, in Sam's access log in its own words; the person's wishes are kept", async () => {
    const { bundle, sam } = await samsBundle();
    const jo = await actorFor(demoPeople.jo.email);
    await savePlanSection(getDb(), jo, sam, "wishes", { advanceStatement: "Please call my sister first", advanceDecisionExists: false });
    const before = await versionCount(sam);
    const active = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === "CarePlan" && r.status === "active")!;
    active.note = [...((active.note as { text: string }[]) ?? []).filter((n) => !n.text.startsWith("Strengths: ")), { text: "Strengths: Kind to friends\nGood at cooking" }];
    const team = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === "CareTeam")!;
    (team.participant as unknown[]).push({ role: [{ text: "Peer support worker" }], member: { display: "Robin Hale" }, onBehalfOf: { display: "Mind" } });

    const summary = await importBundle(getDb(), bundle as unknown as Record<string, unknown>);
    expect(summary.people[0]).toMatchObject({ created: false, planVersionsAdded: 1, careTeamChanged: true });
    expect(await versionCount(sam)).toBe(before + 1);
    const [latest] = await getDb().select().from(carePlanVersions).where(eq(carePlanVersions.version, before + 1));
    expect(latest!.content.needs.strengths).toBe("Kind to friends\nGood at cooking");
    expect(latest!.content.wishes.advanceStatement).toBe("Please call my sister first");
    expect(latest!.changedSections).toEqual(["needs", "team"]);
    expect(latest!.createdBy).toBeNull();
    const robin = await getDb().select().from(careTeamMembers).where(eq(careTeamMembers.name, "Robin Hale"));
    expect(robin).toHaveLength(1);

    const log = await getAccessLog(getDb(), await actorFor(demoPeople.sam.email), sam);
    const system = log.entries.filter((e) => e.role === "recordSystem");
    expect(system.map((e) => e.phrase).sort()).toEqual(["careTeam", "plan"]);
    // Sent again: nothing more.
    const audits = await auditCount();
    expect((await importBundle(getDb(), bundle as unknown as Record<string, unknown>)).changed).toBe(false);
    expect(await auditCount()).toBe(audits);
  });

  it("appointments: a changed or cancelled one is changed in place by the record system; a past one is taken; a foreign id is found again", async () => {
    const { bundle, sam } = await samsBundle();
    const resources = bundle.entry.map((e) => e.resource);
    const patient = resources.find((r) => r.resourceType === "Patient")!;
    const appointment = resources.find((r) => r.resourceType === "Appointment")!;
    const [before] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id as string));
    appointment.start = "2026-12-20T10:30:00.000Z";
    appointment.comment = "Phone call";
    appointment.participant = [
      { actor: { reference: `urn:uuid:${patient.id}` }, status: "accepted" },
      { actor: { display: "Dr Amara Okafor" }, status: "accepted" },
    ];
    // A past appointment from the record system's own id: history, taken although staff could not book it.
    bundle.entry.push({
      fullUrl: "Appointment/RIO-A-1",
      resource: {
        resourceType: "Appointment",
        id: "RIO-A-1",
        status: "cancelled",
        cancelationReason: { text: "The clinic was closed" },
        appointmentType: { text: "Review of the care and support plan" },
        description: "Review after the summer",
        start: "2025-08-01T09:00:00Z",
        comment: "In person: Riverside Clinic",
        participant: [{ actor: { reference: `urn:uuid:${patient.id}` } }, { actor: { display: "Jo Adams" } }],
      },
    });
    const summary = await importBundle(getDb(), bundle as unknown as Record<string, unknown>);
    expect(summary.people[0]).toMatchObject({ appointmentsChanged: 2, planVersionsAdded: 0, careTeamChanged: false });
    const [changed] = await getDb().select().from(appointments).where(eq(appointments.id, appointment.id as string));
    expect(changed).toMatchObject({ mode: "phone", place: "", withWhom: "Dr Amara Okafor", version: before!.version + 1, cancelledAt: null });
    expect(changed!.startsAt.toISOString()).toBe("2026-12-20T10:30:00.000Z");
    const past = await getDb().select().from(appointments).where(eq(appointments.purpose, "Review after the summer"));
    expect(past).toHaveLength(1);
    expect(past[0]).toMatchObject({ serviceUserId: sam, kind: "review", mode: "in_person", place: "Riverside Clinic", withWhom: "Jo Adams", cancelledReason: "The clinic was closed" });
    expect(past[0]!.cancelledAt).not.toBeNull();
    const log = await getAccessLog(getDb(), await actorFor(demoPeople.sam.email), sam);
    expect(log.entries.filter((e) => e.role === "recordSystem").map((e) => e.phrase)).toEqual(["appointment", "appointment"]);

    // Sent again: nothing more, and the past one is not made twice.
    const audits = await auditCount();
    expect((await importBundle(getDb(), bundle as unknown as Record<string, unknown>)).changed).toBe(false);
    expect(await auditCount()).toBe(audits);
    expect(await getDb().select().from(appointments).where(eq(appointments.purpose, "Review after the summer"))).toHaveLength(1);

    // Taken back into the booked state when the record system says so.
    (bundle.entry.at(-1)!.resource).status = "booked";
    expect((await importBundle(getDb(), bundle as unknown as Record<string, unknown>)).people[0]!.appointmentsChanged).toBe(1);
    expect((await getDb().select().from(appointments).where(eq(appointments.purpose, "Review after the summer")))[0]!.cancelledAt).toBeNull();
  });

  it("bad input gets a clear error and changes nothing", async () => {
    const { bundle } = await samsBundle();
    const people = (await getDb().select({ n: count() }).from(serviceUsers))[0]!.n;
    const audits = await auditCount();
    const copy = () => JSON.parse(JSON.stringify(bundle)) as FhirBundle;
    const resources = (b: FhirBundle) => b.entry.map((e) => e.resource);

    expect((await importFails("{not json")).message).toBe("The file is not JSON.");
    expect((await importFails('{"resourceType":"Patient","id":"x"}')).message).toContain("not a FHIR Bundle");
    expect((await importFails({ resourceType: "Bundle", type: "collection", entry: [] })).message).toContain("no entries");

    const medication = copy();
    medication.entry.push({ fullUrl: "urn:uuid:0b0b0b0b-0000-4000-8000-000000000000", resource: { resourceType: "MedicationRequest", id: "0b0b0b0b-0000-4000-8000-000000000000" } });
    const notTaken = await importFails(medication);
    expect(notTaken.issues[0]).toMatchObject({ code: "not-supported", expression: `Bundle.entry[${medication.entry.length - 1}].resource` });
    expect(notTaken.message).toContain("MedicationRequest is not taken");

    const dangling = copy();
    resources(dangling).find((r) => r.resourceType === "CarePlan")!.careTeam = [{ reference: "urn:uuid:11111111-1111-4111-8111-111111111111" }];
    expect((await importFails(dangling)).message).toContain('"urn:uuid:11111111-1111-4111-8111-111111111111" does not name anything in this bundle');

    // A plan for someone whose Patient is not in the bundle: nobody is made or changed from it.
    const noPatient = copy();
    noPatient.entry = noPatient.entry.filter((e) => e.resource.resourceType !== "Patient");
    const unknown = await importFails(noPatient);
    expect(unknown.issues.some((i) => i.code === "not-found")).toBe(true);
    // Its subject pointing at a RelatedPerson (in the bundle, but not a Patient) is not a person either.
    const wrongSubject = copy();
    const related = resources(wrongSubject).find((r) => r.resourceType === "RelatedPerson")!;
    resources(wrongSubject).find((r) => r.resourceType === "CareTeam")!.subject = { reference: `urn:uuid:${related.id}` };
    expect((await importFails(wrongSubject)).message).toContain("not about a Patient in this bundle");

    const noStart = copy();
    const appointment = resources(noStart).find((r) => r.resourceType === "Appointment")!;
    delete (appointment as Partial<FhirResource>).start;
    appointment.status = "proposed";
    const noStartError = await importFails(noStart);
    expect(noStartError.message).toContain("The Appointment has no start");
    expect(noStartError.message).toContain("An Appointment's status must be one of");
    // An appointment for nobody in the bundle.
    const nobody = copy();
    resources(nobody).find((r) => r.resourceType === "Appointment")!.participant = [{ actor: { display: "Jo Adams" } }];
    expect((await importFails(nobody)).message).toContain("The Appointment is not about a Patient in this bundle");

    const nameless = copy();
    delete (resources(nameless).find((r) => r.resourceType === "Patient") as Partial<FhirResource>).name;
    expect((await importFails(nameless)).message).toContain("The Patient has no name");

    expect((await getDb().select({ n: count() }).from(serviceUsers))[0]!.n).toBe(people);
    expect(await auditCount()).toBe(audits);
  });

  it("a person from a record system's own Patient id: made once, then found again by the same id", async () => {
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        { fullUrl: "Patient/RIO-12345", resource: { resourceType: "Patient", id: "RIO-12345", name: [{ given: ["Ola"], family: "Nowak" }] } },
        {
          fullUrl: "CarePlan/cp1",
          resource: { resourceType: "CarePlan", id: "cp1", status: "active", intent: "plan", subject: { reference: "Patient/RIO-12345" }, description: "Low mood since the winter." },
        },
      ],
    };
    const first = await importBundle(getDb(), bundle);
    expect(first.people[0]).toMatchObject({ name: "Ola Nowak", created: true, planVersionsAdded: 1 });
    const [plan] = await getDb().select().from(carePlanVersions).where(eq(carePlanVersions.serviceUserId, first.people[0]!.id));
    expect(plan!.content.needs.mentalHealth).toBe("Low mood since the winter.");
    expect((await importBundle(getDb(), bundle)).changed).toBe(false);
  });

  it("the command: imports a file, says what changed, and refuses a bad or huge file with a plain message", async () => {
    const { bundle, sam } = await samsBundle();
    await truncateAll();
    const dir = mkdtempSync(path.join(tmpdir(), "fhir-import-"));
    const file = path.join(dir, "bundle.json");
    writeFileSync(file, JSON.stringify(bundle));
    const open = async () => ({ ...getDatabaseHandle()!, close: async () => {} });

    const done = await fhirImportCommand([file], open);
    expect(done).toEqual({ ok: true, message: expect.stringContaining("Sam Taylor: added") as string });
    expect(await versionCount(sam)).toBeGreaterThan(0);
    expect((await fhirImportCommand([file], open)).message).toContain("Sam Taylor: nothing changed.");

    expect(await fhirImportCommand([], open)).toEqual({ ok: false, message: expect.stringContaining("Usage: npm run fhir:import -- bundle.json") as string });
    expect((await fhirImportCommand([path.join(dir, "missing.json")], open)).message).toContain("could not be read");
    writeFileSync(path.join(dir, "bad.json"), "<xml/>");
    expect(await fhirImportCommand([path.join(dir, "bad.json")], open)).toEqual({ ok: false, message: "The file is not JSON.\nNothing was changed." });
    writeFileSync(path.join(dir, "huge.json"), Buffer.alloc(FHIR_IMPORT_MAX_BYTES + 1, 32));
    expect((await fhirImportCommand([path.join(dir, "huge.json")], open)).message).toContain("larger than 5 MB");
  });
});
