/**
 * The one place that decides who may see or do what. Pure: no database, no clock.
 * Callers load the actor's active relationships and grants (see auth.server.ts) and
 * ask `can(actor, action, subject)`. Tested as a table in access.server.test.ts.
 */

import type { RelationshipKind, Scope } from "./vocabulary/relationships";

export { relationshipKinds, scopes, type RelationshipKind, type Scope } from "./vocabulary/relationships";
import { NotFoundError } from "./core.server";
export { ConflictError, NotFoundError } from "./core.server";

export const actions = [
  "record.view",
  "plan.read",
  "plan.crisis.read",
  "plan.care_team.read",
  "plan.write",
  "goals.read",
  "goals.write",
  "goals.suggest",
  "recovery.read",
  "recovery.write",
  "appointments.read",
  // Record, change and cancel the person's appointments: their care team (issue 19).
  "appointments.write",
  // Ask the team to change or cancel an appointment: the person, or someone acting for them.
  "appointments.request",
  "requests.create",
  "sharing.manage",
  // "Who has looked at my record" (decision 050): the person, an advocate or attorney acting for
  // them, their care team, and the admin role.
  "accessLog.read",
  "act_on_behalf",
  "invitation.create",
  "caseload.view",
  "plan.comment",
  "team.tell",
  "carers.support",
  "requests.read",
  "requests.manage",
  "decisions.read",
  "decisions.write",
  "decisions.manage",
  "attention.manage",
  // The trust's accounts: list, invite staff and admins, disable, enable, issue reset links (admins only).
  "accounts.manage",
  // A copy of everything the portal holds about one's record (SE-16): the person themselves only.
  "record.copy",
  // Messages with the care team (decision 055): read the threads one may see, start one, write in
  // one, and (the team) assign a thread to a colleague or mark it done.
  "messages.read",
  "messages.start",
  "messages.write",
  "messages.manage",
  // "How I am doing" (CP-14): the person's DIALOG ratings. Read by the care team; never a shareable scope (decision 058).
  "howIAmDoing.read",
  "howIAmDoing.write",
  // Carers who signed up on their own (decision 060): the staff queue of them and their notes
  // (trust staff), and linking one to a person on the caseload (that person's care team).
  "carers.queue",
  "carers.link",
  // The outbox about the person (decision 057): mark a letter to them as posted, send a failed message again.
  "notifications.manage",
] as const;
export type Action = (typeof actions)[number];

export interface ActorRelationship {
  kind: RelationshipKind;
  serviceUserId: string;
  /** Active grants only (started, not ended, not withdrawn). Empty for service_user and care team. */
  scopes: readonly Scope[];
}

export interface Actor {
  accountId: string;
  isStaff: boolean;
  /** Runs the portal's accounts (decision 045); sees no one's record by being one. */
  isAdmin?: boolean;
  relationships: readonly ActorRelationship[];
  /** Signed up on their own as a carer (decision 060): the carer pages that need nothing shared. */
  carerSignedUp?: boolean;
}

/** A service user's record, or (for invitations to someone new) the organisation itself. */
export type Subject = { serviceUserId: string } | { organisation: true };

const ownRecordActions: readonly Action[] = [
  "record.view",
  "plan.read",
  "plan.crisis.read",
  "plan.care_team.read",
  "goals.read",
  "goals.write",
  "recovery.read",
  "recovery.write",
  "appointments.read",
  "appointments.request",
  "requests.create",
  "sharing.manage",
  "accessLog.read",
  "plan.comment",
  "requests.read",
  "decisions.read",
  "decisions.write",
  "record.copy",
  "messages.read",
  "messages.start",
  "messages.write",
  "howIAmDoing.read",
  "howIAmDoing.write",
];

const careTeamActions: readonly Action[] = [
  "record.view",
  "plan.read",
  "plan.crisis.read",
  "plan.care_team.read",
  "plan.write",
  "goals.read",
  "goals.suggest",
  "recovery.read",
  "appointments.read",
  "appointments.write",
  "requests.create",
  "invitation.create",
  "carers.support",
  "carers.link",
  "requests.read",
  "requests.manage",
  "decisions.read",
  "decisions.manage",
  // What needs the team's attention about the person, and marking it done.
  "attention.manage",
  "accessLog.read",
  // The team answers messages; only the person and those they let write start a thread.
  "messages.read",
  "messages.write",
  "messages.manage",
  // The person's own ratings, especially the latest before a review; only the person (or someone acting for them) enters them.
  "howIAmDoing.read",
  // Letters the team posts to the person or their carers, and a message that failed, sent again by hand.
  "notifications.manage",
];

/** What each shared scope lets a carer, advocate or attorney do. */
const scopeActions: Record<Scope, readonly Action[]> = {
  "plan.summary": ["plan.read"],
  "plan.crisis": ["plan.crisis.read"],
  "plan.care_team": ["plan.care_team.read"],
  "plan.full": ["plan.read", "plan.crisis.read", "plan.care_team.read"],
  "goals.read": ["goals.read"],
  "goals.write": ["goals.read", "goals.write"],
  "recovery.read": ["recovery.read"],
  "appointments.read": ["appointments.read"],
  "requests.create": ["requests.create", "requests.read"],
  // A carer or advocate writes to the team and reads the answers: in the threads they started only.
  "messages": ["messages.read", "messages.start", "messages.write"],
  // Filling in the person's forms for them: only for an advocate or attorney (see below).
  "act_on_behalf": [
    "act_on_behalf",
    "goals.read",
    "goals.write",
    "recovery.read",
    "recovery.write",
    "requests.create",
    "requests.read",
    "decisions.read",
    "decisions.write",
    // Asking to change or cancel an appointment for the person, so seeing them too (issue 19).
    "appointments.read",
    "appointments.request",
    // Someone who acts for the person may see who has looked at their record for them.
    "accessLog.read",
    "howIAmDoing.read",
    "howIAmDoing.write",
  ],
};

function relationshipAllows(rel: ActorRelationship, action: Action): boolean {
  switch (rel.kind) {
    case "service_user":
      return ownRecordActions.includes(action);
    case "care_team_member_of":
      return careTeamActions.includes(action);
    case "carer_of":
    case "advocate_for":
    case "attorney_for":
      // Any active relationship lets the person see whose record it is and what is shared.
      if (action === "record.view") return true;
      // A carer can always tell the team something, whatever is shared (CR-05).
      if (action === "team.tell") return rel.kind === "carer_of";
      // An attorney may see decisions made in the person's best interests (MC-06).
      if (action === "decisions.read" && rel.kind === "attorney_for") return true;
      return rel.scopes.some(
        // Acting on someone's behalf is an advocate's or attorney's role, never a carer's.
        (scope) => (scope !== "act_on_behalf" || rel.kind !== "carer_of") && scopeActions[scope].includes(action),
      );
  }
}

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  if ("organisation" in subject) {
    // Running the portal's accounts: admins only, and nothing else comes with it (decision 045).
    if (action === "accounts.manage") return actor.isAdmin === true;
    // Inviting someone new to the service, or seeing one's own caseload: trust staff only.
    return (action === "invitation.create" || action === "caseload.view" || action === "carers.queue") && actor.isStaff;
  }
  // The admin role sees every person's access log (and nothing else of their record), decision 050.
  if (action === "accessLog.read" && actor.isAdmin === true) return true;
  return actor.relationships.some(
    (rel) => rel.serviceUserId === subject.serviceUserId && relationshipAllows(rel, action),
  );
}

/**
 * When an advocate or attorney writes in someone's record on their behalf, the capacity to show
 * beside the entry ("entered by Priya Shah (advocate) on behalf of Sam Taylor"). Null otherwise.
 */
export function onBehalfCapacity(actor: Actor, serviceUserId: string): "advocate_for" | "attorney_for" | null {
  const capacity = capacityFor(actor, serviceUserId);
  if ((capacity === "advocate_for" || capacity === "attorney_for") && can(actor, "act_on_behalf", { serviceUserId })) return capacity;
  return null;
}

/** The capacity in which the actor touches this record, for the audit log. */
export function capacityFor(actor: Actor, serviceUserId: string): RelationshipKind | "staff" | "none" {
  const kinds = actor.relationships.filter((r) => r.serviceUserId === serviceUserId).map((r) => r.kind);
  const order: RelationshipKind[] = ["service_user", "care_team_member_of", "attorney_for", "advocate_for", "carer_of"];
  return order.find((k) => kinds.includes(k)) ?? (actor.isStaff ? "staff" : "none");
}

/** The records an actor can open, one entry per service user. */
export function visibleServiceUserIds(actor: Actor): string[] {
  return [...new Set(actor.relationships.map((r) => r.serviceUserId))].filter((id) =>
    can(actor, "record.view", { serviceUserId: id }),
  );
}

/**
 * The actor's own record (their service_user relationship) if they may do this on it; null when
 * they have no record of their own, or may not. Carers, advocates and staff get null here.
 */
export function ownServiceUserId(actor: Actor, action: Action): string | null {
  const own = actor.relationships.find((r) => r.kind === "service_user" && can(actor, action, { serviceUserId: r.serviceUserId }));
  return own?.serviceUserId ?? null;
}

/** Throw NotFoundError unless the actor may do this: the same answer as "no such record". */
export function ensure(actor: Actor, action: Action, serviceUserId: string): void {
  if (!can(actor, action, { serviceUserId })) throw new NotFoundError();
}
