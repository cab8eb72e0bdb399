import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/**
 * Append-only record of every read of someone else's record and every change:
 * who, in what capacity, on whose behalf, what, when. Nothing updates or deletes rows here.
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
  },
  (t) => [
    index("audit_events_service_user_idx").on(t.serviceUserId, t.at),
    index("audit_events_actor_idx").on(t.actorAccountId, t.at),
  ],
);
