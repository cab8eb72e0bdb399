import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AppointmentKind, AppointmentMode } from "../../app/models/vocabulary/appointments";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/**
 * An appointment or review the care team recorded for the person (issue 19 item 2). A change is
 * made in place (version goes up by one); a cancelled one stays, with when it was cancelled.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceUserId: uuid("service_user_id")
      .notNull()
      .references(() => serviceUsers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AppointmentKind>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    mode: text("mode").$type<AppointmentMode>().notNull(),
    /** Where, for one in person; empty for video and phone. */
    place: text("place").notNull().default(""),
    withWhom: text("with_whom").notNull(),
    purpose: text("purpose").notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledReason: text("cancelled_reason").notNull().default(""),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("appointments_service_user_idx").on(t.serviceUserId, t.startsAt), index("appointments_starts_at_idx").on(t.startsAt)],
);
