import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/**
 * Append-only record of every read of someone else's record and every change:
 * who, in what capacity and on what basis, on whose behalf, what, when. The person sees the rows
 * about their record at /people/:id/access-log (decision 050); the first index serves that page. Nothing updates or deletes rows here.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid("actor_account_id").references(() => accounts.id),
    capacity: text("capacity").notNull(),
    serviceUserId: uuid("service_user_id").references(() => serviceUsers.id),
    onBehalfOf: uuid("on_behalf_of").references(() => serviceUsers.id),
    action: text("action").notNull(),
    recordType: text("record_type"),
    recordId: text("record_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    // Why the actor could do this (decision 050): care_team, consent, acting_for, best_interests,
    // lasting_power_of_attorney, staff or admin. A code, never free text.
    basis: text("basis"),
    // Which part of the record was read or changed, where record_type alone does not say
    // (the crisis plan, or a whole plan): a code, never free text.
    part: text("part"),
  },
  (t) => [
    index("audit_events_service_user_idx").on(t.serviceUserId, t.at),
    index("audit_events_actor_idx").on(t.actorAccountId, t.at),
  ],
);

/**
 * One row for each bundle the trust's record system sent (decision 064): when, by which door, what
 * came of it, and counts. Never a name, an id from the bundle or a problem's words (they can name
 * someone): a problem is its FHIR issue code and its place in the bundle (FHIRPath). Admins see the
 * newest at /admin/imports. Append-only, like the audit log.
 */
export const recordSystemImports = pgTable(
  "record_system_imports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // "api" (POST /fhir/Bundle) or "command" (npm run fhir:import).
    via: text("via").notNull(),
    // "changed", "unchanged", "refused" (the bundle could not be taken; nothing changed) or "failed" (the portal's fault; nothing changed).
    outcome: text("outcome").notNull(),
    people: integer("people").notNull().default(0),
    peopleAdded: integer("people_added").notNull().default(0),
    planVersions: integer("plan_versions").notNull().default(0),
    careTeams: integer("care_teams").notNull().default(0),
    appointments: integer("appointments").notNull().default(0),
    leftAlone: integer("left_alone").notNull().default(0),
    problems: jsonb("problems").$type<{ code: string; expression: string | null }[]>().notNull().default([]),
  },
  (t) => [index("record_system_imports_at_idx").on(t.at)],
);
