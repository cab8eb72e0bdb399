import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import { accounts, externalIdentities, relationships, serviceUsers } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
import type { Actor } from "./access.server";
import { recordAudit } from "./audit.server";
import { lockUsableInvitation, useInvitation } from "./invitation.server";

export type ExternalProvider = (typeof externalIdentities.provider.enumValues)[number];

export type ExternalSignInResult =
  | { status: "ok"; accountId: string; linked: "before" | "invitation" }
  /** No account has this subject and no invitation came with the flow: "We could not find your record". */
  | { status: "no-record" }
  /** The linked account was disabled by an admin (decision 045). */
  | { status: "disabled" }
  /** The invitation the flow started from cannot be used. */
  | { status: "expired" | "used" | "unknown" | "email-taken" }
  /** The record the invitation is for holds an NHS number, and NHS login's is another (or none): nothing is linked (decision 064). */
  | { status: "nhs-number" }
  /**
   * NHS login's NHS number is on a record that is not the person's own here: a carer's invitation
   * used with the NHS login of the person they care for, say. Nothing is linked (decision 066).
   */
  | { status: "nhs-number-other" };

/**
 * Whether NHS login's NHS number fits the records an account is (or will be) the person of: each of
 * those that holds a number must hold this one ("nhs-number"), and no other record may hold it
 * ("nhs-number-other"). A carer's or advocate's account is the person of no record: their own
 * number is not checked against the record they support, only kept off it.
 */
async function nhsNumberProblem(db: Db, ownRecordIds: string[], nhsNumber: string | null): Promise<"nhs-number" | "nhs-number-other" | null> {
  if (ownRecordIds.length > 0) {
    const own = await db.select({ nhsNumber: serviceUsers.nhsNumber }).from(serviceUsers).where(inArray(serviceUsers.id, ownRecordIds));
    if (own.some((r) => r.nhsNumber !== null && r.nhsNumber !== nhsNumber)) return "nhs-number";
  }
  if (nhsNumber === null) return null;
  const [holder] = await db.select({ id: serviceUsers.id }).from(serviceUsers).where(eq(serviceUsers.nhsNumber, nhsNumber));
  return holder && !ownRecordIds.includes(holder.id) ? "nhs-number-other" : null;
}

const auditMethod = (provider: ExternalProvider) => ({ method: provider });

/**
 * Someone proved who they are at an outside provider (NHS login): find their account by the
 * provider's subject (`sub`), never by email (decision 051). With no account linked yet, an
 * invitation the flow started from makes their account and links it, in one transaction; without
 * one nothing is made: a record is never created out of thin air. Each outcome is audited with its
 * method; the subject itself is never written to the audit log.
 */
export async function signInWithExternalIdentity(
  db: Db,
  input: { provider: ExternalProvider; subject: string; invitation: string | null; nhsNumber: string | null },
  now = new Date(),
): Promise<ExternalSignInResult> {
  const [linked] = await db
    .select({ accountId: accounts.id, disabledAt: accounts.disabledAt })
    .from(externalIdentities)
    .innerJoin(accounts, eq(accounts.id, externalIdentities.accountId))
    .where(and(eq(externalIdentities.provider, input.provider), eq(externalIdentities.subject, input.subject)));
  if (linked) {
    if (linked.disabledAt) {
      await recordAudit(db, null, {
        action: "sign_in.failed",
        recordType: "account",
        recordId: linked.accountId,
        details: { reason: "disabled", ...auditMethod(input.provider) },
      });
      return { status: "disabled" };
    }
    await auditSignedIn(db, linked.accountId, input.provider);
    return { status: "ok", accountId: linked.accountId, linked: "before" };
  }
  if (!input.invitation) {
    await recordAudit(db, null, { action: "sign_in.failed", details: { reason: "no-record", ...auditMethod(input.provider) } });
    return { status: "no-record" };
  }
  const token = input.invitation;
  const result = await db.transaction(async (tx) => {
    const claimed = await lockUsableInvitation(tx, token, now);
    if (claimed.status !== "usable") return claimed;
    // The person's own invitation to a record with an NHS number: NHS login must bring the same one.
    // A carer's or advocate's invitation is to someone else's record: its number is not theirs, and
    // NHS login's must not be it (nor any other record's), or the person's own NHS login would open
    // their carer's account.
    const own = claimed.invitation.kind === "service_user" ? [claimed.invitation.serviceUserId] : [];
    const problem = await nhsNumberProblem(tx, own, input.nhsNumber);
    if (problem) return { status: problem, invitationId: claimed.invitation.id };
    // An account made for NHS login has no password: it signs in only through NHS login.
    const accountId = await useInvitation(tx, claimed.invitation, { passwordHash: null }, now);
    await tx.insert(externalIdentities).values({ provider: input.provider, subject: input.subject, accountId, linkedAt: now });
    await recordAudit(tx, { accountId, isStaff: false, relationships: [] }, {
      action: "external_identity.link",
      recordType: "account",
      recordId: accountId,
      details: auditMethod(input.provider),
    });
    return { status: "ok" as const, accountId, linked: "invitation" as const };
  });
  if (result.status === "ok") {
    await auditSignedIn(db, result.accountId, input.provider);
    return result;
  }
  if (result.status === "nhs-number" || result.status === "nhs-number-other") {
    // Which invitation, so the team can see it was tried; never either number.
    await recordAudit(db, null, { action: "sign_in.failed", recordType: "invitation", recordId: result.invitationId, details: { reason: result.status, ...auditMethod(input.provider) } });
    return { status: result.status };
  }
  await recordAudit(db, null, { action: "sign_in.failed", details: { reason: `invitation-${result.status}`, ...auditMethod(input.provider) } });
  return result;
}

async function auditSignedIn(db: Db, accountId: string, provider: ExternalProvider): Promise<void> {
  await recordAudit(db, { accountId, isStaff: false, relationships: [] }, {
    action: "sign_in",
    recordType: "account",
    recordId: accountId,
    details: auditMethod(provider),
  });
}

/** A refusal after NHS login answered (an identity level too low for a record), audited with its method. */
export async function auditRefusedSignIn(db: Db, provider: ExternalProvider, reason: "level" | "failed"): Promise<void> {
  await recordAudit(db, null, { action: "sign_in.failed", details: { reason, ...auditMethod(provider) } });
}

/** How an account signs in: whether it has a password, and when NHS login was linked to it (if it was). */
export async function signInMethodsOf(db: Db, accountId: string, provider: ExternalProvider): Promise<{ hasPassword: boolean; linkedAt: Date | null }> {
  const [row] = await db
    .select({ passwordHash: accounts.passwordHash, linkedAt: externalIdentities.linkedAt })
    .from(accounts)
    .leftJoin(externalIdentities, and(eq(externalIdentities.accountId, accounts.id), eq(externalIdentities.provider, provider)))
    .where(eq(accounts.id, accountId));
  return { hasPassword: Boolean(row?.passwordHash), linkedAt: row?.linkedAt ?? null };
}

export type LinkToAccountResult =
  | { status: "ok" }
  /** This subject is already linked to another account: one NHS login names one account. */
  | { status: "linked-elsewhere" }
  /** This account already has another NHS login linked: unlink that one first. */
  | { status: "account-linked" }
  /** The account is a service user's, their record holds an NHS number, and NHS login's is another (or none). */
  | { status: "nhs-number" }
  /** NHS login's NHS number is on a record that is not this account's own (the person a carer supports). */
  | { status: "nhs-number-other" };

type LinkRefusal = Exclude<LinkToAccountResult, { status: "ok" }>["status"];

async function linkRefusalFor(db: Db, actor: Actor, input: { provider: ExternalProvider; subject: string; nhsNumber: string | null }, now: Date): Promise<LinkRefusal | "same" | null> {
  const [bySubject] = await db
    .select({ accountId: externalIdentities.accountId })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.provider, input.provider), eq(externalIdentities.subject, input.subject)));
  if (bySubject) return bySubject.accountId === actor.accountId ? "same" : "linked-elsewhere";
  const [byAccount] = await db
    .select({ id: externalIdentities.id })
    .from(externalIdentities)
    .where(and(eq(externalIdentities.provider, input.provider), eq(externalIdentities.accountId, actor.accountId)));
  if (byAccount) return "account-linked";
  // The person's own records (a carer's or advocate's account has none: the record they support is not theirs).
  const own = await db
    .select({ id: relationships.serviceUserId })
    .from(relationships)
    .where(
      and(
        eq(relationships.accountId, actor.accountId),
        eq(relationships.kind, "service_user"),
        or(isNull(relationships.endedAt), gt(relationships.endedAt, now)),
      ),
    );
  return nhsNumberProblem(db, own.map((r) => r.id), input.nhsNumber);
}

/**
 * A signed-in person links NHS login to their own account from "Your account" (decision 066), after
 * giving their password again and coming back from NHS login in the same session. Linked by `sub`
 * as ever; refused when that `sub` names another account, when the account has an NHS login
 * already, or when the person's own record holds an NHS number that NHS login's is not (decision
 * 064's check, here for an account that had a password first). Audited either way, never with the
 * subject or a number.
 */
export async function linkExternalIdentityToAccount(
  db: Db,
  actor: Actor,
  input: { provider: ExternalProvider; subject: string; nhsNumber: string | null },
  now = new Date(),
): Promise<LinkToAccountResult> {
  const audit = { recordType: "account", recordId: actor.accountId };
  let outcome: LinkRefusal | "same" | "linked";
  try {
    outcome = await db.transaction(async (tx) => {
      const refusal = await linkRefusalFor(tx, actor, input, now);
      if (refusal) return refusal;
      await tx.insert(externalIdentities).values({ provider: input.provider, subject: input.subject, accountId: actor.accountId, linkedAt: now });
      await recordAudit(tx, actor, { action: "external_identity.link", ...audit, details: { ...auditMethod(input.provider), from: "account" } });
      return "linked" as const;
    });
  } catch (error) {
    // Two links at once: the unique indexes let one through; the other is told why, as if it came second.
    const refusal = await linkRefusalFor(db, actor, input, now);
    if (!refusal || refusal === "same") throw error;
    outcome = refusal;
  }
  if (outcome === "linked" || outcome === "same") return { status: "ok" };
  await recordAudit(db, actor, { action: "external_identity.link_refused", ...audit, details: { reason: outcome, ...auditMethod(input.provider) } });
  return { status: outcome };
}

/**
 * A signed-in person signs in with NHS login again, before setting a first password (decision 067):
 * true only when NHS login's subject is the one linked to their own account. Audited either way as a
 * sign-in (`again: true`), never with the subject.
 */
export async function confirmExternalIdentity(db: Db, actor: Actor, input: { provider: ExternalProvider; subject: string }): Promise<boolean> {
  const [linked] = await db
    .select({ id: externalIdentities.id })
    .from(externalIdentities)
    .where(
      and(
        eq(externalIdentities.provider, input.provider),
        eq(externalIdentities.subject, input.subject),
        eq(externalIdentities.accountId, actor.accountId),
      ),
    );
  const audit = { recordType: "account", recordId: actor.accountId };
  if (!linked) {
    await recordAudit(db, actor, { action: "sign_in.failed", ...audit, details: { reason: "again-other", again: true, ...auditMethod(input.provider) } });
    return false;
  }
  await recordAudit(db, actor, { action: "sign_in", ...audit, details: { again: true, ...auditMethod(input.provider) } });
  return true;
}

/**
 * Stop signing in with NHS login (decision 066): only for an account that also has a password, so
 * nobody is left without a way in. Audited; false when there was nothing to unlink or no password.
 */
export async function unlinkExternalIdentity(db: Db, actor: Actor, provider: ExternalProvider): Promise<boolean> {
  const { hasPassword } = await signInMethodsOf(db, actor.accountId, provider);
  if (!hasPassword) return false;
  const removed = await db
    .delete(externalIdentities)
    .where(and(eq(externalIdentities.provider, provider), eq(externalIdentities.accountId, actor.accountId)))
    .returning({ id: externalIdentities.id });
  if (removed.length === 0) return false;
  await recordAudit(db, actor, { action: "external_identity.unlink", recordType: "account", recordId: actor.accountId, details: auditMethod(provider) });
  return true;
}
