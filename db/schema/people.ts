import {
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { relationshipKinds } from "../../app/models/vocabulary/relationships";

export const planLevel = pgEnum("plan_level", ["cpa", "lpc"]);

/** The person whose care is planned. May exist before they have an account (invitation not yet accepted). */
export const serviceUsers = pgTable("service_users", {
  id: uuid("id").primaryKey().defaultRandom(),
  displayName: text("display_name").notNull(),
  // The NHS number (10 digits), when the trust's record system sent it (decision 064). NHS login's
  // first link to this record must bring the same number. Unique: one number, one record.
  nhsNumber: text("nhs_number").unique(),
  planLevel: planLevel("plan_level").notNull().default("cpa"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The kinds are listed once, in app/models/vocabulary/relationships.ts (constants the pages share). */
export const relationshipKind = pgEnum("relationship_kind", relationshipKinds);

/** Who an account is to a service user. Access flows from these, never from a global role. */
export const relationships = pgTable(
  "relationships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    kind: relationshipKind("kind").notNull(),
    // For care team members: care_coordinator, lead_professional, key_worker, member.
    teamRole: text("team_role"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // Each change to what this supporter can see or do adds one (taken under this row's lock):
    // the sharing page's forms carry it, so one choice never silently replaces another.
    sharingVersion: integer("sharing_version").notNull().default(1),
  },
  (t) => [
    index("relationships_account_idx").on(t.accountId),
    index("relationships_service_user_idx").on(t.serviceUserId),
  ],
);

/**
 * What a carer, advocate or attorney may see or do. Nothing is granted by default; each grant
 * records who gave it, on what basis, and may end or be withdrawn (effective on the next request).
 */
export const sharingGrants = pgTable(
  "sharing_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    basis: text("basis").notNull(),
    // For a grant staff record without consent: the decision it covers, in their words.
    basisNote: text("basis_note"),
    grantedBy: uuid("granted_by").references(() => accounts.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => accounts.id),
  },
  (t) => [index("sharing_grants_relationship_idx").on(t.relationshipId)],
);

/** How an account starts: staff invite a service user, or a carer or advocate linked to one. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    kind: relationshipKind("kind").notNull(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    // Scopes granted when a carer or advocate accepts, and the basis recorded by staff.
    scopes: text("scopes").array().notNull().default([]),
    basis: text("basis"),
    // When the person chose an end date for what they share, the grants end then.
    grantEndsAt: timestamp("grant_ends_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => accounts.id),
  },
  (t) => [index("invitations_service_user_idx").on(t.serviceUserId)],
);
