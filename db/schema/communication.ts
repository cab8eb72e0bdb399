import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

export interface LanguageEntry {
  /** BCP 47 code from app/models/vocabulary/communication.ts. */
  code: string;
  preferred: boolean;
  /** spoken, signed, written (UK Core NHSCommunication mode). */
  modes: string[];
  interpreterNeeded: boolean;
  /** How well they know it (UK Core NHSCommunication proficiency): excellent, good, fair, poor. Not asked before issue 12. */
  proficiency?: string | null;
}

/**
 * How a person needs information (Accessible Information Standard). One record per account:
 * service users and carers each keep their own. Staff see a service user's through their record.
 */
export const communicationNeeds = pgTable("communication_needs", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  contactMethods: text("contact_methods").array().notNull().default([]),
  formats: text("formats").array().notNull().default([]),
  attachmentFormat: text("attachment_format").notNull().default(""),
  support: text("support").array().notNull().default([]),
  other: text("other").notNull().default(""),
  languages: jsonb("languages").$type<LanguageEntry[]>().notNull().default([]),
  noNeeds: boolean("no_needs").notNull().default(false),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
