import type { PlanContent } from "#db/schema/index";
import type { LanguageEntry } from "#db/schema/communication";
import { accessLogEntryOf } from "./access-log.server";
import { enteredByNamed } from "./entered-by.server";
import type { RecordCopy } from "./my-data.server";

/**
 * The readable copy (SE-16, decision 052): the same copy as the JSON file, shaped for one page a
 * person can read and print. Only what the page shows goes to the browser: no ids, no technical
 * columns; account ids become names from the copy's `people` map.
 */

type Row = Record<string, unknown>;

const str = (row: Row, key: string): string => (typeof row[key] === "string" ? (row[key] as string) : "");
const strOrNull = (row: Row, key: string): string | null => (typeof row[key] === "string" && row[key] ? (row[key] as string) : null);
const num = (row: Row, key: string): number | null => (typeof row[key] === "number" ? (row[key] as number) : null);
const strings = (row: Row, key: string): string[] => (Array.isArray(row[key]) ? (row[key] as unknown[]).filter((v): v is string => typeof v === "string") : []);

export function readableCopy(copy: RecordCopy) {
  const name = (id: unknown): string | null => (typeof id === "string" ? (copy.people[id] ?? null) : null);
  const coordinators = new Set(
    copy.connections.filter((c) => c.kind === "care_team_member_of" && c.teamRole === "care_coordinator").map((c) => str(c, "accountId")),
  );
  const versions = copy.plan.versions;
  const current = versions.at(-1);
  const content = current ? (current.content as PlanContent) : null;
  const needs = copy.communicationNeeds;
  const statements = (kind: string) =>
    copy.decisions.statements
      .filter((s) => s.kind === kind)
      .map((s) => ({ version: num(s, "version") ?? 0, writtenAt: str(s, "createdAt"), parts: (s.parts ?? {}) as Record<string, string> }))
      .reverse();
  const adrt = copy.decisions.refusals[0];

  return {
    madeAt: copy.madeAt,
    name: str(copy.person, "displayName"),
    // Grouped 3 3 4, as the NHS writes it ("943 476 5919").
    nhsNumber: strOrNull(copy.person, "nhsNumber")?.replace(/^(\d{3})(\d{3})(\d{4})$/, "$1 $2 $3") ?? null,
    planLevel: str(copy.person, "planLevel") === "lpc" ? ("lpc" as const) : ("cpa" as const),
    plan: content
      ? {
          version: num(current!, "version") ?? 0,
          changedAt: str(current!, "createdAt"),
          needs: content.needs,
          support: content.support,
          crisis: content.crisis,
          advanceStatement: content.wishes?.advanceStatement ?? "",
        }
      : null,
    dependants: copy.plan.dependants.map((d) => ({ name: str(d, "name"), age: num(d, "age"), whoLooksAfter: str(d, "whoLooksAfter") })),
    versions: versions
      .map((v) => ({
        version: num(v, "version") ?? 0,
        createdAt: str(v, "createdAt"),
        by: name(v.createdBy),
        changed: strings(v, "changedSections"),
        comments: copy.plan.comments
          .filter((c) => c.versionId === v.id)
          .map((c) => ({ at: str(c, "createdAt"), agreement: str(c, "agreement"), comment: str(c, "comment"), by: name(c.accountId) })),
      }))
      .reverse(),
    careTeam: [...copy.plan.careTeam]
      .sort((a, b) => Number(b.isCoordinator) - Number(a.isCoordinator) || (num(a, "position") ?? 0) - (num(b, "position") ?? 0))
      .map((m) => ({
        name: str(m, "name"),
        role: str(m, "role"),
        organisation: str(m, "organisation"),
        agency: str(m, "agency"),
        contact: str(m, "contact"),
        whenToContact: str(m, "whenToContact"),
        isCoordinator: m.isCoordinator === true,
      })),
    reviews: copy.plan.reviews
      .map((r) => ({ heldOn: str(r, "heldOn"), attendees: str(r, "attendees"), summary: str(r, "summary"), nextReviewOn: str(r, "nextReviewOn") }))
      .reverse(),
    changes: copy.plan.changesOfCare
      .map((c) => ({ effectiveOn: str(c, "effectiveOn"), kind: str(c, "kind"), fromValue: str(c, "fromValue"), toValue: str(c, "toValue"), reason: str(c, "reason") }))
      .reverse(),
    recovery: copy.recovery.map((r) => ({ version: num(r, "version") ?? 0, body: str(r, "body"), writtenAt: str(r, "createdAt"), by: name(r.writtenBy) })).reverse(),
    goals: copy.goals.map((g) => ({
      what: str(g, "what"),
      why: str(g, "why"),
      firstStep: str(g, "firstStep"),
      whoCanHelp: str(g, "whoCanHelp"),
      targetDate: strOrNull(g, "targetDate"),
      status: str(g, "status"),
      createdAt: str(g, "createdAt"),
      progress: g.progress.map((p) => ({ at: str(p, "recordedAt"), rating: num(p, "rating") ?? 0, note: str(p, "note") })).reverse(),
    })),
    // "How I am doing": each time with its ratings by area, and who entered it if not the person.
    howIAmDoing: copy.howIAmDoing.map((d) => ({
      recordedAt: str(d, "recordedAt"),
      enteredBy: enteredByNamed(strOrNull(d, "enteredAs"), name(d.recordedBy)),
      answers: Object.fromEntries(d.ratings.map((r) => [str(r, "area"), { rating: num(r, "rating") ?? 0, moreHelp: r.moreHelp === true }])),
    })),
    requests: copy.requests.map((r) => ({
      kind: str(r, "kind"),
      details: (r.details ?? {}) as Record<string, unknown>,
      createdAt: str(r, "createdAt"),
      status: str(r, "status"),
      history: r.history.map((h) => ({ at: str(h, "at"), status: str(h, "status"), note: str(h, "note"), by: name(h.byAccountId) })),
    })),
    // Soonest first, as the appointments page shows the upcoming ones.
    appointments: copy.appointments.map((a) => ({
      kind: str(a, "kind"),
      startsAt: str(a, "startsAt"),
      mode: str(a, "mode"),
      place: str(a, "place"),
      withWhom: str(a, "withWhom"),
      purpose: str(a, "purpose"),
      cancelledAt: strOrNull(a, "cancelledAt"),
      cancelledReason: str(a, "cancelledReason"),
    })),
    // Messages with the care team (decision 055), oldest thread first, each message with who wrote it.
    messages: copy.messages.map((t) => ({
      subject: str(t, "subject"),
      startedAt: str(t, "createdAt"),
      messages: t.messages.map((m) => ({ at: str(m, "createdAt"), by: name(m.authorAccountId), body: str(m, "body") })),
    })),
    communication: needs
      ? {
          contactMethods: strings(needs, "contactMethods"),
          formats: strings(needs, "formats"),
          attachmentFormat: str(needs, "attachmentFormat"),
          support: strings(needs, "support"),
          other: str(needs, "other"),
          languages: (Array.isArray(needs.languages) ? needs.languages : []) as LanguageEntry[],
          reviewedAt: str(needs, "reviewedAt"),
        }
      : null,
    decisions: {
      wishes: statements("wishes"),
      advance: statements("advance"),
      adrt: adrt ? { exists: adrt.exists === true, whereKept: str(adrt, "whereKept"), seenOn: strOrNull(adrt, "seenOn") } : null,
      consult: copy.decisions.peopleToConsult.map((c) => ({
        name: str(c, "name"),
        relationship: str(c, "relationship"),
        contact: str(c, "contact"),
        scopes: strings(c, "scopes"),
        scopeOther: str(c, "scopeOther"),
      })),
      attorneys: copy.decisions.attorneys.map((a) => ({
        kind: str(a, "kind"),
        names: str(a, "names"),
        covers: str(a, "covers"),
        lifeSustaining: str(a, "lifeSustaining"),
        opgReference: str(a, "opgReference"),
        checkedOn: strOrNull(a, "registrationCheckedOn"),
      })),
      nominated: copy.decisions.nominatedPerson.map((n) => ({ name: str(n, "name"), contact: str(n, "contact") })),
      bestInterests: copy.decisions.bestInterests.map((b) => ({
        decision: str(b, "decision"),
        decidedOn: str(b, "decidedOn"),
        consulted: str(b, "consulted"),
        lessRestrictive: str(b, "lessRestrictive"),
        outcome: str(b, "outcome"),
      })),
    },
    // Carers, advocates and attorneys: the people the person shares with (the care team is listed above).
    sharing: copy.connections
      .filter((c) => c.kind === "carer_of" || c.kind === "advocate_for" || c.kind === "attorney_for")
      .map((c) => ({
        name: name(c.accountId) ?? "",
        kind: c.kind as "carer_of" | "advocate_for" | "attorney_for",
        startedAt: str(c, "startedAt"),
        endedAt: strOrNull(c, "endedAt"),
        grants: c.sharing.map((g) => ({ scope: str(g, "scope"), startsAt: str(g, "startsAt"), endsAt: strOrNull(g, "endsAt"), withdrawnAt: strOrNull(g, "withdrawnAt") })),
      })),
    // How the person chose to hear about changes, and what was sent, newest first (decision 057).
    notifications: copy.notifications
      ? {
          settings: copy.notifications.settings
            ? {
                emailEnabled: copy.notifications.settings.emailEnabled,
                smsEnabled: copy.notifications.settings.smsEnabled,
                email: copy.notifications.settings.email,
                mobile: copy.notifications.settings.mobile,
              }
            : null,
          sent: [...copy.notifications.sent].reverse().map((n) => ({ event: n.event, channel: n.channel, status: n.status, at: n.sentAt ?? n.queuedAt })),
        }
      : null,
    // The same words as "who has looked at my record" (decision 050), newest first.
    accessLog: copy.accessLog
      .filter((e) => e.action !== "access.refused")
      .map((e) => {
        const { id: _id, ...entry } = accessLogEntryOf({
          id: num(e, "id") ?? 0,
          at: str(e, "at"),
          name: name(e.actorAccountId) ?? "",
          capacity: str(e, "capacity"),
          basis: strOrNull(e, "basis"),
          action: str(e, "action"),
          recordType: strOrNull(e, "recordType"),
          part: strOrNull(e, "part"),
          coordinator: coordinators.has(str(e, "actorAccountId")),
        });
        return entry;
      })
      .reverse(),
  };
}

export type ReadableCopy = ReturnType<typeof readableCopy>;
