import { and, eq, isNull } from "drizzle-orm";
import { accounts, invitations, relationships, serviceUsers, sharingGrants } from "#db/schema/index";
import { randomToken, sha256 } from "~/utils/crypto.server";
import type { Db } from "~/utils/db.server";
import { hashPassword } from "~/utils/passwords.server";
import { can, type Actor } from "./access.server";
import { shareableScopes, staffGrantBases, type GrantBasis, type InvitableKind, type Scope } from "./vocabulary/relationships";
import { normaliseEmail } from "./account.server";
import { recordAudit } from "./audit.server";
import { queueLinkEmail } from "./notifications.server";

export const INVITATION_DAYS = 7;

export type CreateInvitationInput =
  | { kind: "service_user"; displayName: string; email: string; planLevel: "cpa" | "lpc" }
  | {
      kind: "carer_of" | "advocate_for";
      serviceUserId: string;
      displayName: string;
      email: string;
      scopes: Scope[];
      /** "consent" only when the person invites their own carer; staff give a legal basis, and only when they share something. */
      basis: GrantBasis | null;
      /** The person's chosen end for what they share (end of this day). */
      grantEndsOn?: string | null;
    };

export class InvitingYourselfError extends Error {}

export class NotAllowedError extends Error {}

/**
 * Staff invite a new service user (and become their care coordinator), or a carer or advocate
 * for someone on their caseload. Returns the one-time token; only its hash is stored.
 */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: CreateInvitationInput,
  now = new Date(),
  /** Also email the link to the invited address, through the outbox (decision 057). */
  options: { sendByEmail?: boolean } = {},
): Promise<{ token: string; invitationId: string; serviceUserId: string; emailed: boolean }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    let serviceUserId: string;
    let scopes: Scope[] = [];
    let basis: string | null = null;
    let grantEndsAt: Date | null = null;
    if (input.kind === "service_user") {
      if (!can(actor, "invitation.create", { organisation: true })) throw new NotAllowedError();
      const [created] = await tx
        .insert(serviceUsers)
        .values({ displayName: input.displayName, planLevel: input.planLevel })
        .returning({ id: serviceUsers.id });
      serviceUserId = created!.id;
      await tx.insert(relationships).values({
        accountId: actor.accountId,
        serviceUserId,
        kind: "care_team_member_of",
        teamRole: "care_coordinator",
      });
    } else {
      serviceUserId = input.serviceUserId;
      // The care team invites carers and advocates; the person invites their own carers.
      const ownCarer = input.kind === "carer_of" && can(actor, "sharing.manage", { serviceUserId });
      if (!can(actor, "invitation.create", { serviceUserId }) && !ownCarer) throw new NotAllowedError();
      const [me] = await tx.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, actor.accountId));
      if (me && me.email === normaliseEmail(input.email)) throw new InvitingYourselfError();
      // Grants are what they say (issue 16): only what a person can share on their own sharing page
      // (acting on someone's behalf has its own page, with its legal basis and end date); the
      // person's consent only from the person; staff record a legal basis, never "consent".
      if (!input.scopes.every((scope) => (shareableScopes as readonly Scope[]).includes(scope))) throw new NotAllowedError();
      if (input.scopes.length) {
        const allowedBases: readonly GrantBasis[] = ownCarer ? ["consent"] : staffGrantBases;
        if (!input.basis || !allowedBases.includes(input.basis)) throw new NotAllowedError();
      }
      scopes = input.scopes;
      basis = input.scopes.length ? input.basis : null;
      grantEndsAt = input.grantEndsOn ? new Date(`${input.grantEndsOn}T23:59:59.999Z`) : null;
    }
    const [inv] = await tx
      .insert(invitations)
      .values({
        tokenHash: sha256(token),
        email: normaliseEmail(input.email),
        displayName: input.displayName,
        kind: input.kind,
        serviceUserId,
        scopes,
        basis,
        grantEndsAt,
        createdBy: actor.accountId,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await recordAudit(tx, actor, {
      action: "invitation.create",
      serviceUserId,
      recordType: "invitation",
      recordId: inv!.id,
      details: options.sendByEmail ? { kind: input.kind, scopes, emailed: true } : { kind: input.kind, scopes },
    });
    if (options.sendByEmail) {
      await queueLinkEmail(tx, { event: "invitation", key: inv!.id, email: normaliseEmail(input.email), path: `/invitations/${token}`, serviceUserId }, now);
    }
    return { token, invitationId: inv!.id, serviceUserId, emailed: options.sendByEmail === true };
  });
}

export type InvitationStatus =
  | { status: "valid"; displayName: string; kind: InvitableKind; serviceUserName: string }
  | { status: "expired" | "used" | "unknown" };

export async function getInvitation(db: Db, token: string, now = new Date()): Promise<InvitationStatus> {
  const [row] = await db
    .select({
      displayName: invitations.displayName,
      kind: invitations.kind,
      expiresAt: invitations.expiresAt,
      usedAt: invitations.usedAt,
      serviceUserName: serviceUsers.displayName,
    })
    .from(invitations)
    .innerJoin(serviceUsers, eq(serviceUsers.id, invitations.serviceUserId))
    .where(eq(invitations.tokenHash, sha256(token)));
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  return {
    status: "valid",
    displayName: row.displayName,
    kind: row.kind as InvitableKind,
    serviceUserName: row.serviceUserName,
  };
}

/** Whose password a usable invitation sets: their name and email, to refuse a password made from them. */
export async function invitationPerson(db: Db, token: string, now = new Date()): Promise<{ displayName: string; email: string } | null> {
  const [row] = await db
    .select({ displayName: invitations.displayName, email: invitations.email, expiresAt: invitations.expiresAt, usedAt: invitations.usedAt })
    .from(invitations)
    .where(eq(invitations.tokenHash, sha256(token)));
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) return null;
  return { displayName: row.displayName, email: row.email };
}

export type AcceptResult =
  | { status: "ok"; accountId: string }
  | { status: "expired" | "used" | "unknown" | "email-taken" };

/**
 * The invitee sets a password: the account, the relationship and any grants are made together.
 * The invitation is looked up before the password is hashed (hashing is the expensive part, so a
 * guessed or spent token costs the server nothing), and checked again under a lock after.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; password: string },
  now = new Date(),
): Promise<AcceptResult> {
  const found = await getInvitation(db, input.token, now);
  if (found.status !== "valid") return { status: found.status };
  const [invited] = await db.select({ email: invitations.email }).from(invitations).where(eq(invitations.tokenHash, sha256(input.token)));
  const [taken] = invited ? await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, invited.email)) : [];
  if (taken) return { status: "email-taken" };
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const claimed = await lockUsableInvitation(tx, input.token, now);
    if (claimed.status !== "usable") return claimed;
    const accountId = await useInvitation(tx, claimed.invitation, { passwordHash }, now);
    return { status: "ok" as const, accountId };
  });
}

/** A usable invitation's row, locked for update by the caller's transaction. */
export type InvitationRow = typeof invitations.$inferSelect;

/** In the caller's transaction: the invitation locked, if it can still be used and its email is free. */
export async function lockUsableInvitation(
  tx: Db,
  token: string,
  now: Date,
): Promise<{ status: "usable"; invitation: InvitationRow } | { status: "expired" | "used" | "unknown" | "email-taken" }> {
  const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, sha256(token))).for("update");
  if (!inv) return { status: "unknown" };
  if (inv.usedAt) return { status: "used" };
  if (inv.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  const [taken] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, inv.email));
  if (taken) return { status: "email-taken" };
  return { status: "usable", invitation: inv };
}

/**
 * Inside the caller's transaction, with the invitation locked and checked (not used, not expired,
 * its email not taken): the account, its relationship and any grants, the invitation marked used,
 * and the audit entry. With a password (the invitation page) or none (NHS login, decision 051).
 */
export async function useInvitation(tx: Db, inv: InvitationRow, account: { passwordHash: string | null }, now: Date): Promise<string> {
  const [created] = await tx
    .insert(accounts)
    .values({ email: inv.email, displayName: inv.displayName, passwordHash: account.passwordHash })
    .returning({ id: accounts.id });
  const accountId = created!.id;
  await relateAndUse(tx, inv, accountId, now);
  return accountId;
}

/** The relationship the invitation names and any grants, the invitation marked used, and the audit entry. */
async function relateAndUse(tx: Db, inv: InvitationRow, accountId: string, now: Date): Promise<void> {
  const [rel] = await tx
    .insert(relationships)
    .values({ accountId, serviceUserId: inv.serviceUserId, kind: inv.kind, startedAt: now })
    .returning({ id: relationships.id });
  if (inv.scopes.length) {
    await tx.insert(sharingGrants).values(
      inv.scopes.map((scope) => ({
        relationshipId: rel!.id,
        scope,
        basis: inv.basis ?? "consent",
        grantedBy: inv.createdBy,
        startsAt: now,
        endsAt: inv.grantEndsAt,
      })),
    );
  }
  await tx
    .update(invitations)
    .set({ usedAt: now, acceptedBy: accountId })
    .where(and(eq(invitations.id, inv.id)));
  await recordAudit(tx, { accountId, isStaff: false, relationships: [] }, {
    action: "invitation.accept",
    serviceUserId: inv.serviceUserId,
    recordType: "invitation",
    recordId: inv.id,
    details: { kind: inv.kind },
  });
}

/** Invitations an existing account can accept while signed in (decision 060): a carer or advocate for one more person. */
export function forExistingAccount(kind: string): boolean {
  return kind === "carer_of" || kind === "advocate_for";
}

export type AcceptSignedInResult =
  | { status: "ok"; serviceUserId: string }
  | { status: "expired" | "used" | "unknown" | "other-account" | "already" };

/**
 * Someone who already has an account is invited as a carer (or advocate) for one more person
 * (decision 060): signed in as the account the invitation's email belongs to, they accept, and the
 * relationship and any grants are added to that account. Its password and name do not change.
 */
export async function acceptInvitationSignedIn(db: Db, actor: Actor, token: string, now = new Date()): Promise<AcceptSignedInResult> {
  return db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, sha256(token))).for("update");
    if (!inv) return { status: "unknown" as const };
    if (inv.usedAt) return { status: "used" as const };
    if (inv.expiresAt.getTime() <= now.getTime()) return { status: "expired" as const };
    const [me] = await tx.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, actor.accountId));
    if (!me || me.email !== inv.email || !forExistingAccount(inv.kind)) return { status: "other-account" as const };
    const [existing] = await tx
      .select({ id: relationships.id })
      .from(relationships)
      .where(
        and(
          eq(relationships.accountId, actor.accountId),
          eq(relationships.serviceUserId, inv.serviceUserId),
          eq(relationships.kind, inv.kind),
          isNull(relationships.endedAt),
        ),
      );
    if (existing) return { status: "already" as const };
    await relateAndUse(tx, inv, actor.accountId, now);
    return { status: "ok" as const, serviceUserId: inv.serviceUserId };
  });
}

/** Whether a usable invitation's email already has an account (shown only to whoever holds the link). */
export async function invitationForExistingAccount(db: Db, token: string): Promise<string | null> {
  const [row] = await db
    .select({ email: invitations.email, kind: invitations.kind, accountId: accounts.id })
    .from(invitations)
    .innerJoin(accounts, eq(accounts.email, invitations.email))
    .where(eq(invitations.tokenHash, sha256(token)));
  return row && forExistingAccount(row.kind) ? row.accountId : null;
}
