import { describe, expect, it } from "vitest";
import home from "../../locales/en-GB/home.json";
import { copyFormat, copyFormatVersion, type RecordCopy } from "./my-data.server";
import { accessLogCapacities, accessLogRecordKinds, describeAccess, readableCopy } from "./readable-copy.server";

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
  it("turns codes into the page's words, with a plain fallback for codes it does not know", () => {
    expect(describeAccess("read", "care_plan", "care_team_member_of")).toEqual({ did: "read", what: "plan", as: "care_team_member_of" });
    expect(describeAccess("goal.progress", "goal", "advocate_for")).toEqual({ did: "change", what: "goals", as: "advocate_for" });
    expect(describeAccess("copy", "record_copy", "none")).toEqual({ did: "copy", what: "record", as: "staff" });
    expect(describeAccess("something.new", "a_new_table", "someone_new")).toEqual({ did: "change", what: "record", as: "staff" });
  });

  it("has words in en-GB for every kind of record, capacity and action it can name", () => {
    const words = home.copy.readable;
    for (const what of [...Object.values(accessLogRecordKinds), "record"]) expect(words.what, what).toHaveProperty(what);
    for (const as of accessLogCapacities) expect(words.as, as).toHaveProperty(as);
    for (const did of ["read", "copy", "change"]) expect(words.did, did).toHaveProperty(did);
  });

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
    expect(shown.accessLog).toEqual([
      { at: "2026-12-03T09:00:00.000Z", name: "Alex Taylor", did: "read", what: "goals", as: "carer_of" },
      { at: "2026-12-01T09:00:00.000Z", name: "Jo Okafor", did: "read", what: "plan", as: "care_team_member_of" },
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
