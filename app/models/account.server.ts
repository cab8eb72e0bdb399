import { and, count, eq, gt, min, type SQL } from "drizzle-orm";
import { accounts, loginAttempts } from "#db/schema/index";
import { keyedHash } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { verifyAgainstDummy, verifyPassword } from "~/utils/passwords.server";
import { accountActor, recordAudit } from "./audit.server";

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type SignInResult =
  | { status: "ok"; accountId: string }
  | { status: "invalid" }
  | { status: "locked"; minutes: number };

async function lockedMinutes(db: Db, emailKey: string, addressKey: string, now: Date): Promise<number> {
  return refusedMinutes(db, [eq(loginAttempts.emailKey, emailKey), eq(loginAttempts.addressKey, addressKey)], now);
}

/** Minutes until the oldest of 10 recent failures matching any of `matches` leaves the window (0: go ahead). */
async function refusedMinutes(db: Db, matches: SQL[], now: Date): Promise<number> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const windows = await Promise.all(
    matches.map((match) =>
      db
        .select({ failures: count(), oldest: min(loginAttempts.at) })
        .from(loginAttempts)
        .where(and(match, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since))),
    ),
  );
  let minutes = 0;
  for (const [w] of windows) {
    if (w && Number(w.failures) >= MAX_FAILURES && w.oldest) {
      const oldest = new Date(w.oldest).getTime();
      minutes = Math.max(minutes, Math.max(1, Math.ceil((oldest + FAILURE_WINDOW_MS - now.getTime()) / 60000)));
    }
  }
  return minutes;
}

/**
 * Check an email and password. The same answer for an unknown email and a wrong password;
 * after 10 failures in 15 minutes for an account or an address, no more tries until the window passes.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const emailKey = keyedHash("login-email", email);
  const addressKey = keyedHash("login-address", input.address);
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.email, email));
  const minutes = await lockedMinutes(db, emailKey, addressKey, now);
  if (minutes > 0) {
    await auditSignIn(db, account?.id ?? null, "locked");
    return { status: "locked", minutes };
  }
  let ok = false;
  if (account?.passwordHash) {
    ok = await verifyPassword(account.passwordHash, input.password);
  } else {
    await verifyAgainstDummy(input.password);
  }
  await db.insert(loginAttempts).values({ emailKey, addressKey, succeeded: ok, at: now });
  if (ok && account) {
    await auditSignIn(db, account.id, "ok");
    return { status: "ok", accountId: account.id };
  }
  const after = await lockedMinutes(db, emailKey, addressKey, now);
  await auditSignIn(db, account?.id ?? null, after > 0 ? "locked" : "invalid");
  return after > 0 ? { status: "locked", minutes: after } : { status: "invalid" };
}

/**
 * Every sign-in goes in the audit log, and every refusal. Never what was typed: the email only as
 * the id of the account it matched (in record_id, not as actor, since nobody proved to be them),
 * and nothing at all about an email that matched no account.
 */
async function auditSignIn(db: Db, accountId: string | null, outcome: "ok" | "invalid" | "locked"): Promise<void> {
  if (outcome === "ok" && accountId) {
    await recordAudit(db, accountActor(accountId), { action: "sign_in", recordType: "account", recordId: accountId });
    return;
  }
  await recordAudit(db, null, {
    action: "sign_in.failed",
    recordType: accountId ? "account" : undefined,
    recordId: accountId ?? undefined,
    details: { reason: outcome },
  });
}

/**
 * Using a one-time link (accepting an invitation, setting a password from a link) is throttled as
 * signing in is (decision 030): failures are counted per address, by keyed hash, in the same
 * table, and after 10 in 15 minutes that address is refused until the window passes. A failure is
 * a token that is unknown, used or expired. The "email" key is one fixed value, so these rows
 * never count against anyone's sign-in.
 */
export function linkAttemptKeys(address: string): { emailKey: string; addressKey: string } {
  return { emailKey: keyedHash("link-use", "one-time link"), addressKey: keyedHash("link-address", address) };
}

/** Minutes this address must wait before trying a one-time link again (0: go ahead). */
export async function linkRefusedMinutes(db: Db, address: string, now = new Date()): Promise<number> {
  return refusedMinutes(db, [eq(loginAttempts.addressKey, linkAttemptKeys(address).addressKey)], now);
}

export async function recordLinkAttempt(db: Db, address: string, succeeded: boolean, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ ...linkAttemptKeys(address), succeeded, at: now });
}

export async function setPreferredLanguage(db: Db, accountId: string, lng: string): Promise<void> {
  await db.update(accounts).set({ preferredLanguage: lng }).where(eq(accounts.id, accountId));
}
