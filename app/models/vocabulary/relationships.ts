/**
 * Names shared by the server and the pages (safe to ship to the browser: constants only).
 * The rules that use them live in access.server.ts and invitation.server.ts.
 */

export const relationshipKinds = [
  "service_user",
  "carer_of",
  "advocate_for",
  "attorney_for",
  "care_team_member_of",
] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

/** What a service user (or staff, with a recorded basis) can share with a carer, advocate or attorney. */
export const scopes = [
  "plan.summary",
  "plan.crisis",
  "plan.care_team",
  "plan.full",
  "goals.read",
  "goals.write",
  "recovery.read",
  "appointments.read",
  "requests.create",
  // Writing to the care team in the person's messages, and reading the team's answers (decision 055).
  "messages",
  "act_on_behalf",
] as const;
export type Scope = (typeof scopes)[number];

export const invitableKinds = ["service_user", "carer_of", "advocate_for"] as const;
export type InvitableKind = (typeof invitableKinds)[number];

/** The basis on which something is shared: the person's consent, or a recorded legal basis. */
export const grantBases = ["consent", "best_interests", "lasting_power_of_attorney"] as const;
export type GrantBasis = (typeof grantBases)[number];

/**
 * The bases staff may record when they share something for a person: a legal basis, never the
 * person's consent (only the person gives that, on their own sharing page).
 */
export const staffGrantBases = ["best_interests", "lasting_power_of_attorney"] as const satisfies readonly GrantBasis[];
export type StaffGrantBasis = (typeof staffGrantBases)[number];

/**
 * What a person can choose to share with each carer or advocate, in the order the page asks.
 * Nothing is ticked by default. Acting on someone's behalf is recorded separately.
 */
export const shareableScopes = [
  "plan.crisis",
  "plan.care_team",
  "goals.read",
  "recovery.read",
  "appointments.read",
  "plan.full",
  "messages",
] as const;
export type ShareableScope = (typeof shareableScopes)[number];

export const supporterKinds = ["carer_of", "advocate_for", "attorney_for"] as const;
export type SupporterKind = (typeof supporterKinds)[number];
