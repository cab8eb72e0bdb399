import { describe, expect, it } from "vitest";
import { actions, can, capacityFor, onBehalfCapacity, ownServiceUserId, scopes, type Action, type Actor, type RelationshipKind, type Scope } from "./access.server";

const SAM = "sam-record";
const MAYA = "maya-record";

function actor(kind: RelationshipKind | null, grants: Scope[] = [], isStaff = false): Actor {
  return {
    accountId: "someone",
    isStaff,
    relationships: kind ? [{ kind, serviceUserId: SAM, scopes: grants }] : [],
  };
}

// What each relationship may do to Sam's record with no grants at all.
const expected: Record<string, readonly Action[]> = {
  service_user: [
    "record.view", "plan.read", "plan.crisis.read", "plan.care_team.read", "goals.read", "goals.write",
    "recovery.read", "recovery.write", "appointments.read", "appointments.request", "requests.create", "sharing.manage", "accessLog.read",
    "plan.comment", "requests.read", "decisions.read", "decisions.write", "record.copy",
    "messages.read", "messages.start", "messages.write", "howIAmDoing.read", "howIAmDoing.write",
  ],
  care_team_member_of: [
    "record.view", "plan.read", "plan.crisis.read", "plan.care_team.read", "plan.write", "goals.read",
    "goals.suggest", "recovery.read", "appointments.read", "appointments.write", "requests.create", "invitation.create", "carers.support",
    "requests.read", "requests.manage", "decisions.read", "decisions.manage", "attention.manage", "accessLog.read",
    "messages.read", "messages.write", "messages.manage",
    // The team reads the person's ratings; only the person, or someone acting for them, enters them.
    "howIAmDoing.read",
    "carers.link",
    "notifications.manage",
  ],
  carer_of: ["record.view", "team.tell"],
  advocate_for: ["record.view"],
  attorney_for: ["record.view", "decisions.read"],
  none: [],
};

describe("can: relationship × action, no grants", () => {
  for (const [kind, allowed] of Object.entries(expected)) {
    for (const action of actions) {
      const should = allowed.includes(action);
      it(`${kind} ${should ? "may" : "may not"} ${action}`, () => {
        const a = actor(kind === "none" ? null : (kind as RelationshipKind));
        expect(can(a, action, { serviceUserId: SAM })).toBe(should);
      });
    }
  }
});

// What each single grant adds for a carer (and the same for advocates and attorneys).
const byScope: Record<Scope, readonly Action[]> = {
  "plan.summary": ["plan.read"],
  "plan.crisis": ["plan.crisis.read"],
  "plan.care_team": ["plan.care_team.read"],
  "plan.full": ["plan.read", "plan.crisis.read", "plan.care_team.read"],
  "goals.read": ["goals.read"],
  "goals.write": ["goals.read", "goals.write"],
  "recovery.read": ["recovery.read"],
  "appointments.read": ["appointments.read"],
  "requests.create": ["requests.create", "requests.read"],
  messages: ["messages.read", "messages.start", "messages.write"],
  act_on_behalf: [
    "act_on_behalf", "goals.read", "goals.write", "recovery.read", "recovery.write", "requests.create", "requests.read",
    "decisions.read", "decisions.write", "appointments.read", "appointments.request", "accessLog.read", "howIAmDoing.read", "howIAmDoing.write",
  ],
};

describe("can: carer, advocate and attorney × scope × action", () => {
  for (const kind of ["carer_of", "advocate_for", "attorney_for"] as const) {
    for (const scope of scopes) {
      for (const action of actions) {
        const should =
          action === "record.view" ||
          (action === "team.tell" && kind === "carer_of") ||
          (action === "decisions.read" && kind === "attorney_for") ||
          // Acting on behalf is never a carer's: the grant gives a carer nothing.
          (byScope[scope].includes(action) && !(kind === "carer_of" && scope === "act_on_behalf"));
        it(`${kind} with ${scope} ${should ? "may" : "may not"} ${action}`, () => {
          expect(can(actor(kind, [scope]), action, { serviceUserId: SAM })).toBe(should);
        });
      }
    }
  }
});

describe("can: how I am doing is never shared with a carer (decision 058)", () => {
  it("gives a carer with every scope neither reading nor writing the ratings", () => {
    for (const action of ["howIAmDoing.read", "howIAmDoing.write"] as const) expect(can(actor("carer_of", [...scopes]), action, { serviceUserId: SAM })).toBe(false);
  });
});

describe("can: someone else's record", () => {
  it.each(Object.keys(expected).filter((k) => k !== "none"))("%s of Sam may do nothing to Maya's record", (kind) => {
    const a = actor(kind as RelationshipKind, [...scopes], true);
    for (const action of actions) expect(can(a, action, { serviceUserId: MAYA })).toBe(false);
  });
});

describe("onBehalfCapacity", () => {
  it.each([
    ["advocate_for", ["act_on_behalf"], "advocate_for"],
    ["attorney_for", ["act_on_behalf"], "attorney_for"],
    ["advocate_for", ["goals.write"], null],
    ["carer_of", ["act_on_behalf"], null],
    ["service_user", [], null],
    ["care_team_member_of", [], null],
  ] as const)("%s with %j writes on behalf as %s", (kind, grants, capacity) => {
    expect(onBehalfCapacity(actor(kind, [...grants]), SAM)).toBe(capacity);
  });
  it("is null on someone else's record", () => {
    expect(onBehalfCapacity(actor("advocate_for", ["act_on_behalf"]), MAYA)).toBeNull();
  });
});

describe("can: the organisation", () => {
  it("lets staff invite someone new", () => {
    expect(can(actor(null, [], true), "invitation.create", { organisation: true })).toBe(true);
  });
  it("lets staff, and only staff, see a caseload", () => {
    expect(can(actor(null, [], true), "caseload.view", { organisation: true })).toBe(true);
    expect(can(actor("service_user"), "caseload.view", { organisation: true })).toBe(false);
  });
  it("does not let anyone else invite someone new", () => {
    expect(can(actor("service_user"), "invitation.create", { organisation: true })).toBe(false);
    expect(can(actor("carer_of", [...scopes]), "invitation.create", { organisation: true })).toBe(false);
  });
  it("lets staff, and only staff, see the queue of carers who signed up on their own", () => {
    expect(can(actor(null, [], true), "carers.queue", { organisation: true })).toBe(true);
    expect(can(actor("carer_of", [...scopes]), "carers.queue", { organisation: true })).toBe(false);
    expect(can({ ...actor(null), carerSignedUp: true }, "carers.queue", { organisation: true })).toBe(false);
    expect(can({ ...actor(null), isAdmin: true }, "carers.queue", { organisation: true })).toBe(false);
  });
  it("gives a carer who signed up on their own nothing on anyone's record", () => {
    for (const action of actions) expect(can({ ...actor(null), carerSignedUp: true }, action, { serviceUserId: SAM })).toBe(false);
  });
  it("allows nothing else on the organisation", () => {
    expect(can(actor(null, [], true), "plan.read", { organisation: true })).toBe(false);
  });
  it("lets admins, and only admins, manage accounts", () => {
    const admin: Actor = { ...actor(null), isAdmin: true };
    expect(can(admin, "accounts.manage", { organisation: true })).toBe(true);
    expect(can(actor(null, [], true), "accounts.manage", { organisation: true })).toBe(false);
    expect(can(actor("service_user"), "accounts.manage", { organisation: true })).toBe(false);
  });
  it("gives an admin nothing else: no caseload, no invitations, no one's record but its access log (decision 050)", () => {
    const admin: Actor = { ...actor(null), isAdmin: true };
    expect(can(admin, "caseload.view", { organisation: true })).toBe(false);
    expect(can(admin, "invitation.create", { organisation: true })).toBe(false);
    for (const action of actions) expect(can(admin, action, { serviceUserId: SAM })).toBe(action === "accessLog.read");
  });
});

describe("capacityFor", () => {
  it("prefers the strongest relationship", () => {
    const a: Actor = {
      accountId: "x",
      isStaff: true,
      relationships: [
        { kind: "carer_of", serviceUserId: SAM, scopes: [] },
        { kind: "care_team_member_of", serviceUserId: SAM, scopes: [] },
      ],
    };
    expect(capacityFor(a, SAM)).toBe("care_team_member_of");
    expect(capacityFor(a, MAYA)).toBe("staff");
    expect(capacityFor(actor(null), MAYA)).toBe("none");
  });
});

describe("ownServiceUserId", () => {
  it("is the person's own record when they may do this on it", () => {
    expect(ownServiceUserId(actor("service_user"), "plan.crisis.read")).toBe(SAM);
    expect(ownServiceUserId(actor("service_user"), "requests.create")).toBe(SAM);
  });

  it("is null for what the person may not do on their own record", () => {
    expect(ownServiceUserId(actor("service_user"), "plan.write")).toBeNull();
  });

  it("is null for a carer, advocate, attorney or care team member, whatever they may do", () => {
    expect(ownServiceUserId(actor("carer_of", ["plan.full"]), "plan.crisis.read")).toBeNull();
    expect(ownServiceUserId(actor("advocate_for", ["requests.create"]), "requests.create")).toBeNull();
    expect(ownServiceUserId(actor("attorney_for", ["act_on_behalf"]), "requests.create")).toBeNull();
    expect(ownServiceUserId(actor("care_team_member_of", [], true), "plan.crisis.read")).toBeNull();
    expect(ownServiceUserId(actor(null), "record.view")).toBeNull();
  });

  it("picks the person's own record, not one they care for", () => {
    const both: Actor = {
      accountId: "x",
      isStaff: false,
      relationships: [
        { kind: "carer_of", serviceUserId: MAYA, scopes: ["plan.full"] },
        { kind: "service_user", serviceUserId: SAM, scopes: [] },
      ],
    };
    expect(ownServiceUserId(both, "plan.crisis.read")).toBe(SAM);
  });
});
