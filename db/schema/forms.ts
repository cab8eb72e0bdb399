import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";

/**
 * Each form carries a one-time token made when the page was drawn. The first post with it saves
 * and is recorded here; a repeat (a second press of Save, a resubmitted page) changes nothing and
 * goes where the first went. Only a hash of the token is kept, for a day.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Where the first post went: a path in this portal. */
    redirectTo: text("redirect_to"),
    /** The success message key the first post showed. */
    message: text("message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("form_submissions_expires_idx").on(t.expiresAt)],
);

/**
 * What someone typed into a form when their session had already ended (decision 033). The fields
 * are encrypted (AES-256-GCM, a key from SESSION_SECRET) and given back only to the same account,
 * on the same page, after signing in again. Kept at least 20 hours (NHS service manual), then purged.
 */
export const formDrafts = pgTable(
  "form_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** The form's page: a path in this portal, without its query. */
    path: text("path").notNull(),
    /** base64url of iv (12 bytes) + tag (16 bytes) + ciphertext of the fields as JSON. */
    fields: text("fields").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("form_drafts_account_path_idx").on(t.accountId, t.path), index("form_drafts_expires_idx").on(t.expiresAt)],
);
