import { and, eq, isNull } from "drizzle-orm";
import { accounts, passwordLinks, sessions } from "#db/schema/index";
import { randomToken, sha256 } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { hashPassword } from "~/utils/passwords.server";
import type { Actor } from "./access.server";
import { normaliseEmail } from "./account.server";
import { recordAudit } from "./audit.server";

/** A first password link lasts as long as an invitation; a reset link an hour. */
export const SETUP_LINK_DAYS = 7;
export const RESET_LINK_MINUTES = 60;

export type AccountRole = "staff" | "admin";

export class AccountExistsError extends Error {
  override name = "AccountExistsError";
}

/**
 * `npm run account:create`: an account for a member of staff or an administrator, with no
 * password yet, and a one-time link to set one. There is no other way into a deployment.
 */
export async function createAccountWithLink(
  db: Db,
  input: { email: string; displayName: string; role: AccountRole },
  now = new Date(),
  /** The admin who invited them from /admin/accounts/new; null for the command line. */
  invitedBy: Actor | null = null,
): Promise<{ accountId: string; token: string }> {
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    if (existing) throw new AccountExistsError();
    const [account] = await tx
      .insert(accounts)
      .values({ email, displayName: input.displayName, isStaff: input.role === "staff", isAdmin: input.role === "admin" })
      .returning({ id: accounts.id });
    const token = await insertPasswordLink(tx, account!.id, "setup", now);
    await recordAudit(tx, invitedBy, {
      action: invitedBy ? "account.invite" : "account.create",
      recordType: "account",
      recordId: account!.id,
      details: { role: input.role, by: invitedBy ? "admin" : "command line" },
    });
    return { accountId: account!.id, token };
  });
}

/** A new one-time link for the account; only its hash is stored. Returns the token, to show once. */
export async function insertPasswordLink(db: Db, accountId: string, purpose: "setup" | "reset", now: Date): Promise<string> {
  const token = randomToken();
  const lifetimeMs = purpose === "setup" ? SETUP_LINK_DAYS * 24 * 60 * 60 * 1000 : RESET_LINK_MINUTES * 60 * 1000;
  await db.insert(passwordLinks).values({
    tokenHash: sha256(token),
    accountId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
  });
  return token;
}

export type PasswordLinkStatus =
  | { status: "valid"; purpose: "setup" | "reset"; displayName: string }
  | { status: "expired" | "used" | "unknown" };

export async function getPasswordLink(db: Db, token: string, now = new Date()): Promise<PasswordLinkStatus> {
  const [row] = await db
    .select({
      purpose: passwordLinks.purpose,
      expiresAt: passwordLinks.expiresAt,
      usedAt: passwordLinks.usedAt,
      displayName: accounts.displayName,
      disabledAt: accounts.disabledAt,
    })
    .from(passwordLinks)
    .innerJoin(accounts, eq(accounts.id, passwordLinks.accountId))
    .where(eq(passwordLinks.tokenHash, sha256(token)));
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  // Disabling ends the account's links (decision 045); a disabled account's link never works.
  if (row.expiresAt.getTime() <= now.getTime() || row.disabledAt) return { status: "expired" };
  return { status: "valid", purpose: row.purpose, displayName: row.displayName };
}

/** Whose password a usable link sets: their name and email, to refuse a password made from them. */
export async function passwordLinkPerson(db: Db, token: string, now = new Date()): Promise<{ displayName: string; email: string } | null> {
  const [row] = await db
    .select({ displayName: accounts.displayName, email: accounts.email, expiresAt: passwordLinks.expiresAt, usedAt: passwordLinks.usedAt })
    .from(passwordLinks)
    .innerJoin(accounts, eq(accounts.id, passwordLinks.accountId))
    .where(eq(passwordLinks.tokenHash, sha256(token)));
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return { displayName: row.displayName, email: row.email };
}

export type UseLinkResult = { status: "ok"; accountId: string } | { status: "expired" | "used" | "unknown" };

/**
 * Set the password from a link. The link is looked up before the password is hashed (hashing is
 * the expensive part, so a guessed token costs us nothing), and every other session of the account
 * ends: a reset is often made because someone else knew the old password.
 */
export async function setPasswordFromLink(db: Db, input: { token: string; password: string }, now = new Date()): Promise<UseLinkResult> {
  const found = await getPasswordLink(db, input.token, now);
  if (found.status !== "valid") return found;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(passwordLinks)
      .where(and(eq(passwordLinks.tokenHash, sha256(input.token)), isNull(passwordLinks.usedAt)))
      .for("update");
    if (!link) return { status: "used" as const };
    if (link.expiresAt.getTime() <= now.getTime()) return { status: "expired" as const };
    await tx.update(passwordLinks).set({ usedAt: now }).where(eq(passwordLinks.id, link.id));
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, link.accountId));
    await tx.delete(sessions).where(eq(sessions.accountId, link.accountId));
    await recordAudit(tx, { accountId: link.accountId, isStaff: false, relationships: [] }, {
      action: "account.password_set",
      recordType: "account",
      recordId: link.accountId,
      details: { purpose: link.purpose },
    });
    return { status: "ok" as const, accountId: link.accountId };
  });
}
