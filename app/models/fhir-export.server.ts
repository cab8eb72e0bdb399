import { createHash } from "node:crypto";
import type { RecordCopy } from "./my-data.server";
import { readActions } from "./vocabulary/access-log";
import { dialogAreas, type DialogArea } from "./vocabulary/how-i-am-doing";

/**
 * The person's copy as a FHIR R4 `collection` Bundle (issue 18, decision 052): the same rows as the JSON
 * copy, each as the resource a clinical system would expect, with UK Core profiles named where UK Core
 * has one. Pure: it reads only the copy, so what is in the bundle is exactly what the person may have.
 *
 * Every resource's id is the portal's own id where the row has a uuid, and a name-based uuid otherwise
 * (the same input gives the same id), so a bundle made twice has the same references and an import can
 * match what it has seen before.
 */

export type FhirResource = { resourceType: string; id: string; [key: string]: unknown };
export interface FhirBundle {
  resourceType: "Bundle";
  id: string;
  meta: { profile?: string[]; lastUpdated: string };
  type: "collection";
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

const ukCore = (name: string) => `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${name}`;
const portalSystem = "https://care-portal.example.org/fhir";
/** The NHS number's identifier system (UK Core Patient), in the export and the import alike. */
export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

/** A uuid made from a name (RFC 4122 version 5 layout over SHA-1), for resources the portal has no row id for. */
export function nameUuid(...parts: string[]): string {
  const hash = createHash("sha1").update(parts.join("|")).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const ref = (id: string, display?: string) => (display ? { reference: `urn:uuid:${id}`, display } : { reference: `urn:uuid:${id}` });
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : undefined);
const str = (value: unknown) => (typeof value === "string" ? value : "");
const iso = (value: unknown) => (typeof value === "string" && value ? value : undefined);
/** Drop undefined and empty values so the resource holds only what is known (FHIR forbids empty elements). */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact).filter((v) => v !== undefined) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = compact(v);
      if (c === undefined || c === "" || (Array.isArray(c) && c.length === 0) || (c && typeof c === "object" && !Array.isArray(c) && Object.keys(c).length === 0)) continue;
      out[k] = c;
    }
    return out as T;
  }
  return value;
}
function notes(...items: [string, unknown][]) {
  return items.filter(([, v]) => text(v)).map(([label, v]) => ({ text: `${label}: ${String(v)}` }));
}

const goalLifecycle: Record<string, string> = { active: "active", done: "completed", paused: "on-hold", suggested: "proposed", declined: "rejected" };
const requestStatus: Record<string, string> = { sent: "active", seen: "active", booked: "active", not_arranged: "revoked", cancelled: "revoked" };
const taskStatus: Record<string, string> = { sent: "requested", seen: "received", booked: "completed", not_arranged: "failed", cancelled: "cancelled" };
const relatedRole: Record<string, { code: string; display: string }> = {
  carer_of: { code: "CAREGIVER", display: "caregiver" },
  advocate_for: { code: "NOK", display: "next of kin" },
  attorney_for: { code: "POWATT", display: "power of attorney" },
};
/** The DIALOG areas as the questionnaire names them (the export is in English, as the rest of it). */
const dialogAreaText: Record<DialogArea, string> = {
  mentalHealth: "Mental health",
  physicalHealth: "Physical health",
  job: "Job situation",
  accommodation: "Accommodation",
  leisure: "Leisure activities",
  partnerFamily: "Relationship with partner or family",
  friendships: "Friendships",
  safety: "Personal safety",
  medication: "Medication",
  practicalHelp: "Practical help received",
  meetings: "Meetings with mental health professionals",
};
const proficiency: Record<string, string> = { excellent: "E", good: "G", fair: "F", poor: "P" };

/**
 * How to reach the person: the sign-in email, and the email and UK mobile they gave for notifications
 * (decision 057), each once; one they chose to hear by is ranked first.
 */
function telecomOf(copy: RecordCopy) {
  const settings = copy.notifications?.settings;
  const points: { system: "email" | "phone"; value: string; use?: "mobile"; rank?: number }[] = [];
  if (copy.account?.email) points.push({ system: "email", value: str(copy.account.email) });
  if (settings?.email && !points.some((p) => p.value === settings.email)) points.push({ system: "email", value: settings.email });
  if (settings?.mobile) points.push({ system: "phone", value: settings.mobile, use: "mobile" });
  for (const p of points) {
    if ((p.system === "email" && settings?.emailEnabled && p.value === settings.email) || (p.system === "phone" && settings?.smsEnabled)) p.rank = 1;
  }
  return points.length ? points : undefined;
}

export function toFhirBundle(copy: RecordCopy): FhirBundle {
  const entries: FhirResource[] = [];
  const name = (accountId: unknown) => (typeof accountId === "string" ? copy.people[accountId] : undefined);
  const patientId = String(copy.person.id);
  const patient = ref(patientId, str(copy.person.displayName));
  const languages = ((copy.communicationNeeds?.languages as Record<string, unknown>[] | undefined) ?? []).filter((l) => typeof l.code === "string");

  entries.push(
    compact({
      resourceType: "Patient",
      id: patientId,
      meta: { profile: [ukCore("Patient")] },
      // The NHS number first, as UK Core has it, when the record system sent one (decision 064).
      identifier: [text(copy.person.nhsNumber) ? { system: NHS_NUMBER_SYSTEM, value: str(copy.person.nhsNumber) } : undefined, { system: `${portalSystem}/patient`, value: patientId }],
      name: [{ text: str(copy.person.displayName) }],
      telecom: telecomOf(copy),
      // UK Core's NHSCommunication: each language, whether preferred, whether an interpreter is needed.
      extension: languages.map((l) => ({
        url: "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication",
        extension: compact([
          { url: "language", valueCodeableConcept: { coding: [{ system: "urn:ietf:bcp:47", code: String(l.code) }] } },
          { url: "preferred", valueBoolean: l.preferred === true },
          { url: "interpreterRequired", valueBoolean: l.interpreterNeeded === true },
          typeof l.proficiency === "string" && proficiency[l.proficiency]
            ? { url: "proficiency", valueCoding: { system: "http://terminology.hl7.org/CodeSystem/v3-LanguageAbilityProficiency", code: proficiency[l.proficiency] } }
            : undefined,
        ]),
      })),
      communication: languages.map((l) => ({ language: { coding: [{ system: "urn:ietf:bcp:47", code: String(l.code) }] }, preferred: l.preferred === true })),
    }),
  );

  // The care team: people the plan names (many never sign in), with their role and organisation.
  const careTeamId = nameUuid("care-team", patientId);
  entries.push(
    compact({
      resourceType: "CareTeam",
      id: careTeamId,
      meta: { profile: [ukCore("CareTeam")] },
      status: "active",
      subject: patient,
      participant: copy.plan.careTeam.map((m) => ({
        role: [{ text: [str(m.role), m.isCoordinator ? "care coordinator" : ""].filter(Boolean).join(", ") }],
        member: { display: str(m.name) },
        onBehalfOf: text(m.organisation) ? { display: str(m.organisation) } : undefined,
      })),
      telecom: undefined,
    }),
  );

  // Goals, each with its progress as observations (0 to 10, the person's own rating).
  const goalIds: string[] = [];
  for (const goal of copy.goals) {
    const goalId = String(goal.id);
    goalIds.push(goalId);
    const progressIds = goal.progress.map((p) => String(p.id));
    entries.push(
      compact({
        resourceType: "Goal",
        id: goalId,
        lifecycleStatus: goalLifecycle[str(goal.status)] ?? "active",
        achievementStatus: goal.status === "done" ? { coding: [{ system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: "achieved" }] } : undefined,
        description: { text: str(goal.what) },
        subject: patient,
        startDate: iso(goal.createdAt)?.slice(0, 10),
        target: goal.targetDate ? [{ dueDate: str(goal.targetDate) }] : undefined,
        expressedBy: goal.suggestedBy ? { display: name(goal.suggestedBy) } : patient,
        note: notes(["Why it matters", goal.why], ["First step", goal.firstStep], ["Who can help", goal.whoCanHelp]),
        outcomeReference: progressIds.map((id) => ref(id)),
      }),
    );
    for (const p of goal.progress) {
      entries.push(
        compact({
          resourceType: "Observation",
          id: String(p.id),
          meta: { profile: [ukCore("Observation")] },
          status: "final",
          code: { text: "Progress towards a goal (0 to 10, the person's own rating)" },
          subject: patient,
          focus: [ref(goalId)],
          effectiveDateTime: iso(p.recordedAt),
          performer: p.recordedBy && name(p.recordedBy) ? [{ display: name(p.recordedBy) }] : undefined,
          valueInteger: Number(p.rating),
          note: notes(["Note", p.note]),
        }),
      );
    }
  }

  // "How I am doing" (CP-14, IO-06): each time as a QuestionnaireResponse, one item per DIALOG area
  // (1 totally dissatisfied … 7 totally satisfied) with "would like more help" under its answer.
  for (const set of copy.howIAmDoing) {
    const enteredBy = set.enteredAs && name(set.recordedBy) ? { display: name(set.recordedBy) } : undefined;
    entries.push(
      compact({
        resourceType: "QuestionnaireResponse",
        id: String(set.id),
        meta: { profile: [ukCore("QuestionnaireResponse")] },
        questionnaire: `${portalSystem}/Questionnaire/dialog`,
        status: "completed",
        subject: patient,
        authored: iso(set.recordedAt),
        author: enteredBy ?? patient,
        source: patient,
        item: dialogAreas.flatMap((area) => {
          const rating = set.ratings.find((r) => r.area === area);
          if (!rating) return [];
          return [
            {
              linkId: area,
              text: `${dialogAreaText[area]}: how satisfied, 1 (totally dissatisfied) to 7 (totally satisfied)`,
              answer: [
                {
                  valueInteger: Number(rating.rating),
                  item: [{ linkId: `${area}.moreHelp`, text: "Would like more help with this", answer: [{ valueBoolean: rating.moreHelp === true }] }],
                },
              ],
            },
          ];
        }),
      }),
    );
  }

  // The plan: one CarePlan per version; the newest is in force, each earlier one replaced by the next.
  const versions = [...copy.plan.versions].sort((a, b) => Number(a.version) - Number(b.version));
  versions.forEach((version, index) => {
    const content = (version.content ?? {}) as Record<string, Record<string, unknown> | Record<string, unknown>[]>;
    const needs = (content.needs ?? {}) as Record<string, unknown>;
    const crisis = (content.crisis ?? {}) as Record<string, unknown>;
    const support = (Array.isArray(content.support) ? content.support : []) as Record<string, unknown>[];
    const latest = index === versions.length - 1;
    const previous = versions[index - 1];
    entries.push(
      compact({
        resourceType: "CarePlan",
        id: String(version.id),
        meta: { profile: [ukCore("CarePlan")] },
        identifier: [{ system: `${portalSystem}/care-plan-version`, value: `${patientId}/${String(version.version)}` }],
        status: latest ? "active" : "completed",
        intent: "plan",
        title: `Care and support plan, version ${String(version.version)}`,
        description: text(needs.mentalHealth),
        subject: patient,
        created: iso(version.createdAt),
        author: version.createdBy && name(version.createdBy) ? { display: name(version.createdBy) } : undefined,
        replaces: previous ? [ref(String(previous.id))] : undefined,
        careTeam: latest ? [ref(careTeamId)] : undefined,
        goal: latest ? goalIds.map((id) => ref(id)) : undefined,
        note: notes(
          ["Mental health", needs.mentalHealth],
          ["Physical health", needs.physicalHealth],
          ["Social care", needs.socialCare],
          ["Risks", needs.risks],
          ["Strengths", needs.strengths],
        ),
        activity: [
          ...support.map((s) => ({
            // Who and how often in their own elements, so an import reads back exactly what was written (decision 053).
            detail: { status: "in-progress", description: str(s.what), performer: text(s.who) ? [{ display: str(s.who) }] : undefined, scheduledString: text(s.howOften) },
          })),
          // The crisis plan: what to do if things get worse.
          Object.values(crisis).some((v) => text(v))
            ? {
                detail: {
                  kind: undefined,
                  code: { text: "Crisis and contingency plan" },
                  status: "not-started",
                  description: [
                    ["Early warning signs", crisis.earlyWarningSigns],
                    ["What helps", crisis.whatHelps],
                    ["What has not helped", crisis.whatHasNotHelped],
                    ["Most responsive to", crisis.mostResponsiveTo],
                    ["How to reach them", crisis.howToReachThem],
                    ["Contact in the day", crisis.dayContact],
                    ["Contact at night", crisis.nightContact],
                    ["Treatment preferences", crisis.treatmentPreferences],
                    ["Treatment refused", crisis.treatmentRefusals],
                    ["Dependants", crisis.dependants],
                    ["If support fails", crisis.ifSupportFails],
                  ]
                    .filter(([, v]) => text(v))
                    .map(([label, v]) => `${String(label)}: ${String(v)}`)
                    .join("\n"),
                },
              }
            : undefined,
        ],
      }),
    );
  });

  // Carers, advocates and attorneys, and what the person shares with each (one Consent per grant).
  for (const connection of copy.connections) {
    const role = relatedRole[str(connection.kind)];
    if (!role) continue;
    const relatedId = String(connection.id);
    entries.push(
      compact({
        resourceType: "RelatedPerson",
        id: relatedId,
        meta: { profile: [ukCore("RelatedPerson")] },
        active: !connection.endedAt,
        patient,
        relationship: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code: role.code, display: role.display }], text: str(connection.kind).replace(/_.*/, "") }],
        name: name(connection.accountId) ? [{ text: name(connection.accountId) }] : undefined,
        period: { start: iso(connection.startedAt), end: iso(connection.endedAt) },
      }),
    );
    for (const grant of connection.sharing) {
      const ended = Boolean(grant.withdrawnAt) || (typeof grant.endsAt === "string" && grant.endsAt < copy.madeAt);
      entries.push(
        compact({
          resourceType: "Consent",
          id: String(grant.id),
          meta: { profile: [ukCore("Consent")] },
          status: ended ? "inactive" : "active",
          scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
          category: [{ coding: [{ system: "http://loinc.org", code: "59284-0", display: "Patient Consent" }] }],
          patient,
          dateTime: iso(grant.startsAt),
          performer: grant.grantedBy && name(grant.grantedBy) ? [{ display: name(grant.grantedBy) }] : undefined,
          policyRule: {
            coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: grant.basis === "consent" ? "OPTIN" : "OPTINR" }],
            text: `Basis: ${str(grant.basis)}${text(grant.basisNote) ? ` (${str(grant.basisNote)})` : ""}`,
          },
          provision: {
            type: "permit",
            period: { start: iso(grant.startsAt), end: iso(grant.withdrawnAt) ?? iso(grant.endsAt) },
            actor: [{ role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP", display: "information recipient" }] }, reference: ref(relatedId) }],
            action: [{ text: `portal scope ${str(grant.scope)}` }],
          },
        }),
      );
    }
  }

  // How the person needs information (Accessible Information Standard), as the Reasonable Adjustment flag does.
  const needs = copy.communicationNeeds;
  if (needs && !needs.noNeeds) {
    const items = [
      ...((needs.contactMethods as string[]) ?? []).map((v) => `Contact by: ${v}`),
      ...((needs.formats as string[]) ?? []).map((v) => `Information as: ${v}`),
      ...((needs.support as string[]) ?? []).map((v) => `Communication support: ${v}`),
      ...(text(needs.other) ? [`Other: ${str(needs.other)}`] : []),
    ];
    for (const item of items) {
      entries.push(
        compact({
          resourceType: "Flag",
          id: nameUuid("flag", patientId, item),
          meta: { profile: [ukCore("Flag")] },
          status: "active",
          category: [{ text: "Reasonable adjustment: communication needs" }],
          code: { text: item },
          subject: patient,
          period: { start: iso(needs.updatedAt) },
        }),
      );
    }
  }

  // Interpreter, advocate and format requests, each with the history of what happened.
  for (const request of copy.requests) {
    const requestId = String(request.id);
    const details = (request.details ?? {}) as Record<string, unknown>;
    entries.push(
      compact({
        resourceType: "ServiceRequest",
        id: requestId,
        meta: { profile: [ukCore("ServiceRequest")] },
        status: requestStatus[str(request.status)] ?? "active",
        intent: "proposal",
        code: { text: `Request: ${str(request.kind).replace("_", " ")}` },
        subject: patient,
        authoredOn: iso(request.createdAt),
        requester: request.createdBy && name(request.createdBy) ? { display: name(request.createdBy) } : undefined,
        occurrenceDateTime: iso(request.appointmentAt),
        note: Object.entries(details)
          .filter(([, v]) => v !== null && v !== "" && typeof v !== "object")
          .map(([k, v]) => ({ text: `${k}: ${String(v)}` })),
      }),
    );
    for (const event of request.history) {
      entries.push(
        compact({
          resourceType: "Task",
          id: String(event.id),
          meta: { profile: [ukCore("Task")] },
          status: taskStatus[str(event.status)] ?? "requested",
          intent: "order",
          focus: ref(requestId),
          for: patient,
          authoredOn: iso(event.at),
          lastModified: iso(event.at),
          owner: event.byAccountId && name(event.byAccountId) ? { display: name(event.byAccountId) } : undefined,
          note: notes(["Note", event.note]),
        }),
      );
    }
  }

  // Appointments and reviews (IO-11: UK Core Appointment). The portal keeps a start only; FHIR needs
  // an end for a booked one, so it is an hour later, as in the calendar file.
  for (const appointment of copy.appointments) {
    const start = iso(appointment.startsAt);
    const cancelled = Boolean(appointment.cancelledAt);
    entries.push(
      compact({
        resourceType: "Appointment",
        id: String(appointment.id),
        meta: { profile: [ukCore("Appointment")] },
        status: cancelled ? "cancelled" : "booked",
        cancelationReason: cancelled ? { text: text(appointment.cancelledReason) } : undefined,
        appointmentType: { text: str(appointment.kind) === "review" ? "Review of the care and support plan" : "Appointment" },
        description: text(appointment.purpose),
        start,
        end: start ? new Date(new Date(start).getTime() + 60 * 60 * 1000).toISOString() : undefined,
        created: iso(appointment.createdAt),
        comment: appointment.mode === "in_person" ? `In person: ${str(appointment.place)}` : appointment.mode === "video" ? "Video call" : "Phone call",
        participant: [
          { actor: patient, required: "required", status: "accepted" },
          { actor: { display: str(appointment.withWhom) }, required: "required", status: "accepted" },
        ],
      }),
    );
  }

  // Messages with the care team (decision 055): one Communication per message, each answering the one before.
  for (const thread of copy.messages) {
    let previous: string | undefined;
    for (const message of thread.messages) {
      const fromTeam = message.authorCapacity === "care_team_member_of";
      const author = name(message.authorAccountId);
      entries.push(
        compact({
          resourceType: "Communication",
          id: String(message.id),
          status: "completed",
          subject: patient,
          topic: { text: str(thread.subject) },
          sent: iso(message.createdAt),
          sender: author ? { display: author } : undefined,
          recipient: [fromTeam ? patient : { display: "Care team" }],
          inResponseTo: previous ? [ref(previous)] : undefined,
          payload: [{ contentString: str(message.body) }],
        }),
      );
      previous = String(message.id);
    }
  }

  // Who else has looked at or changed the record (IO-10: UK Core AuditEvent).
  for (const event of copy.accessLog) {
    // A look, opening a message or taking a copy is a read ("R"); anything else changed the record.
    const changed = !readActions.includes(str(event.action));
    entries.push(
      compact({
        resourceType: "AuditEvent",
        id: nameUuid("audit", String(event.id)),
        meta: { profile: [ukCore("AuditEvent")] },
        type: { system: "http://terminology.hl7.org/CodeSystem/audit-event-type", code: "rest", display: "RESTful Operation" },
        action: changed ? "U" : "R",
        recorded: iso(event.at),
        outcome: "0",
        agent: [
          {
            type: { text: str(event.capacity) },
            who: { display: name(event.actorAccountId) ?? (event.capacity === "record_system" ? "The trust's record system" : "The portal") },
            requestor: true,
          },
        ],
        source: { observer: { display: "care-portal" } },
        entity: [{ what: patient, description: [str(event.action), text(event.recordType)].filter(Boolean).join(" ") }],
      }),
    );
  }

  const madeAt = copy.madeAt;
  return {
    resourceType: "Bundle",
    id: nameUuid("bundle", patientId, madeAt),
    meta: { lastUpdated: madeAt },
    type: "collection",
    timestamp: madeAt,
    entry: entries.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
