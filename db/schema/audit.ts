import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
