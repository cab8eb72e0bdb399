import { isIPv6 } from "node:net";
import { and, count, eq, gt, min, sql, type SQL } from "drizzle-orm";
import { accounts, loginAttempts, signInCounters } from "#db/schema/index";
import { keyedHash } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { verifyAgainstDummy, verifyPassword } from "~/utils/passwords.server";
import { accountActor, recordAudit } from "./audit.server";

/** One-time links: 10 failures from an address in 15 minutes, then that address waits. */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** Sign-in (decision 037): failures of one account from one address before each answer is slowed. */
export const PAIR_SLOW_AFTER = 3;
/** Sign-in: failures of one account from one address in the window before that pair is refused. */
export const PAIR_LIMIT = 10;
/** Sign-in: failures from one address, whichever accounts, in the window before the address is refused. */
export const ADDRESS_LIMIT = 100;
/** The longest a wrong answer is held back. */
const MAX_DELAY_MS = 8000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type SignInResult =
  | { status: "ok"; accountId: string }
  | { status: "invalid" }
  | { status: "locked"; minutes: number };

/** How long to hold back the answer to the pair's `failures`th failure: 0, then 1, 2, 4, 8 seconds. */
export function slowdownMs(failures: number): number {
  if (failures <= PAIR_SLOW_AFTER) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - PAIR_SLOW_AFTER - 1));
}

/**
 * The address as the throttle counts it. One IPv6 household or server usually has a whole /64 to
 * choose addresses from, so IPv6 counts by its first 64 bits; an IPv4 address written as IPv6
 * (::ffff:192.0.2.1) counts as the IPv4 address.
 */
export function throttleAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (!isIPv6(a)) return a;
  const [head = "", tail = ""] = a.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = a.includes("::") && tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

export type Counter = { failures: number; windowStart: Date };

/**
 * Count one more failure against `key` in a single statement, so attempts at the same moment are
 * each counted (the row is locked by the upsert). A window that has ended starts again at 1.
 */
export async function bump(db: Db, key: string, now: Date): Promise<Counter> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const at = now.toISOString();
  const [row] = await db
    .insert(signInCounters)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: signInCounters.key,
      set: {
        failures: sql`CASE WHEN ${signInCounters.windowStart} <= ${since}::timestamptz THEN 1 ELSE ${signInCounters.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${signInCounters.windowStart} <= ${since}::timestamptz THEN ${at}::timestamptz ELSE ${signInCounters.windowStart} END`,
      },
    })
    .returning({ failures: signInCounters.failures, windowStart: signInCounters.windowStart });
  return { failures: Number(row!.failures), windowStart: new Date(row!.windowStart) };
}

/** Take back one count from `key`: the attempt it counted turned out to be right (sign-in, the FHIR token). */
export async function unbump(db: Db, key: string): Promise<void> {
  await db
    .update(signInCounters)
    .set({ failures: sql`GREATEST(${signInCounters.failures} - 1, 0)` })
    .where(eq(signInCounters.key, key));
}

export function minutesLeft(counter: Counter, now: Date): number {
  return Math.max(1, Math.ceil((counter.windowStart.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 60000));
}

export type SignInOptions = { sleep?: (ms: number) => Promise<void> };
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Check an email and password. The same answer for an unknown email and a wrong password.
 * Throttled per account-and-address pair and per address, never per account alone (decision 037):
 * after 3 failures of a pair each wrong answer is held back longer; after 10 in 15 minutes that
 * pair is refused until the window ends; after 100 from an address, any account from it is. The
 * right password from another address still works. The attempt is counted before the password is
 * checked, and taken off again when it was right.
 */
export async function signIn(
  db: Db,
  input: { email: string; password: string; address: string },
  now = new Date(),
  options: SignInOptions = {},
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const from = throttleAddress(input.address);
  const pairKey = keyedHash("sign-in-pair", `${email}\n${from}`);
  const addressKey = keyedHash("sign-in-address", from);
  // Looked up first so that a refused attempt is audited against the account it named.
  const [account] = await db
    .select({ id: accounts.id, passwordHash: accounts.passwordHash, disabledAt: accounts.disabledAt })
    .from(accounts)
    .where(eq(accounts.email, email));
  const pair = await bump(db, pairKey, now);
  const address = await bump(db, addressKey, now);
  if (pair.failures > PAIR_LIMIT || address.failures > ADDRESS_LIMIT) {
    const minutes = Math.max(
      pair.failures > PAIR_LIMIT ? minutesLeft(pair, now) : 0,
      address.failures > ADDRESS_LIMIT ? minutesLeft(address, now) : 0,
    );
    await auditSignIn(db, account?.id ?? null, "locked");
    return { status: "locked", minutes };
  }

  let ok = false;
  // A disabled account (decision 045) is answered as a wrong password is, after the same work.
  if (account?.passwordHash && !account.disabledAt) {
    ok = await verifyPassword(account.passwordHash, input.password);
  } else {
    await verifyAgainstDummy(input.password);
  }
  if (ok && account) {
    // The right password: this pair starts again, and this attempt is not held against the address.
    await db.delete(signInCounters).where(eq(signInCounters.key, pairKey));
    await unbump(db, addressKey);
    await auditSignIn(db, account.id, "ok");
    return { status: "ok", accountId: account.id };
  }
  const refusedFor = pair.failures >= PAIR_LIMIT ? pair : address.failures >= ADDRESS_LIMIT ? address : null;
  await auditSignIn(db, account?.id ?? null, refusedFor ? "locked" : account?.disabledAt ? "disabled" : "invalid");
  if (refusedFor) return { status: "locked", minutes: minutesLeft(refusedFor, now) };
  const delay = slowdownMs(pair.failures);
  if (delay > 0) await (options.sleep ?? wait)(delay);
  return { status: "invalid" };
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
 * Every sign-in goes in the audit log, and every refusal. Never what was typed: the email only as
 * the id of the account it matched (in record_id, not as actor, since nobody proved to be them),
 * and nothing at all about an email that matched no account.
 */
async function auditSignIn(db: Db, accountId: string | null, outcome: "ok" | "invalid" | "locked" | "disabled"): Promise<void> {
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
