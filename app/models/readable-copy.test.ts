import { describe, expect, it } from "vitest";
import { copyFormat, copyFormatVersion, type RecordCopy } from "./my-data.server";
import { readableCopy } from "./readable-copy.server";

const sam = "11111111-1111-4111-8111-111111111111";
const jo = "22222222-2222-4222-8222-222222222222";
const alex = "33333333-3333-4333-8333-333333333333";

function copyWith(over: Partial<RecordCopy>): RecordCopy {
  return {
    format: copyFormat,
    formatVersion: copyFormatVersion,
    madeAt: "2026-12-04T10:00:00.000Z",
    people: { [jo]: "Jo Okafor", [alex]: "Alex Taylor" },
    person: { id: sam, displayName: "Sam Taylor", planLevel: "lpc" },
    account: null,
    communicationNeeds: null,
    plan: { versions: [], comments: [], careTeam: [], reviews: [], changesOfCare: [], dependants: [] },
    recovery: [],
    goals: [],
    howIAmDoing: [],
    requests: [],
    appointments: [],
    messages: [],
    decisions: { statements: [], refusals: [], peopleToConsult: [], attorneys: [], nominatedPerson: [], bestInterests: [] },
    connections: [],
    invitations: [],
    accessLog: [],
    notifications: null,
    ...over,
  };
}

describe("the readable copy's about you", () => {
  it("shows the NHS number grouped as the NHS writes it, and nothing when the record has none", () => {
    expect(readableCopy(copyWith({ person: { id: sam, displayName: "Sam Taylor", planLevel: "lpc", nhsNumber: "9434765919" } })).nhsNumber).toBe("943 476 5919");
    expect(readableCopy(copyWith({ person: { id: sam, displayName: "Sam Taylor", planLevel: "lpc", nhsNumber: null } })).nhsNumber).toBeNull();
    expect(readableCopy(copyWith({})).nhsNumber).toBeNull();
  });
});

describe("the readable copy's access log", () => {
  it("names people, puts the newest first, leaves out refusals, and sends no ids to the page", () => {
    const shown = readableCopy(
      copyWith({
        accessLog: [
          { id: 1, at: "2026-12-01T09:00:00.000Z", actorAccountId: jo, capacity: "care_team_member_of", serviceUserId: sam, action: "read", recordType: "care_plan", recordId: sam },
          { id: 2, at: "2026-12-02T09:00:00.000Z", actorAccountId: jo, capacity: "staff", serviceUserId: sam, action: "access.refused", recordType: "service_user", recordId: sam },
          { id: 3, at: "2026-12-03T09:00:00.000Z", actorAccountId: alex, capacity: "carer_of", serviceUserId: sam, action: "read", recordType: "goal", recordId: jo },
        ],
        connections: [
          {
            id: "44444444-4444-4444-8444-444444444444",
            accountId: alex,
            serviceUserId: sam,
            kind: "carer_of",
            startedAt: "2026-11-01T09:00:00.000Z",
            endedAt: null,
            sharing: [{ id: "55555555-5555-4555-8555-555555555555", scope: "plan.crisis", startsAt: "2026-11-01T09:00:00.000Z", endsAt: null, withdrawnAt: "2026-11-20T09:00:00.000Z", grantedBy: sam }],
          },
          { id: "66666666-6666-4666-8666-666666666666", accountId: jo, serviceUserId: sam, kind: "care_team_member_of", startedAt: "2026-01-01T00:00:00.000Z", endedAt: null, sharing: [] },
        ],
      }),
    );
    expect(shown.planLevel).toBe("lpc");
    // In the words of "who has looked at my record" (decision 050): a phrase and a role, never a code.
    expect(shown.accessLog).toEqual([
      { at: "2026-12-03T09:00:00.000Z", name: "Alex Taylor", role: "carer", kind: "read", phrase: "goals", basis: null },
      { at: "2026-12-01T09:00:00.000Z", name: "Jo Okafor", role: "careTeam", kind: "read", phrase: "plan", basis: null },
    ]);
    expect(shown.sharing).toEqual([
      {
        name: "Alex Taylor",
        kind: "carer_of",
        startedAt: "2026-11-01T09:00:00.000Z",
        endedAt: null,
        grants: [{ scope: "plan.crisis", startsAt: "2026-11-01T09:00:00.000Z", endsAt: null, withdrawnAt: "2026-11-20T09:00:00.000Z" }],
      },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});

describe("the readable copy's notifications", () => {
  it("has the choices and contact details given, and what was sent, newest first, with no link or id", () => {
    const shown = readableCopy(
      copyWith({
        notifications: {
          settings: { emailEnabled: true, smsEnabled: false, email: "sam.t@example.org", mobile: "+447700900123", updatedAt: "2026-12-01T09:00:00.000Z" },
          sent: [
            { event: "plan_changed", channel: "email", status: "sent", queuedAt: "2026-12-02T09:00:00.000Z", sentAt: "2026-12-02T09:00:05.000Z" },
            { event: "new_message", channel: "letter", status: "letter", queuedAt: "2026-12-03T09:00:00.000Z", sentAt: null },
          ],
        },
      }),
    );
    expect(shown.notifications).toEqual({
      settings: { emailEnabled: true, smsEnabled: false, email: "sam.t@example.org", mobile: "+447700900123" },
      sent: [
        { event: "new_message", channel: "letter", status: "letter", at: "2026-12-03T09:00:00.000Z" },
        { event: "plan_changed", channel: "email", status: "sent", at: "2026-12-02T09:00:05.000Z" },
      ],
    });
    expect(readableCopy(copyWith({})).notifications).toBeNull();
  });
});
