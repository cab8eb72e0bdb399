import { and, asc, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accounts, accountStatusChanges, invitations, passwordLinks, recoveryCodes, relationships, sessions } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import { can, NotFoundError, type Actor } from "./access.server";
import { recordAudit } from "./audit.server";
import { queueLinkEmail } from "./notifications.server";
import { sha256 } from "~/utils/crypto.server";
import { createAccountWithLink, insertPasswordLink, type AccountRole } from "./password-links.server";
import { accountRoles, type AccountRoleName, type AccountStatus } from "./vocabulary/accounts";

/**
 * The trust's accounts, as an admin runs them (decisions 045 and 046): who has which role, inviting
 * staff and admins, disabling and enabling, one-time links to set a new password, and resetting
 * someone's authenticator app when they have lost it and their recovery codes. Admins only, and
 * every change and every read of the list is in the audit log.
 */

export { accountRoles, accountStatuses, type AccountRoleName, type AccountStatus } from "./vocabulary/accounts";

/** How many accounts one page of the list shows. */
export const ACCOUNTS_PER_PAGE = 25;

export interface AccountSummary {
  id: string;
  displayName: string;
  email: string;
  roles: AccountRoleName[];
  status: AccountStatus;
}

/** What an admin changed about an account, with a reason: kept in account_status_changes. */
export type StatusChangeKind = "disabled" | "enabled" | "app_reset";

export interface StatusChange {
  change: StatusChangeKind;
  reason: string;
  changedByName: string;
  changedAt: Date;
}

export interface AccountDetail extends AccountSummary {
  createdAt: Date;
  disabledAt: Date | null;
  /** Whether the account has an authenticator app set up (the second step of signing in). */
  hasApp: boolean;
  /** Each disabling, enabling and reset of the app, newest first, with the admin's reason. */
  history: StatusChange[];
}

/** Disabling yourself, or the last admin who can still sign in: refused, so someone can always run the portal. */
export class CannotDisableError extends Error {
  override name = "CannotDisableError";
  constructor(readonly reason: "yourself" | "last_admin") {
    super(reason);
  }
}

/** Resetting your own authenticator app: refused (you can set up a new one from "Your account"). */
export class CannotResetAppError extends Error {
  override name = "CannotResetAppError";
  constructor(readonly reason: "yourself") {
    super(reason);
  }
}

/** A reset link for yourself, or for a disabled account: refused (enable it first). */
export class CannotIssueLinkError extends Error {
  override name = "CannotIssueLinkError";
  constructor(readonly reason: "yourself" | "disabled") {
    super(reason);
  }
}

function ensureAdmin(actor: Actor): void {
  if (!can(actor, "accounts.manage", { organisation: true })) throw new NotFoundError();
}

function statusOf(row: { disabledAt: Date | null; hasPassword: boolean }): AccountStatus {
  if (row.disabledAt) return "disabled";
  return row.hasPassword ? "active" : "no_password";
}

const activeRelationship = (now: Date) => or(isNull(relationships.endedAt), gt(relationships.endedAt, now));

/** A search typed by an admin, matched anywhere in the name or email: % and _ mean themselves. */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filters(options: { role?: AccountRoleName | null; status?: AccountStatus | null; search?: string | null }, now: Date): SQL[] {
  const where: SQL[] = [];
  const { role, status, search } = options;
  if (role === "admin") where.push(eq(accounts.isAdmin, true));
  else if (role === "staff") where.push(eq(accounts.isStaff, true));
  else if (role) {
    where.push(
      inArray(
        accounts.id,
        sql`(SELECT ${relationships.accountId} FROM ${relationships} WHERE ${relationships.kind} = ${role} AND ${activeRelationship(now)})`,
      ),
    );
  }
  if (status === "disabled") where.push(isNotNull(accounts.disabledAt));
  else if (status === "active") where.push(and(isNull(accounts.disabledAt), isNotNull(accounts.passwordHash))!);
  else if (status === "no_password") where.push(and(isNull(accounts.disabledAt), isNull(accounts.passwordHash))!);
  const term = search?.trim();
  if (term) where.push(or(ilike(accounts.displayName, likePattern(term)), ilike(accounts.email, likePattern(term)))!);
  return where;
}

async function rolesOf(db: Db, rows: { id: string; isAdmin: boolean; isStaff: boolean }[], now: Date): Promise<Map<string, AccountRoleName[]>> {
  const ids = rows.map((r) => r.id);
  const rels = ids.length
    ? await db
        .selectDistinct({ accountId: relationships.accountId, kind: relationships.kind })
        .from(relationships)
        .where(and(inArray(relationships.accountId, ids), activeRelationship(now)))
    : [];
  return new Map(
    rows.map((r) => {
      const kinds = new Set(rels.filter((x) => x.accountId === r.id).map((x) => x.kind));
      const roles = accountRoles.filter((role) => (role === "admin" ? r.isAdmin : role === "staff" ? r.isStaff : kinds.has(role)));
      return [r.id, roles];
    }),
  );
}

/** What the list and an account's page read of each account. */
const summaryColumns = {
  id: accounts.id,
  displayName: accounts.displayName,
  email: accounts.email,
  isAdmin: accounts.isAdmin,
  isStaff: accounts.isStaff,
  disabledAt: accounts.disabledAt,
  hasPassword: sql<boolean>`${accounts.passwordHash} IS NOT NULL`,
};

/**
 * One page of accounts, by name, filtered by role, status and a search of name and email. The
 * read is audited with the filters used, never the words searched for (they may be a name).
 */
export async function listAccounts(
  db: Db,
  actor: Actor,
  options: { role?: AccountRoleName | null; status?: AccountStatus | null; search?: string | null; page?: number },
  now = new Date(),
): Promise<{ accounts: AccountSummary[]; total: number; page: number; pages: number }> {
  ensureAdmin(actor);
  const where = and(...filters(options, now));
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(accounts).where(where);
  const pages = Math.max(1, Math.ceil(Number(total) / ACCOUNTS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const rows = await db
    .select(summaryColumns)
    .from(accounts)
    .where(where)
    .orderBy(asc(accounts.displayName), asc(accounts.id))
    .limit(ACCOUNTS_PER_PAGE)
    .offset((page - 1) * ACCOUNTS_PER_PAGE);
  const roles = await rolesOf(db, rows, now);
  await recordAudit(db, actor, {
    action: "account.list",
    recordType: "account",
    details: { role: options.role ?? null, status: options.status ?? null, searched: Boolean(options.search?.trim()), page },
  });
  return {
    accounts: rows.map((r) => ({ id: r.id, displayName: r.displayName, email: r.email, roles: roles.get(r.id) ?? [], status: statusOf(r) })),
    total: Number(total),
    page,
    pages,
  };
}

/** One account, for its page; the read is audited. A 404 (NotFoundError) when there is none. */
export async function getAccount(db: Db, actor: Actor, accountId: string, now = new Date()): Promise<AccountDetail> {
  ensureAdmin(actor);
  const [row] = await db
    .select({ ...summaryColumns, createdAt: accounts.createdAt, hasApp: sql<boolean>`${accounts.totpEnrolledAt} IS NOT NULL` })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  if (!row) throw new NotFoundError();
  const roles = await rolesOf(db, [row], now);
  const by = alias(accounts, "changed_by_account");
  const history = await db
    .select({ change: accountStatusChanges.change, reason: accountStatusChanges.reason, changedByName: by.displayName, changedAt: accountStatusChanges.changedAt })
    .from(accountStatusChanges)
    .innerJoin(by, eq(by.id, accountStatusChanges.changedBy))
    .where(eq(accountStatusChanges.accountId, accountId))
    .orderBy(desc(accountStatusChanges.changedAt), desc(accountStatusChanges.id));
  await recordAudit(db, actor, { action: "account.view", recordType: "account", recordId: accountId });
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    roles: roles.get(row.id) ?? [],
    status: statusOf(row),
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
    hasApp: Boolean(row.hasApp),
    history,
  };
}

/**
 * An admin invites a member of staff or another admin: the account, with no password yet, and a
 * one-time link to set one, as `npm run account:create` makes them. Audited as account.invite.
 */
export async function inviteAccount(
  db: Db,
  actor: Actor,
  input: { email: string; displayName: string; role: AccountRole },
  now = new Date(),
): Promise<{ accountId: string; token: string }> {
  ensureAdmin(actor);
  return createAccountWithLink(db, input, now, actor);
}

/**
 * The admin's own account, locked for this change, and still able to act: an admin disabled a
 * moment ago (by another admin, at the same time) can no longer disable anyone.
 */
async function lockActingAdmin(tx: Db, actor: Actor): Promise<void> {
  const [me] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, actor.accountId), eq(accounts.isAdmin, true), isNull(accounts.disabledAt)));
  if (!me) throw new NotFoundError();
}

/**
 * The admin's reason, kept with the account for other admins to read. The audit log names the
 * change by this row's id and never copies the words (decision 041: no free text in the log).
 */
async function recordStatusChange(tx: Db, actor: Actor, accountId: string, change: StatusChangeKind, reason: string, now: Date): Promise<string> {
  const [row] = await tx
    .insert(accountStatusChanges)
    .values({ accountId, change, reason, changedBy: actor.accountId, changedAt: now })
    .returning({ id: accountStatusChanges.id });
  return row!.id;
}

/**
 * Disable an account, with the admin's reason. At once: every session of the account ends, it
 * cannot sign in (the sign-in page says only that the email or password is wrong), and its unused
 * password links and the invitations it made and nobody has used stop working. An admin cannot
 * disable themselves, nor the last admin who can still sign in. Disabling a disabled account
 * changes nothing (another admin did it first): `changed` is false.
 */
export async function disableAccount(
  db: Db,
  actor: Actor,
  input: { accountId: string; reason: string },
  now = new Date(),
): Promise<{ changed: boolean; sessionsEnded: number; linksEnded: number; invitationsEnded: number }> {
  ensureAdmin(actor);
  if (input.accountId === actor.accountId) throw new CannotDisableError("yourself");
  return db.transaction(async (tx) => {
    // Every active admin row is locked first, in one order, so two admins disabling each other at
    // the same moment take turns, and the second sees that the first is gone.
    const admins = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.isAdmin, true), isNull(accounts.disabledAt)))
      .orderBy(asc(accounts.id))
      .for("update");
    await lockActingAdmin(tx, actor);
    const [target] = await tx
      .select({ id: accounts.id, isAdmin: accounts.isAdmin, disabledAt: accounts.disabledAt })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for("update");
    if (!target) throw new NotFoundError();
    if (target.disabledAt) return { changed: false, sessionsEnded: 0, linksEnded: 0, invitationsEnded: 0 };
    if (target.isAdmin && admins.filter((a) => a.id !== target.id).length === 0) throw new CannotDisableError("last_admin");
    await tx.update(accounts).set({ disabledAt: now }).where(eq(accounts.id, target.id));
    const changeId = await recordStatusChange(tx, actor, target.id, "disabled", input.reason, now);
    const endedSessions = await tx.delete(sessions).where(eq(sessions.accountId, target.id)).returning({ idHash: sessions.idHash });
    // A link ends as an expired one does: it says so, and that a new one is needed.
    const endedLinks = await tx
      .update(passwordLinks)
      .set({ expiresAt: now })
      .where(and(eq(passwordLinks.accountId, target.id), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now)))
      .returning({ id: passwordLinks.id });
    const endedInvitations = await tx
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.createdBy, target.id), isNull(invitations.usedAt), gt(invitations.expiresAt, now)))
      .returning({ id: invitations.id });
    const result = { sessionsEnded: endedSessions.length, linksEnded: endedLinks.length, invitationsEnded: endedInvitations.length };
    await recordAudit(tx, actor, {
      action: "account.disable",
      recordType: "account",
      recordId: target.id,
      details: { change: changeId, ...result },
    });
    return { changed: true, ...result };
  });
}

/**
 * Enable a disabled account again, with the admin's reason. It restores signing in only: the
 * sessions, links and invitations that ended stay ended. Enabling an active account changes
 * nothing (false).
 */
export async function enableAccount(db: Db, actor: Actor, input: { accountId: string; reason: string }, now = new Date()): Promise<boolean> {
  ensureAdmin(actor);
  return db.transaction(async (tx) => {
    await lockActingAdmin(tx, actor);
    const [target] = await tx
      .select({ id: accounts.id, disabledAt: accounts.disabledAt })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for("update");
    if (!target) throw new NotFoundError();
    if (!target.disabledAt) return false;
    await tx.update(accounts).set({ disabledAt: null }).where(eq(accounts.id, target.id));
    const changeId = await recordStatusChange(tx, actor, target.id, "enabled", input.reason, now);
    await recordAudit(tx, actor, { action: "account.enable", recordType: "account", recordId: target.id, details: { change: changeId } });
    return true;
  });
}

/**
 * Reset someone's authenticator app, with the admin's reason (decision 046): for a person who lost
 * both their phone and their recovery codes. The app's key and every recovery code are removed and
 * every session of the account ends, in one transaction. Signing in then asks staff and admins to
 * set up an app again (as for a new account); others sign in with their password alone until they
 * add one. Not for yourself. An account with no app changes nothing (`changed` is false: another
 * admin did it first).
 */
export async function resetAuthenticatorApp(
  db: Db,
  actor: Actor,
  input: { accountId: string; reason: string },
  now = new Date(),
): Promise<{ changed: boolean; sessionsEnded: number; recoveryCodesRemoved: number }> {
  ensureAdmin(actor);
  if (input.accountId === actor.accountId) throw new CannotResetAppError("yourself");
  return db.transaction(async (tx) => {
    await lockActingAdmin(tx, actor);
    const [target] = await tx
      .select({ id: accounts.id, sealed: accounts.totpSecret, enrolledAt: accounts.totpEnrolledAt })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for("update");
    if (!target) throw new NotFoundError();
    if (!target.sealed && !target.enrolledAt) return { changed: false, sessionsEnded: 0, recoveryCodesRemoved: 0 };
    await tx.update(accounts).set({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null }).where(eq(accounts.id, target.id));
    const removedCodes = await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, target.id)).returning({ id: recoveryCodes.id });
    const endedSessions = await tx.delete(sessions).where(eq(sessions.accountId, target.id)).returning({ idHash: sessions.idHash });
    const changeId = await recordStatusChange(tx, actor, target.id, "app_reset", input.reason, now);
    const result = { sessionsEnded: endedSessions.length, recoveryCodesRemoved: removedCodes.length };
    await recordAudit(tx, actor, { action: "totp.reset", recordType: "account", recordId: target.id, details: { change: changeId, ...result } });
    return { changed: true, ...result };
  });
}

/**
 * A one-time link for someone to set a new password, shown to the admin to pass on: a reset link
 * (an hour) for an account with a password, or a new set-up link (7 days) for one that has none
 * yet. Only the newest link works: earlier unused ones end. Using it ends every session of the
 * account (setPasswordFromLink). Not for yourself, and not for a disabled account.
 */
export async function issuePasswordLink(
  db: Db,
  actor: Actor,
  accountId: string,
  now = new Date(),
  /** Also email the link to the account's address, through the outbox (decision 057). */
  options: { sendByEmail?: boolean } = {},
): Promise<{ token: string; purpose: "setup" | "reset"; displayName: string; emailed: boolean }> {
  ensureAdmin(actor);
  if (accountId === actor.accountId) throw new CannotIssueLinkError("yourself");
  return db.transaction(async (tx) => {
    await lockActingAdmin(tx, actor);
    const [target] = await tx
      .select({ id: accounts.id, email: accounts.email, displayName: accounts.displayName, disabledAt: accounts.disabledAt, passwordHash: accounts.passwordHash })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .for("update");
    if (!target) throw new NotFoundError();
    if (target.disabledAt) throw new CannotIssueLinkError("disabled");
    const purpose = target.passwordHash ? "reset" : "setup";
    await tx
      .update(passwordLinks)
      .set({ expiresAt: now })
      .where(and(eq(passwordLinks.accountId, target.id), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now)));
    const token = await insertPasswordLink(tx, target.id, purpose, now);
    const emailed = options.sendByEmail === true;
    if (emailed) {
      await queueLinkEmail(tx, { event: "password_link", key: sha256(token), email: target.email, path: `/password/${token}`, recipientAccountId: target.id }, now);
    }
    await recordAudit(tx, actor, { action: "password_link.issue", recordType: "account", recordId: target.id, details: emailed ? { purpose, emailed } : { purpose } });
    return { token, purpose, displayName: target.displayName, emailed };
  });
}

/** Admins who can still sign in, other than this account: for the "last admin" hint on a page. */
export async function otherActiveAdmins(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(accounts)
    .where(and(eq(accounts.isAdmin, true), isNull(accounts.disabledAt), ne(accounts.id, accountId)));
  return Number(row?.n ?? 0);
}
