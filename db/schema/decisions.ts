import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/** "wishes": my wishes, feelings, beliefs and values (MC-03); "advance": my advance statement (MC-07). */
export const statementKinds = ["wishes", "advance"] as const;
export type StatementKind = (typeof statementKinds)[number];

/**
 * The person's own written statements, each save a new version (earlier ones kept). The parts
 * are named texts: { body } for wishes; { wanted, notWanted, contact, practical } for an advance statement.
 */
export const personalStatements = pgTable(
  "personal_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<StatementKind>().notNull(),
    version: integer("version").notNull(),
    parts: jsonb("parts").$type<Record<string, string>>().notNull(),
    writtenBy: uuid("written_by").references(() => accounts.id),
    // Set when an advocate or attorney wrote it on the person's behalf.
    enteredAs: text("entered_as"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("personal_statements_version_idx").on(t.serviceUserId, t.kind, t.version)],
);

/** Staff record that an advance decision to refuse treatment exists (the document itself is kept elsewhere). */
export const advanceDecisions = pgTable("advance_decisions", {
  serviceUserId: uuid("service_user_id")
    .primaryKey()
    .references(() => serviceUsers.id, { onDelete: "cascade" }),
  exists: boolean("exists").notNull(),
  whereKept: text("where_kept").notNull().default(""),
  seenOn: date("seen_on"),
  recordedBy: uuid("recorded_by").references(() => accounts.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** People to consult about me (MCA s4(7)), each with the decisions they should be asked about. */
export const decisionConsultees = pgTable(
  "decision_consultees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    relationship: text("relationship").notNull(),
    contact: text("contact").notNull().default(""),
    scopes: text("scopes").array().notNull().default([]),
    scopeOther: text("scope_other").notNull().default(""),
    createdBy: uuid("created_by").references(() => accounts.id),
    enteredAs: text("entered_as"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decision_consultees_service_user_idx").on(t.serviceUserId, t.createdAt)],
);

export const attorneyKinds = ["lpa", "deputy"] as const;
export type AttorneyKind = (typeof attorneyKinds)[number];

/**
 * A health and welfare Lasting Power of Attorney or a court-appointed deputy (MC-05). It cannot
 * be used until staff have checked it is registered with the Office of the Public Guardian.
 */
export const healthAttorneys = pgTable("health_attorneys", {
  serviceUserId: uuid("service_user_id")
    .primaryKey()
    .references(() => serviceUsers.id, { onDelete: "cascade" }),
  kind: text("kind").$type<AttorneyKind>().notNull(),
  names: text("names").notNull(),
  covers: text("covers").notNull().default(""),
  lifeSustaining: text("life_sustaining").$type<"yes" | "no" | "not_sure">().notNull(),
  opgReference: text("opg_reference").notNull().default(""),
  createdBy: uuid("created_by").references(() => accounts.id),
  enteredAs: text("entered_as"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  registrationCheckedOn: date("registration_checked_on"),
  registrationCheckedBy: uuid("registration_checked_by").references(() => accounts.id),
  // When staff recorded the check (registrationCheckedOn is the day they say they checked).
  registrationRecordedAt: timestamp("registration_recorded_at", { withTimezone: true }),
  // Each change (the details, or staff's registration check) adds one: the check form carries the
  // version it showed, so staff never confirm details someone changed after they looked.
  version: integer("version").notNull().default(1),
});

/** The person's nominated person under the Mental Health Act 2025 (MC-08). Optional. */
export const nominatedPersons = pgTable("nominated_persons", {
  serviceUserId: uuid("service_user_id")
    .primaryKey()
    .references(() => serviceUsers.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  contact: text("contact").notNull().default(""),
  createdBy: uuid("created_by").references(() => accounts.id),
  enteredAs: text("entered_as"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  // Each change adds one: the form carries the version it was opened at, so a save never quietly
  // replaces a nomination someone else made or changed after the page was opened.
  version: integer("version").notNull().default(1),
});

/** A decision staff made in the person's best interests: one decision, at one time (MC-01, MC-06). */
export const bestInterestsDecisions = pgTable(
  "best_interests_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    decision: text("decision").notNull(),
    decidedOn: date("decided_on").notNull(),
    consulted: text("consulted").notNull(),
    lessRestrictive: text("less_restrictive").notNull(),
    outcome: text("outcome").notNull(),
    recordedBy: uuid("recorded_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("best_interests_service_user_idx").on(t.serviceUserId, t.decidedOn)],
);
