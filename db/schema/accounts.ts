import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** An account is a person. What they may see comes from relationships, not from the account. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    preferredLanguage: text("preferred_language"),
    // Employed by the trust: may create invitations. Direct care still needs a care_team_member_of relationship.
    isStaff: boolean("is_staff").notNull().default(false),
    // Runs the portal for the trust (accounts and roles); not a member of anyone's care team by being one.
    isAdmin: boolean("is_admin").notNull().default(false),
    // The TOTP key (RFC 6238), sealed with AES-256-GCM (crypto.server.ts `seal`); null until set up (decision 044).
    totpSecret: text("totp_secret"),
    totpEnrolledAt: timestamp("totp_enrolled_at", { withTimezone: true }),
    // The last 30-second step whose code was accepted: a code is good once (no replay).
    totpLastStep: integer("totp_last_step"),
    // Set by an admin: the account cannot sign in and has no sessions (decision 045). Null when active.
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Set when someone signed up on their own as a carer ("I look after someone", CR-01, decision 060):
    // they have the carer pages that need nothing shared, and staff see them in the carers' queue.
    carerSignedUpAt: timestamp("carer_signed_up_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The coordinator search walks staff who can sign in by name, never every account (decision 048).
  (t) => [
    index("accounts_staff_name_idx").on(sql`lower(${t.displayName})`).where(sql`${t.isStaff} and ${t.disabledAt} is null`),
    // The carers' queue walks only the carers who signed up on their own (decision 060).
    index("accounts_carer_sign_up_idx").on(t.carerSignedUpAt).where(sql`${t.carerSignedUpAt} is not null`),
  ],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored here. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // The key of a message for the next page (e.g. "progressSaved"), shown once; never personal data.
    flash: text("flash"),
    // Names the session on the "Your account" page and in its forms; never the token or its hash.
    publicId: uuid("public_id").notNull().defaultRandom(),
    // "full" once signed in; "second_factor" after the right password of an account with an
    // authenticator app, until its code is given (decision 044).
    stage: text("stage", { enum: ["full", "second_factor"] }).notNull().default("full"),
    // The browser and system in plain words, from the User-Agent when the session began ("Chrome", "Android").
    browser: text("browser"),
    platform: text("platform"),
    // How and when the person last proved who they are in this session (a password, or NHS login),
    // carried over when the session is renewed. Setting a first password asks for NHS login within
    // the last 15 minutes (decision 067). Null in sessions from before it was kept.
    signInMethod: text("sign_in_method", { enum: ["password", "nhs-login"] }),
    signedInAt: timestamp("signed_in_at", { withTimezone: true }),
  },
  (t) => [index("sessions_account_idx").on(t.accountId), uniqueIndex("sessions_public_id_idx").on(t.publicId)],
);

/** One-time recovery codes for the second step: only a SHA-256 of each is kept, and each works once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_account_idx").on(t.accountId)],
);

/**
 * Failed and successful sign-in attempts, for rate limiting. Holds keyed hashes of the
 * email and the network address, never the values themselves.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailKey: text("email_key").notNull(),
    addressKey: text("address_key").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.emailKey, t.at),
    index("login_attempts_address_idx").on(t.addressKey, t.at),
  ],
);

/**
 * Sign-in failures counted per key (decision 037): one row for each account-and-address pair and
 * one for each address, both keyed hashes. A row is bumped by one INSERT … ON CONFLICT … RETURNING,
 * so attempts made at the same moment are each counted. The count starts again when its window ends.
 */
export const signInCounters = pgTable(
  "sign_in_counters",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_counters_window_idx").on(t.windowStart)],
);

/**
 * One-time links to set a password: the first one for an account made by `npm run account:create`
 * ("setup"), and later password resets ("reset"). Only the token's SHA-256 is stored.
 */
export const passwordLinks = pgTable(
  "password_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["setup", "reset"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_links_account_idx").on(t.accountId)],
);

/**
 * Each time an admin disabled or enabled an account or reset its authenticator app, and why, in their
 * words (decisions 045 and 046). The
 * reasons are for admins to read on the account's page; the audit log names the change by its id
 * and keeps no free text (decision 041).
 */
export const accountStatusChanges = pgTable(
  "account_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    change: text("change", { enum: ["disabled", "enabled", "app_reset"] }).notNull(),
    reason: text("reason").notNull(),
    changedBy: uuid("changed_by")
      .notNull()
      .references(() => accounts.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_status_changes_account_idx").on(t.accountId, t.changedAt)],
);

/**
 * A sign-in from outside the portal (NHS login) linked to an account by the identity provider's
 * `sub`, never by email (decision 051). One subject names one account; an account has at most one
 * subject per provider.
 */
export const externalIdentities = pgTable(
  "external_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider", { enum: ["nhs-login"] }).notNull(),
    subject: text("subject").notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("external_identities_subject_idx").on(t.provider, t.subject),
    uniqueIndex("external_identities_account_idx").on(t.provider, t.accountId),
  ],
);
