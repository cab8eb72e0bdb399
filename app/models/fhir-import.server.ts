import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { appointments, careTeamMembers, carePlanVersions, serviceUsers, type ChangedSection, type PlanContent } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { isUuid } from "~/utils/ids";
import { recordSystemAudit } from "./audit.server";
import { NHS_NUMBER_SYSTEM, nameUuid } from "./fhir-export.server";
import { lockPerson } from "./locks.server";
import type { AppointmentInput } from "./appointments.server";
import type { AppointmentMode } from "./vocabulary/appointments";

/**
 * The plan from the trust's record system (issue 18 item 4, decision 053): a FHIR R4 Bundle of the
 * same UK Core resources the export makes (fhir-export.server.ts) creates or updates the people in
 * it, their plan (a new version when it changed), their care team and their appointments, in one
 * transaction, audited as the record system. Everything the portal itself is the record of (goals
 * and progress, sharing, communication needs, requests, messages, "How I am doing", the access log)
 * is accepted in the bundle and left alone, so an export can be sent back as it is.
 *
 * Bad input changes nothing: every problem is found before the database is touched, and each is a
 * FhirImportError with a plain message (the endpoint turns it into an OperationOutcome).
 */

/** The largest bundle taken (the endpoint answers 413, the command refuses the file). */
export const FHIR_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** What the import reads. */
const takenTypes = ["Patient", "CarePlan", "CareTeam", "Appointment"] as const;
/** What the export carries that the portal itself is the record of: accepted, never changed by an import. */
const portalOwnedTypes = [
  "Goal",
  "Observation",
  "RelatedPerson",
  "Consent",
  "Flag",
  "ServiceRequest",
  "Task",
  "Communication",
  "QuestionnaireResponse",
  "AuditEvent",
] as const;
const acceptedTypes: readonly string[] = [...takenTypes, ...portalOwnedTypes];
const bundleTypes = ["collection", "transaction", "batch"];

export type FhirIssueCode = "structure" | "required" | "invalid" | "not-supported" | "not-found" | "too-costly" | "security" | "login" | "exception";

export interface FhirIssue {
  code: FhirIssueCode;
  message: string;
  /** Where in the bundle, as FHIRPath ("Bundle.entry[2].resource"). */
  expression?: string;
}

export class FhirImportError extends Error {
  override name = "FhirImportError";
  constructor(readonly issues: FhirIssue[]) {
    super(issues.map((i) => (i.expression ? `${i.expression}: ${i.message}` : i.message)).join("\n"));
  }
}

export interface ImportSummary {
  people: {
    id: string;
    name: string;
    created: boolean;
    nameChanged: boolean;
    nhsNumberChanged: boolean;
    planVersionsAdded: number;
    careTeamChanged: boolean;
    /** Appointments added or changed. */
    appointmentsChanged: number;
  }[];
  /** Resources in the bundle that the portal keeps itself (decision 053), by type. */
  leftAlone: Record<string, number>;
  changed: boolean;
}

type Json = Record<string, unknown>;
type Entry = { fullUrl?: string; resource: Json; index: number };

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown) => (typeof v === "string" ? v : "");

/** JSON text → a Bundle, or a FhirImportError saying what is wrong with it. */
export function parseBundleText(body: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new FhirImportError([{ code: "structure", message: "The file is not JSON." }]);
  }
  if (!isObject(parsed) || parsed.resourceType !== "Bundle") {
    throw new FhirImportError([{ code: "structure", message: "This is not a FHIR Bundle: its resourceType must be \"Bundle\"." }]);
  }
  return parsed;
}

/** Every reference in a resource, with where it is. */
function referencesIn(value: unknown, path: string, out: { path: string; reference: string }[] = []): { path: string; reference: string }[] {
  if (Array.isArray(value)) value.forEach((v, i) => referencesIn(v, `${path}[${i}]`, out));
  else if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "reference" && typeof inner === "string") out.push({ path, reference: inner });
      else referencesIn(inner, `${path}.${key}`, out);
    }
  }
  return out;
}

/** The portal's id for a Patient: its own id when it is a uuid (a bundle the portal made), else a name-based one. */
export function personIdFor(patientId: string): string {
  return isUuid(patientId) ? patientId.toLowerCase() : nameUuid("fhir-import", "Patient", patientId);
}

interface AppointmentIn extends AppointmentInput {
  id: string;
  cancelled: boolean;
  cancelledReason: string;
  createdAt?: Date;
}

/** Ten digits whose last is the modulus 11 check digit of the first nine. */
export function isNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const sum = [...value.slice(0, 9)].reduce((n, d, i) => n + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(value[9]);
}

interface PersonIn {
  id: string;
  name: string;
  /** The NHS number the Patient carries (decision 064); null when it carries none, and what the portal holds is kept. */
  nhsNumber: string | null;
  plans: Json[];
  careTeams: Json[];
  appointments: AppointmentIn[];
}

/** The portal's id for an Appointment: as for a Patient, its own uuid or a name-based one. */
export function appointmentIdFor(appointmentId: string): string {
  return isUuid(appointmentId) ? appointmentId.toLowerCase() : nameUuid("fhir-import", "Appointment", appointmentId);
}

const REVIEW_TYPE = "Review of the care and support plan";
/** Statuses of an appointment that is (or was) going ahead; "cancelled" is the other one taken. */
const bookedStatuses = ["booked", "arrived", "checked-in", "fulfilled"];

/**
 * An Appointment → what the portal keeps, read as the export writes it: the mode from its comment
 * ("In person: place", "Video call", "Phone call"; anything else is in person, place not known),
 * a review from its appointmentType, "with whom" from the participants that are not the person.
 * One in the past is taken (it is history), unlike on the staff form. Problems go into issues.
 */
export function appointmentOf(resource: Json, isPerson: (participant: Json) => boolean, where: string, issues: FhirIssue[]): AppointmentIn | null {
  const status = textOf(resource.status);
  if (status !== "cancelled" && !bookedStatuses.includes(status)) {
    issues.push({ code: "invalid", message: `An Appointment's status must be one of ${[...bookedStatuses, "cancelled"].join(", ")}.`, expression: `${where}.status` });
  }
  const start = textOf(resource.start);
  if (!start || Number.isNaN(Date.parse(start))) {
    issues.push({ code: "required", message: "The Appointment has no start, or it is not a date and time.", expression: `${where}.start` });
    return null;
  }
  const comment = textOf(resource.comment);
  const mode: AppointmentMode = comment === "Video call" ? "video" : comment === "Phone call" ? "phone" : "in_person";
  const participants = Array.isArray(resource.participant) ? (resource.participant as Json[]) : [];
  const created = textOf(resource.created);
  return {
    id: appointmentIdFor(textOf(resource.id)),
    kind: textOf((resource.appointmentType as Json | undefined)?.text) === REVIEW_TYPE ? "review" : "appointment",
    startsAt: new Date(start),
    mode,
    place: mode === "in_person" && comment.startsWith("In person: ") ? comment.slice("In person: ".length).trim().slice(0, 500) : "",
    withWhom: participants
      .filter((p) => !isPerson(p))
      .map((p) => textOf((p.actor as Json | undefined)?.display).trim())
      .filter(Boolean)
      .join(", ")
      .slice(0, 500),
    purpose: textOf(resource.description).trim().slice(0, 2000),
    cancelled: status === "cancelled",
    cancelledReason: status === "cancelled" ? textOf((resource.cancelationReason as Json | undefined)?.text).trim().slice(0, 2000) : "",
    createdAt: created && !Number.isNaN(Date.parse(created)) ? new Date(created) : undefined,
  };
}

/** Check the whole bundle and sort what it says by person. Throws FhirImportError with every problem found. */
export function readBundle(bundle: Json): { people: PersonIn[]; leftAlone: Record<string, number> } {
  const issues: FhirIssue[] = [];
  if (!bundleTypes.includes(textOf(bundle.type))) {
    issues.push({ code: "invalid", message: `The bundle's type must be one of ${bundleTypes.join(", ")}.`, expression: "Bundle.type" });
  }
  if (!Array.isArray(bundle.entry) || bundle.entry.length === 0) {
    throw new FhirImportError([...issues, { code: "invalid", message: "The bundle has no entries.", expression: "Bundle.entry" }]);
  }
  const entries: Entry[] = [];
  bundle.entry.forEach((entry: unknown, index) => {
    const where = `Bundle.entry[${index}]`;
    if (!isObject(entry) || !isObject(entry.resource)) {
      issues.push({ code: "structure", message: "This entry has no resource.", expression: where });
      return;
    }
    const resource = entry.resource;
    const type = textOf(resource.resourceType);
    if (!acceptedTypes.includes(type)) {
      issues.push({ code: "not-supported", message: `A ${type || "resource without a resourceType"} is not taken. The import takes ${acceptedTypes.join(", ")}.`, expression: `${where}.resource` });
      return;
    }
    if (!textOf(resource.id)) issues.push({ code: "required", message: `The ${type} has no id.`, expression: `${where}.resource.id` });
    entries.push({ fullUrl: typeof entry.fullUrl === "string" ? entry.fullUrl : undefined, resource, index });
  });

  // Every reference must name an entry of this bundle, by its fullUrl or as Type/id.
  const byReference = new Map<string, Entry>();
  for (const e of entries) {
    if (e.fullUrl) byReference.set(e.fullUrl, e);
    byReference.set(`${textOf(e.resource.resourceType)}/${textOf(e.resource.id)}`, e);
  }
  const resolve = (reference: unknown) => (typeof reference === "string" ? byReference.get(reference) : undefined);
  for (const e of entries) {
    for (const { path, reference } of referencesIn(e.resource, `Bundle.entry[${e.index}].resource`)) {
      if (!byReference.has(reference)) issues.push({ code: "not-found", message: `The reference "${reference}" does not name anything in this bundle.`, expression: path });
    }
  }

  // Whose record each resource is about: a Patient in this bundle, never anyone else.
  const people = new Map<string, PersonIn>();
  for (const e of entries.filter((x) => x.resource.resourceType === "Patient")) {
    const r = e.resource;
    const names = Array.isArray(r.name) ? (r.name as Json[]) : [];
    const first = names[0] ?? {};
    const name = (textOf(first.text) || [...(Array.isArray(first.given) ? first.given : []), first.family].filter((v) => typeof v === "string").join(" ")).trim();
    if (!name) issues.push({ code: "required", message: "The Patient has no name.", expression: `Bundle.entry[${e.index}].resource.name` });
    const identifiers = Array.isArray(r.identifier) ? (r.identifier as Json[]) : [];
    const nhs = identifiers.findIndex((i) => i.system === NHS_NUMBER_SYSTEM);
    const nhsNumber = nhs >= 0 ? textOf(identifiers[nhs]!.value).replace(/\s/g, "") : null;
    if (nhsNumber !== null && !isNhsNumber(nhsNumber)) {
      issues.push({ code: "invalid", message: "The NHS number is not 10 digits with a right check digit.", expression: `Bundle.entry[${e.index}].resource.identifier[${nhs}].value` });
    }
    people.set(e.fullUrl ?? `Patient/${textOf(r.id)}`, { id: personIdFor(textOf(r.id)), name: name.slice(0, 200), nhsNumber, plans: [], careTeams: [], appointments: [] });
  }
  const patientAt = (reference: unknown): PersonIn | undefined => {
    const target = resolve(reference);
    return target && target.resource.resourceType === "Patient" ? people.get(target.fullUrl ?? `Patient/${textOf(target.resource.id)}`) : undefined;
  };
  const personOf = (e: Entry, element: string): PersonIn | undefined => {
    // An Appointment names its person among its participants.
    const person =
      element === "participant"
        ? (Array.isArray(e.resource.participant) ? (e.resource.participant as Json[]) : []).map((p) => patientAt((p.actor as Json | undefined)?.reference)).find(Boolean)
        : patientAt((e.resource[element] as Json | undefined)?.reference);
    if (!person) {
      issues.push({
        code: "not-found",
        message: `The ${textOf(e.resource.resourceType)} is not about a Patient in this bundle. A person is only made or changed from a Patient sent with their plan.`,
        expression: `Bundle.entry[${e.index}].resource.${element}`,
      });
    }
    return person;
  };
  const leftAlone: Record<string, number> = {};
  for (const e of entries) {
    const type = textOf(e.resource.resourceType);
    if (type === "CarePlan") personOf(e, "subject")?.plans.push(e.resource);
    else if (type === "CareTeam") personOf(e, "subject")?.careTeams.push(e.resource);
    else if (type === "Appointment") {
      const person = personOf(e, "participant");
      const appointment = appointmentOf(e.resource, (p) => patientAt((p.actor as Json | undefined)?.reference) !== undefined, `Bundle.entry[${e.index}].resource`, issues);
      if (person && appointment) person.appointments.push(appointment);
    }
    else if (type !== "Patient") leftAlone[type] = (leftAlone[type] ?? 0) + 1;
  }
  for (const person of people.values()) {
    if (person.careTeams.length > 1) issues.push({ code: "invalid", message: `${person.name} has more than one CareTeam in this bundle; send one.` });
    if (person.plans.filter((p) => p.status === "active").length > 1) {
      issues.push({ code: "invalid", message: `${person.name} has more than one active CarePlan in this bundle; send one.` });
    }
  }
  const ids = [...people.values()].map((p) => p.id);
  if (new Set(ids).size !== ids.length) issues.push({ code: "invalid", message: "The same Patient is in this bundle twice." });
  const appointmentIds = [...people.values()].flatMap((p) => p.appointments.map((a) => a.id));
  if (new Set(appointmentIds).size !== appointmentIds.length) issues.push({ code: "invalid", message: "The same Appointment is in this bundle twice." });
  if (issues.length) throw new FhirImportError(issues);
  return { people: [...people.values()], leftAlone };
}

const needLabels: [keyof PlanContent["needs"], string][] = [
  ["mentalHealth", "Mental health"],
  ["physicalHealth", "Physical health"],
  ["socialCare", "Social care"],
  ["risks", "Risks"],
  ["strengths", "Strengths"],
];
const crisisLabels: [keyof PlanContent["crisis"], string][] = [
  ["earlyWarningSigns", "Early warning signs"],
  ["whatHelps", "What helps"],
  ["whatHasNotHelped", "What has not helped"],
  ["mostResponsiveTo", "Most responsive to"],
  ["howToReachThem", "How to reach them"],
  ["dayContact", "Contact in the day"],
  ["nightContact", "Contact at night"],
  ["treatmentPreferences", "Treatment preferences"],
  ["treatmentRefusals", "Treatment refused"],
  ["dependants", "Dependants"],
  ["ifSupportFails", "If support fails"],
];
const CRISIS_CODE = "Crisis and contingency plan";

/** "Label: value" lines → the fields they name; a line without a known label continues the field before it. */
function labelled<K extends string>(lines: string[], labels: [K, string][]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  let current: K | null = null;
  for (const line of lines) {
    const found = labels.find(([, label]) => line.startsWith(`${label}: `));
    if (found) {
      current = found[0];
      out[current] = line.slice(found[1].length + 2);
    } else if (current) out[current] = `${out[current]}\n${line}`;
  }
  return out;
}

/**
 * A CarePlan → the plan's content, read as the export writes it: needs as labelled notes, support
 * as activities (what, who, how often), the crisis plan as one activity. The wishes section is the
 * person's own (an advance statement): never in a CarePlan, kept from the plan as it is.
 */
export function planContentOf(plan: Json, keep: PlanContent["wishes"]): PlanContent {
  const notes = (Array.isArray(plan.note) ? (plan.note as Json[]) : []).map((n) => textOf(n.text));
  const needsFound = labelled(notes.flatMap((n) => n.split("\n")), needLabels);
  const needs = Object.fromEntries(needLabels.map(([key]) => [key, needsFound[key] ?? ""])) as PlanContent["needs"];
  // A record system that writes no labelled notes: its description is the mental health needs.
  if (!notes.some((n) => needLabels.some(([, label]) => n.startsWith(`${label}: `)))) needs.mentalHealth = textOf(plan.description);
  const activities = (Array.isArray(plan.activity) ? (plan.activity as Json[]) : []).map((a) => (isObject(a.detail) ? a.detail : {}));
  const crisisDetail = activities.find((d) => textOf((d.code as Json | undefined)?.text) === CRISIS_CODE);
  const crisisFound = labelled(textOf(crisisDetail?.description).split("\n"), crisisLabels);
  const crisis = Object.fromEntries(crisisLabels.map(([key]) => [key, crisisFound[key] ?? ""])) as PlanContent["crisis"];
  const support = activities
    .filter((d) => d !== crisisDetail)
    .map((d) => ({
      what: textOf(d.description),
      who: (Array.isArray(d.performer) ? (d.performer as Json[]) : []).map((p) => textOf(p.display)).filter(Boolean).join(", "),
      howOften: textOf(d.scheduledString),
    }));
  return { needs, support, crisis, wishes: keep };
}

/** The plans in the order they were made: earlier ones by the date made, the one in force last. */
function inOrder(plans: Json[]): Json[] {
  const rank = (p: Json) => (p.status === "active" ? 1 : 0);
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || textOf(a.p.created).localeCompare(textOf(b.p.created)) || a.i - b.i)
    .map(({ p }) => p);
}

/** JSON with keys in one order: jsonb gives them back in its own order, not the order written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

function changedSections(before: PlanContent, after: PlanContent): ChangedSection[] {
  return (["needs", "support", "crisis", "wishes"] as const).filter((s) => canonical(before[s]) !== canonical(after[s]));
}

interface MemberIn {
  name: string;
  role: string;
  organisation: string;
  isCoordinator: boolean;
}

/** The CareTeam's participants as the export writes them ("Community psychiatric nurse, care coordinator"). */
export function careTeamOf(team: Json): MemberIn[] {
  return (Array.isArray(team.participant) ? (team.participant as Json[]) : []).map((p) => {
    const roleText = (Array.isArray(p.role) ? (p.role as Json[]) : []).map((r) => textOf(r.text)).filter(Boolean).join(", ");
    const isCoordinator = /(^|, )care coordinator$/.test(roleText);
    return {
      name: textOf((p.member as Json | undefined)?.display).trim().slice(0, 200),
      role: (isCoordinator ? roleText.replace(/(^|, )care coordinator$/, "") : roleText).slice(0, 200),
      organisation: textOf((p.onBehalfOf as Json | undefined)?.display).slice(0, 200),
      isCoordinator,
    };
  }).filter((m) => m.name);
}

const sameMember = (a: MemberIn, b: MemberIn) => a.name === b.name && a.role === b.role && a.organisation === b.organisation && a.isCoordinator === b.isCoordinator;

const appointmentFields = ["kind", "startsAt", "mode", "place", "withWhom", "purpose", "cancelledReason"] as const;

/**
 * The person's appointments, each by its id: added, or changed in place (version up by one) when the
 * bundle says something new. One the bundle does not mention is kept (a bundle may carry only some).
 * Returns how many were added or changed.
 */
async function importAppointments(tx: Db, person: PersonIn, now: Date): Promise<number> {
  let changed = 0;
  for (const a of person.appointments) {
    const [existing] = await tx.select().from(appointments).where(eq(appointments.id, a.id)).for("update");
    const values = { kind: a.kind, startsAt: a.startsAt, mode: a.mode, place: a.place, withWhom: a.withWhom, purpose: a.purpose, cancelledReason: a.cancelledReason };
    if (!existing) {
      await tx.insert(appointments).values({
        id: a.id,
        serviceUserId: person.id,
        ...values,
        cancelledAt: a.cancelled ? now : null,
        createdBy: null,
        ...(a.createdAt ? { createdAt: a.createdAt } : {}),
      });
      await recordSystemAudit(tx, { action: "record_system.appointment", serviceUserId: person.id, recordType: "appointment", recordId: a.id, details: { created: true, kind: a.kind } });
      changed += 1;
      continue;
    }
    if (existing.serviceUserId !== person.id) {
      throw new FhirImportError([{ code: "invalid", message: `The Appointment ${a.id} is another person's appointment in the portal.` }]);
    }
    const fields: string[] = appointmentFields.filter((f) => (f === "startsAt" ? existing.startsAt.getTime() !== a.startsAt.getTime() : existing[f] !== values[f]));
    if (Boolean(existing.cancelledAt) !== a.cancelled) fields.push("cancelled");
    if (!fields.length) continue;
    await tx
      .update(appointments)
      .set({ ...values, cancelledAt: a.cancelled ? (existing.cancelledAt ?? now) : null, updatedAt: now, version: existing.version + 1 })
      .where(eq(appointments.id, a.id));
    await recordSystemAudit(tx, { action: "record_system.appointment", serviceUserId: person.id, recordType: "appointment", recordId: a.id, details: { fields } });
    changed += 1;
  }
  return changed;
}

/**
 * Bring one person's record in line with the bundle. Returns what changed; nothing when it says
 * what the portal already holds (the same bundle twice changes nothing).
 */
async function importPerson(tx: Db, person: PersonIn): Promise<ImportSummary["people"][number]> {
  const [existing] = await tx.select().from(serviceUsers).where(eq(serviceUsers.id, person.id));
  const result = { id: person.id, name: person.name, created: !existing, nameChanged: false, nhsNumberChanged: false, planVersionsAdded: 0, careTeamChanged: false, appointmentsChanged: 0 };
  if (person.nhsNumber) {
    // One NHS number, one record: a number the portal holds for someone else is refused, and nothing changes.
    const [other] = await tx.select({ id: serviceUsers.id }).from(serviceUsers).where(and(eq(serviceUsers.nhsNumber, person.nhsNumber), ne(serviceUsers.id, person.id)));
    if (other) throw new FhirImportError([{ code: "invalid", message: `${person.name}'s NHS number is another person's in the portal.` }]);
  }
  if (!existing) {
    await tx.insert(serviceUsers).values({ id: person.id, displayName: person.name, nhsNumber: person.nhsNumber });
    await recordSystemAudit(tx, { action: "record_system.person", serviceUserId: person.id, recordType: "service_user", recordId: person.id, details: { created: true } });
  } else {
    result.nameChanged = existing.displayName !== person.name;
    result.nhsNumberChanged = person.nhsNumber !== null && existing.nhsNumber !== person.nhsNumber;
    const fields = [result.nameChanged ? "displayName" : "", result.nhsNumberChanged ? "nhsNumber" : ""].filter(Boolean);
    if (fields.length) {
      await tx
        .update(serviceUsers)
        .set({ displayName: person.name, ...(result.nhsNumberChanged ? { nhsNumber: person.nhsNumber } : {}) })
        .where(eq(serviceUsers.id, person.id));
      await recordSystemAudit(tx, { action: "record_system.person", serviceUserId: person.id, recordType: "service_user", recordId: person.id, details: { fields } });
    }
  }
  await lockPerson(tx, person.id);

  // The care team: matched by name, so what the portal adds (contact details, a member's account) is kept.
  const teamIn = person.careTeams[0] ? careTeamOf(person.careTeams[0]) : null;
  const members = await tx.select().from(careTeamMembers).where(eq(careTeamMembers.serviceUserId, person.id)).orderBy(asc(careTeamMembers.position), asc(careTeamMembers.name));
  const teamChanged = teamIn !== null && (teamIn.length !== members.length || teamIn.some((m, i) => !sameMember(m, members[i]!)));
  if (teamIn && teamChanged) {
    const kept = new Set<string>();
    for (const [position, m] of teamIn.entries()) {
      const match = members.find((row) => row.name === m.name && !kept.has(row.id));
      if (match) {
        kept.add(match.id);
        await tx
          .update(careTeamMembers)
          .set({ ...m, position, version: match.version + 1, updatedBy: null, updatedAt: new Date() })
          .where(eq(careTeamMembers.id, match.id));
      } else {
        await tx.insert(careTeamMembers).values({ serviceUserId: person.id, ...m, agency: "", contact: "", whenToContact: "", position });
      }
    }
    const gone = members.filter((row) => !kept.has(row.id)).map((row) => row.id);
    if (gone.length) await tx.delete(careTeamMembers).where(and(eq(careTeamMembers.serviceUserId, person.id), inArray(careTeamMembers.id, gone)));
    result.careTeamChanged = true;
  }

  // The plan: on a record with no plan yet, every version sent (its history); otherwise only the
  // one in force, as a new version when it says something new.
  const [latest] = await tx.select().from(carePlanVersions).where(eq(carePlanVersions.serviceUserId, person.id)).orderBy(desc(carePlanVersions.version)).limit(1);
  const plans = inOrder(person.plans);
  const toWrite = latest ? plans.filter((p) => p.status === "active").slice(-1) : plans;
  let current = latest?.content ?? null;
  let version = latest?.version ?? 0;
  const wishes: PlanContent["wishes"] = latest?.content.wishes ?? { advanceStatement: "", advanceDecisionExists: false };
  const added: { id: string; version: number; sections: ChangedSection[] }[] = [];
  for (const [i, plan] of toWrite.entries()) {
    const content = planContentOf(plan, wishes);
    const sections: ChangedSection[] = current ? changedSections(current, content) : ["needs", "support", "crisis"];
    const last = i === toWrite.length - 1;
    if (last && teamChanged) sections.push("team");
    if (!sections.length) continue;
    version += 1;
    const created = typeof plan.created === "string" && !latest && !Number.isNaN(Date.parse(plan.created)) ? new Date(plan.created) : undefined;
    const [row] = await tx
      .insert(carePlanVersions)
      .values({ serviceUserId: person.id, version, content, changedSections: sections, createdBy: null, ...(created ? { createdAt: created } : {}) })
      .returning({ id: carePlanVersions.id });
    added.push({ id: row!.id, version, sections });
    current = content;
  }
  // A team change with the plan unchanged: a version that says so, as a change made in the portal does.
  if (teamChanged && !added.some((a) => a.sections.includes("team"))) {
    version += 1;
    const [row] = await tx
      .insert(carePlanVersions)
      .values({ serviceUserId: person.id, version, content: current ?? planContentOf({}, wishes), changedSections: ["team"], createdBy: null })
      .returning({ id: carePlanVersions.id });
    added.push({ id: row!.id, version, sections: ["team"] });
  }
  for (const a of added) {
    const planSections = a.sections.filter((s) => s !== "team");
    if (planSections.length) {
      await recordSystemAudit(tx, { action: "record_system.plan", serviceUserId: person.id, recordType: "care_plan", recordId: a.id, details: { version: a.version, sections: planSections } });
    }
  }
  if (teamChanged) await recordSystemAudit(tx, { action: "record_system.care_team", serviceUserId: person.id, recordType: "care_team_member", details: { version } });
  result.planVersionsAdded = added.length;
  result.appointmentsChanged = await importAppointments(tx, person, new Date());
  return result;
}

/**
 * Import a bundle (already parsed from JSON): checked whole first, then every person in one
 * transaction, so a bundle either changes everything it says or nothing.
 */
export async function importBundle(db: Db, bundle: Json): Promise<ImportSummary> {
  const { people, leftAlone } = readBundle(bundle);
  const results = await db.transaction(async (tx) => {
    const out: ImportSummary["people"] = [];
    for (const person of people) out.push(await importPerson(tx, person));
    return out;
  });
  const changed = results.some((r) => r.created || r.nameChanged || r.nhsNumberChanged || r.planVersionsAdded > 0 || r.careTeamChanged || r.appointmentsChanged > 0);
  return { people: results, leftAlone, changed };
}

/** What an import did, in plain words (the command prints it; the endpoint puts it in its OperationOutcome). */
export function describeImport(summary: ImportSummary): string[] {
  const lines = summary.people.map((p) => {
    const did = [
      p.created ? "added" : "",
      p.nameChanged ? "name changed" : "",
      p.nhsNumberChanged ? "NHS number recorded" : "",
      p.planVersionsAdded ? `${p.planVersionsAdded} new plan version${p.planVersionsAdded === 1 ? "" : "s"}` : "",
      p.careTeamChanged ? "care team changed" : "",
      p.appointmentsChanged ? `${p.appointmentsChanged} appointment${p.appointmentsChanged === 1 ? "" : "s"} added or changed` : "",
    ].filter(Boolean);
    return `${p.name}: ${did.length ? did.join(", ") : "nothing changed"}.`;
  });
  const kept = Object.entries(summary.leftAlone).map(([type, n]) => `${n} ${type}`);
  if (kept.length) lines.push(`Left alone (the portal keeps these itself): ${kept.join(", ")}.`);
  return lines;
}
