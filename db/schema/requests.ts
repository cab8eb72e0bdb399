import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

// interpreter and advocate (AD-02, AD-05); a document in another format (AD-11); sharing
// communication needs with other services through a Reasonable Adjustment flag (AD-10); a change
// to an appointment, or cancelling it (issue 19).
export const requestKinds = ["interpreter", "advocate", "format", "share_needs", "appointment_change"] as const;
export type RequestKind = (typeof requestKinds)[number];

export const requestStatuses = ["sent", "seen", "booked", "not_arranged", "cancelled"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * A request for an interpreter (or, later, an advocate) for the person. What was asked is kept
 * as it was sent; every change of status is a row in support_request_events (who, when, note).
 */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<RequestKind>().notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    appointmentAt: timestamp("appointment_at", { withTimezone: true }),
    status: text("status").$type<RequestStatus>().notNull().default("sent"),
    createdBy: uuid("created_by").references(() => accounts.id),
    // Set when an advocate or attorney asked on the person's behalf.
    enteredAs: text("entered_as"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Each status change adds one: staff's update form carries the version it was opened at.
    version: integer("version").notNull().default(1),
  },
  (t) => [index("support_requests_service_user_idx").on(t.serviceUserId, t.createdAt), index("support_requests_status_idx").on(t.status, t.createdAt)],
);

export const supportRequestEvents = pgTable(
  "support_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id, { onDelete: "cascade" }),
    status: text("status").$type<RequestStatus>().notNull(),
    note: text("note").notNull().default(""),
    byAccountId: uuid("by_account_id").references(() => accounts.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("support_request_events_request_idx").on(t.requestId, t.at)],
);
