import { and, eq } from "drizzle-orm";
import { accounts, externalIdentities } from "#db/schema/index";
import type { Db } from "~/utils/db.server";
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
  | { status: "expired" | "used" | "unknown" | "email-taken" };

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
  input: { provider: ExternalProvider; subject: string; invitation: string | null },
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
  if (result.status === "ok") await auditSignedIn(db, result.accountId, input.provider);
  else await recordAudit(db, null, { action: "sign_in.failed", details: { reason: `invitation-${result.status}`, ...auditMethod(input.provider) } });
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
