import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { serviceUsers } from "./people";

/**
 * How a person wants to hear that something changed in the portal (decision 057): by email, by
 * text message, both or neither, and where. No row means neither.
 */
export const notificationPreferences = pgTable("notification_preferences", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => accounts.id, { onDelete: "cascade" }),
  emailEnabled: boolean("email_enabled").notNull().default(false),
  smsEnabled: boolean("sms_enabled").notNull().default(false),
  /** Where to email; may differ from the sign-in email. */
  email: text("email"),
  /** A UK mobile number in E.164 (+447…). */
  mobile: text("mobile"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The outbox: one row per recipient, channel and event, written in the same transaction as the
 * change. The sender claims due rows, sends them through GOV.UK Notify, and retries with back-off.
 * A "letter" row is never sent by the portal: the team posts a letter (large print, letters only).
 * Holds no health details: the templates say only that something is waiting in the portal.
 */
export const notificationOutbox = pgTable(
  "notification_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The kind of event (app/models/vocabulary/notifications.ts). */
    event: text("event").notNull(),
    /** The event and recipient, such as "plan_changed:<person>:v4:<account>": one event never queues twice. */
    eventKey: text("event_key").notNull(),
    recipientAccountId: uuid("recipient_account_id").references(() => accounts.id, { onDelete: "cascade" }),
    /** Whose record the event is about, if any: staff see letters to send for their caseload. */
    serviceUserId: uuid("service_user_id").references(() => serviceUsers.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["email", "sms", "letter"] }).notNull(),
    /** The email address or mobile number at the time it was queued; null for a letter. */
    destination: text("destination"),
    /** Which configured template: update, password_link or invitation. */
    template: text("template", { enum: ["update", "password_link", "invitation"] }).notNull(),
    /** The personalisation (a link may be a secret), sealed; removed once sent. */
    personalisation: text("personalisation"),
    /** "letter" is a letter for the team to post; "posted" once someone on the team says they posted it. */
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "letter", "posted"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While "sending": until when the claim holds; a claim past it was interrupted (a restart) and is taken again. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    /** A short code of the last failure (an HTTP status, "network"), never a message or personal data. */
    lastError: text("last_error"),
    notifyId: text("notify_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When Notify took it, or for a letter when the team posted it. */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Who on the team said they posted the letter (decision 057). */
    postedBy: uuid("posted_by").references(() => accounts.id, { onDelete: "set null" }),
    /** A row that failed for good, put back by hand once: who and when. */
    retriedBy: uuid("retried_by").references(() => accounts.id, { onDelete: "set null" }),
    retriedAt: timestamp("retried_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_outbox_event_channel_idx").on(t.eventKey, t.channel),
    index("notification_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
