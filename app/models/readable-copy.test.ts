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
    requests: [],
    decisions: { statements: [], refusals: [], peopleToConsult: [], attorneys: [], nominatedPerson: [], bestInterests: [] },
    connections: [],
    invitations: [],
    accessLog: [],
    ...over,
  };
}

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
