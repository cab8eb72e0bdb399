import { randomInt } from "node:crypto";
import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import { accounts, recoveryCodes, sessions, signInCounters } from "#db/schema/index";
import { keyedHash, seal, sha256, unseal } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { hashPassword, isCommonPassword, isPersonalPassword, verifyPassword } from "~/utils/passwords.server";
import { matchTotp, normaliseCode } from "~/utils/totp.server";
import { bump, minutesLeft, PAIR_LIMIT, slowdownMs, throttleAddress, type SignInOptions } from "./account.server";
import type { Actor } from "./access.server";
import { accountActor, recordAudit } from "./audit.server";

/**
 * The person's own account security (decision 044): their password, their signed-in sessions,
 * and the second step of signing in (an authenticator app's code, or a one-time recovery code).
 * Every change here is audited; nothing here reads or changes anyone else's account.
 */

/** Wrong codes for one account, whichever addresses they came from, before its second step is refused for the window. */
export const SECOND_STEP_ACCOUNT_LIMIT = 20;
export const RECOVERY_CODE_COUNT = 10;
const TOTP_SEAL = "totp-keys";
const IDLE_LIMIT_MS = 30 * 60 * 1000;

export function sealTotpKey(accountId: string, key: string): string {
  return seal(TOTP_SEAL, key, accountId);
}

export function openTotpKey(accountId: string, sealed: string): string | null {
  return unseal(TOTP_SEAL, sealed, accountId);
}

// Recovery codes: 10 characters from 31 letters and digits without look-alikes (no 0/O, 1/I/L), about 50 bits.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Upper case, no spaces or hyphens: "abcde-23456" and "ABCDE 23456" are the same code. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.replace(/[\s-]/g, "").toUpperCase();
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Random codes of 50 bits need no slow hash: SHA-256, bound to the account, as session tokens are. */
function recoveryCodeHash(accountId: string, code: string): string {
  return sha256(`recovery-code:${accountId}:${normaliseRecoveryCode(code)}`);
}

/** Replace every recovery code of the account with these (shown once to the person, then only hashes are kept). */
export async function saveRecoveryCodes(db: Db, accountId: string, codes: string[], now = new Date()): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ accountId, codeHash: recoveryCodeHash(accountId, code), createdAt: now })));
}

export async function unusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

/**
 * Set up an authenticator app: the key the page showed, confirmed by a code the app made from it.
 * Replaces any earlier key and recovery codes; the new codes are returned to be shown once.
 */
export async function enrolTotp(
  db: Db,
  actor: Actor,
  input: { key: string; code: string },
  now = new Date(),
): Promise<{ status: "ok"; recoveryCodes: string[] } | { status: "wrong-code" }> {
  const step = matchTotp(input.key, input.code, now, null);
  if (step === null) return { status: "wrong-code" };
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ totpSecret: sealTotpKey(actor.accountId, input.key), totpEnrolledAt: now, totpLastStep: step })
      .where(eq(accounts.id, actor.accountId));
    await saveRecoveryCodes(tx, actor.accountId, codes, now);
    await recordAudit(tx, actor, { action: "totp.enrolled", recordType: "account", recordId: actor.accountId });
  });
  return { status: "ok", recoveryCodes: codes };
}

/** New recovery codes in place of all the old ones (used or not). */
export async function regenerateRecoveryCodes(db: Db, actor: Actor, now = new Date()): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await saveRecoveryCodes(tx, actor.accountId, codes, now);
    await recordAudit(tx, actor, { action: "recovery_codes.regenerated", recordType: "account", recordId: actor.accountId });
  });
  return codes;
}

export type SecondStepResult = { status: "ok" } | { status: "invalid" } | { status: "locked"; minutes: number };

/**
 * The second step of signing in: a code from the app (good once, one step of drift either side),
 * or a recovery code (good once). Throttled as passwords are (decision 037): per account and
 * address, slowed after 3 wrong codes and refused after 10 in 15 minutes; and, since whoever is
 * here already has the password, per account too: 20 wrong codes in 15 minutes from anywhere
 * and the second step waits. The attempt is counted before the code is checked.
 */
export async function checkSecondStep(
  db: Db,
  input: { accountId: string; method: "totp" | "recovery"; code: string; address: string },
  now = new Date(),
  options: SignInOptions = {},
): Promise<SecondStepResult> {
  const from = throttleAddress(input.address);
  const pairKey = keyedHash("second-step-pair", `${input.accountId}\n${from}`);
  const accountKey = keyedHash("second-step-account", input.accountId);
  const pair = await bump(db, pairKey, now);
  const account = await bump(db, accountKey, now);
  const actor = accountActor(input.accountId);
  const audit = (action: string, details: Record<string, unknown>) =>
    recordAudit(db, actor, { action, recordType: "account", recordId: input.accountId, details });
  if (pair.failures > PAIR_LIMIT || account.failures > SECOND_STEP_ACCOUNT_LIMIT) {
    await audit("sign_in.failed", { reason: "locked", step: "second_factor", method: input.method });
    const minutes = Math.max(pair.failures > PAIR_LIMIT ? minutesLeft(pair, now) : 0, account.failures > SECOND_STEP_ACCOUNT_LIMIT ? minutesLeft(account, now) : 0);
    return { status: "locked", minutes };
  }

  let ok = false;
  if (input.method === "totp") {
    const [row] = await db.select({ sealed: accounts.totpSecret, lastStep: accounts.totpLastStep }).from(accounts).where(eq(accounts.id, input.accountId));
    const key = row?.sealed ? openTotpKey(input.accountId, row.sealed) : null;
    const step = key ? matchTotp(key, input.code, now, row!.lastStep) : null;
    if (step !== null) {
      // Taken in one statement: two requests with the same code cannot both use it.
      const taken = await db
        .update(accounts)
        .set({ totpLastStep: step })
        .where(and(eq(accounts.id, input.accountId), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))))
        .returning({ id: accounts.id });
      ok = taken.length > 0;
    }
  } else if (normaliseRecoveryCode(input.code).length) {
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.accountId, input.accountId),
          eq(recoveryCodes.codeHash, recoveryCodeHash(input.accountId, input.code)),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    ok = used.length > 0;
    if (ok) await audit("recovery_code.used", { left: await unusedRecoveryCodes(db, input.accountId) });
  }

  if (ok) {
    await db.delete(signInCounters).where(inArray(signInCounters.key, [pairKey, accountKey]));
    await audit("sign_in.second_factor", { method: input.method });
    return { status: "ok" };
  }
  const refusedFor = pair.failures >= PAIR_LIMIT ? pair : account.failures >= SECOND_STEP_ACCOUNT_LIMIT ? account : null;
  await audit("sign_in.second_factor.failed", { method: input.method, reason: refusedFor ? "locked" : "invalid" });
  if (refusedFor) return { status: "locked", minutes: minutesLeft(refusedFor, now) };
  const delay = slowdownMs(pair.failures);
  if (delay > 0) await (options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(delay);
  return { status: "invalid" };
}

/** Whether a typed code looks like a code from the app (6 digits) at all. */
export function looksLikeTotp(typed: string): boolean {
  return /^\d{6}$/.test(normaliseCode(typed));
}

export type PasswordCheck = { status: "ok" } | { status: "wrong-password" } | { status: "locked"; minutes: number };

/**
 * The person's current password, asked again before a change to how they sign in (a new password,
 * a new app, new recovery codes): someone who finds a signed-in computer cannot change those.
 * 10 wrong in 15 minutes and it waits; each wrong one is audited.
 */
export async function checkCurrentPassword(db: Db, actor: Actor, password: string, now = new Date()): Promise<PasswordCheck> {
  const key = keyedHash("password-change", actor.accountId);
  const counter = await bump(db, key, now);
  if (counter.failures > PAIR_LIMIT) return { status: "locked", minutes: minutesLeft(counter, now) };
  const [account] = await db.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, actor.accountId));
  const right = account?.passwordHash ? await verifyPassword(account.passwordHash, password) : false;
  if (!right) {
    await recordAudit(db, actor, { action: "password.check_failed", recordType: "account", recordId: actor.accountId });
    return { status: "wrong-password" };
  }
  await db.delete(signInCounters).where(eq(signInCounters.key, key));
  return { status: "ok" };
}

export type ChangePasswordResult =
  | { status: "ok"; endedSessions: number }
  | { status: "wrong-password" }
  | { status: "common" }
  | { status: "personal" }
  | { status: "same" }
  | { status: "locked"; minutes: number };

/**
 * Change one's own password: the current one first (10 wrong in 15 minutes and the form waits),
 * a new one that passes the same rules as everywhere (not common, not one's own name), then every
 * OTHER session of the account ends: a thief signed in elsewhere is signed out (ASVS 7.4.3).
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: { current: string; password: string; keepSessionHash: string | null },
  now = new Date(),
): Promise<ChangePasswordResult> {
  const [account] = await db
    .select({ displayName: accounts.displayName, email: accounts.email })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!account) return { status: "wrong-password" };
  if (isCommonPassword(input.password)) return { status: "common" };
  if (isPersonalPassword(input.password, account)) return { status: "personal" };
  const check = await checkCurrentPassword(db, actor, input.current, now);
  if (check.status !== "ok") return check;
  if (input.current === input.password) return { status: "same" };
  const passwordHash = await hashPassword(input.password);
  let ended = 0;
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, actor.accountId));
    const gone = await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), input.keepSessionHash ? ne(sessions.idHash, input.keepSessionHash) : undefined))
      .returning({ id: sessions.idHash });
    ended = gone.length;
    await recordAudit(tx, actor, {
      action: "password.changed",
      recordType: "account",
      recordId: actor.accountId,
      details: { endedSessions: ended },
    });
  });
  return { status: "ok", endedSessions: ended };
}

export type SetOwnPasswordResult =
  | { status: "ok"; endedSessions: number }
  /** The account has a password already: it is changed with the current one (changePassword). */
  | { status: "has-password" }
  | { status: "common" }
  | { status: "personal" }
  | { status: "locked"; minutes: number };

/**
 * A first password for an account that has none (one made through NHS login, decision 067). The
 * route has checked a recent NHS login instead of a current password. The same rules as every new
 * password; each try counts with the change-password tries (10 in 15 minutes and it waits); set
 * only while the account still has none. Every OTHER session of the account ends, as a change does.
 * Audited as `account.password_set`, never with the password.
 */
export async function setOwnPassword(
  db: Db,
  actor: Actor,
  input: { password: string; keepSessionHash: string | null },
  now = new Date(),
): Promise<SetOwnPasswordResult> {
  const [account] = await db
    .select({ displayName: accounts.displayName, email: accounts.email, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId));
  if (!account || account.passwordHash) return { status: "has-password" };
  const key = keyedHash("password-change", actor.accountId);
  const counter = await bump(db, key, now);
  if (counter.failures > PAIR_LIMIT) return { status: "locked", minutes: minutesLeft(counter, now) };
  if (isCommonPassword(input.password)) return { status: "common" };
  if (isPersonalPassword(input.password, account)) return { status: "personal" };
  const passwordHash = await hashPassword(input.password);
  const ended = await db.transaction(async (tx) => {
    const set = await tx
      .update(accounts)
      .set({ passwordHash })
      .where(and(eq(accounts.id, actor.accountId), isNull(accounts.passwordHash)))
      .returning({ id: accounts.id });
    if (set.length === 0) return null;
    const gone = await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, actor.accountId), input.keepSessionHash ? ne(sessions.idHash, input.keepSessionHash) : undefined))
      .returning({ id: sessions.idHash });
    await recordAudit(tx, actor, {
      action: "account.password_set",
      recordType: "account",
      recordId: actor.accountId,
      details: { from: "account", endedSessions: gone.length },
    });
    return gone.length;
  });
  // Set at the same moment in another tab: this one is not the first.
  if (ended === null) return { status: "has-password" };
  await db.delete(signInCounters).where(eq(signInCounters.key, key));
  return { status: "ok", endedSessions: ended };
}

export interface SessionSummary {
  id: string;
  browser: string | null;
  platform: string | null;
  /** When the person signed in: kept when the session gets a new id, unlike its row's created_at (its stand-in for sessions from before 0031). */
  signedInAt: string;
  lastSeenAt: string;
  current: boolean;
}

/**
 * When a session signed in: its signed_in_at, which a session keeps when it gets a new id (unlike its
 * row's created_at), or, for a session from before migration 0031, its created_at as a stand-in.
 * "Your account" and the account's copy both say it this way.
 */
export function sessionSignedInAt(row: { signedInAt: Date | null; createdAt: Date }): Date {
  return row.signedInAt ?? row.createdAt;
}

/** The account's signed-in sessions, the most recently used first (not those waiting for a code, nor ended ones). */
export async function listSessions(db: Db, accountId: string, currentId: string, now = new Date()): Promise<SessionSummary[]> {
  const rows = await db
    .select({
      id: sessions.publicId,
      browser: sessions.browser,
      platform: sessions.platform,
      createdAt: sessions.createdAt,
      signedInAt: sessions.signedInAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, accountId),
        eq(sessions.stage, "full"),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_LIMIT_MS)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
  return rows
    .map(({ createdAt, signedInAt, ...r }) => ({
      ...r,
      signedInAt: sessionSignedInAt({ signedInAt, createdAt }).toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      current: r.id === currentId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** End one of the account's other sessions (this one ends by signing out). False when there is no such session. */
export async function endOneSession(db: Db, actor: Actor, input: { sessionId: string; keepSessionHash: string | null }): Promise<boolean> {
  const gone = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.accountId, actor.accountId),
        eq(sessions.publicId, input.sessionId),
        input.keepSessionHash ? ne(sessions.idHash, input.keepSessionHash) : undefined,
      ),
    )
    .returning({ id: sessions.idHash });
  if (gone.length) await recordAudit(db, actor, { action: "session.ended", recordType: "account", recordId: actor.accountId, details: { count: 1 } });
  return gone.length > 0;
}

/** End every session of the account but this one. */
export async function endOtherSessions(db: Db, actor: Actor, keepSessionHash: string | null): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, actor.accountId), keepSessionHash ? ne(sessions.idHash, keepSessionHash) : undefined))
    .returning({ id: sessions.idHash });
  await recordAudit(db, actor, { action: "session.ended_others", recordType: "account", recordId: actor.accountId, details: { count: gone.length } });
  return gone.length;
}

/**
 * The demo: the staff accounts' public demo key, sealed again with this process's secret where
 * it no longer opens (the local demo makes a new secret at every start).
 */
export async function resealTotpKeys(db: Db, emails: string[], key: string): Promise<void> {
  if (!emails.length) return;
  const rows = await db
    .select({ id: accounts.id, sealed: accounts.totpSecret })
    .from(accounts)
    .where(and(inArray(accounts.email, emails), isNotNull(accounts.totpSecret)));
  for (const row of rows) {
    if (openTotpKey(row.id, row.sealed!) === null) {
      await db.update(accounts).set({ totpSecret: sealTotpKey(row.id, key) }).where(eq(accounts.id, row.id));
    }
  }
}

/** What signing in asks of this account after the password: its app's code, setting one up (staff and admins), or nothing more. */
export async function secondStepFor(db: Db, accountId: string): Promise<"code" | "enrol" | "none"> {
  const [row] = await db
    .select({ isStaff: accounts.isStaff, isAdmin: accounts.isAdmin, enrolledAt: accounts.totpEnrolledAt })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) return "none";
  if (row.enrolledAt) return "code";
  return row.isStaff || row.isAdmin ? "enrol" : "none";
}
