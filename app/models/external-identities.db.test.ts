import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, externalIdentities, invitations } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor } from "../../tests/support/actors";
import { signInWithExternalIdentity } from "./external-identities.server";
import { createInvitation } from "./invitation.server";

const provider = "nhs-login" as const;

async function accountId(email: string): Promise<string> {
  const [row] = await getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return row!.id;
}

async function inviteRuth() {
  const jo = await actorFor(demoPeople.jo.email);
  return createInvitation(getDb(), jo, { kind: "service_user", displayName: "Ruth Evans", email: "ruth@example.org", planLevel: "cpa" });
}

async function nhsLoginAudits(action: string) {
  const rows = await getDb().select().from(auditEvents).where(eq(auditEvents.action, action));
  return rows.filter((r) => (r.details as { method?: string } | null)?.method === provider);
}

describe("signing in with an outside identity (NHS login, decision 051)", () => {
  it("finds the account linked to the subject, and audits the sign-in with its method", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    await getDb().insert(externalIdentities).values({ provider, subject: "sam-sub", accountId: sam });
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sam-sub", invitation: null })).toEqual({
      status: "ok",
      accountId: sam,
      linked: "before",
    });
    const audits = await nhsLoginAudits("sign_in");
    expect(audits.map((a) => a.actorAccountId)).toEqual([sam]);
    // The subject is never written to the audit log.
    expect(JSON.stringify(audits)).not.toContain("sam-sub");
  });

  it("never makes an account or a record for a subject it does not know", async () => {
    await seedDemoData(getDb());
    const before = (await getDb().select({ id: accounts.id }).from(accounts)).length;
    // Same email as Sam's in the token would not matter: matching is by subject only.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "stranger", invitation: null })).toEqual({ status: "no-record" });
    expect((await getDb().select({ id: accounts.id }).from(accounts)).length).toBe(before);
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
    expect((await nhsLoginAudits("sign_in.failed")).map((a) => (a.details as { reason: string }).reason)).toEqual(["no-record"]);
  });

  it("on a first sign-in from an invitation, makes the account (no password) and links it, once", async () => {
    await seedDemoData(getDb());
    const { token, serviceUserId } = await inviteRuth();
    const first = await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token });
    expect(first).toMatchObject({ status: "ok", linked: "invitation" });
    const ruthId = (first as { accountId: string }).accountId;
    const [ruth] = await getDb().select().from(accounts).where(eq(accounts.id, ruthId));
    expect(ruth).toMatchObject({ email: "ruth@example.org", displayName: "Ruth Evans", passwordHash: null });
    expect((await actorFor("ruth@example.org")).relationships).toEqual([{ kind: "service_user", serviceUserId, scopes: [] }]);
    const [inv] = await getDb().select().from(invitations).where(eq(invitations.acceptedBy, ruthId));
    expect(inv?.usedAt).not.toBeNull();
    // Next time the subject alone finds her; the spent invitation changes nothing.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token })).toEqual({
      status: "ok",
      accountId: ruthId,
      linked: "before",
    });
    // Another subject cannot use the spent invitation.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "someone-else", invitation: token })).toEqual({ status: "used" });
    expect(await getDb().select().from(externalIdentities).where(eq(externalIdentities.subject, "someone-else"))).toEqual([]);
    expect((await nhsLoginAudits("external_identity.link")).map((a) => a.actorAccountId)).toEqual([ruthId]);
  });

  it("refuses an unknown or expired invitation, and an email that already has an account, making nothing", async () => {
    await seedDemoData(getDb());
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "x", invitation: "no-such-token-at-all-here" })).toEqual({
      status: "unknown",
    });
    const { token } = await inviteRuth();
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "x", invitation: token }, later)).toEqual({ status: "expired" });
    await getDb().insert(accounts).values({ email: "ruth@example.org", displayName: "Another Ruth" });
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "x", invitation: token })).toEqual({ status: "email-taken" });
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
  });

  it("refuses a linked account an admin has disabled", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    await getDb().insert(externalIdentities).values({ provider, subject: "sam-sub", accountId: sam });
    await getDb().update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, sam));
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sam-sub", invitation: null })).toEqual({ status: "disabled" });
    expect(await nhsLoginAudits("sign_in")).toEqual([]);
  });

  it("links one subject to one account, and an account to one subject", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    const alex = await accountId(demoPeople.alex.email);
    await getDb().insert(externalIdentities).values({ provider, subject: "one", accountId: sam });
    await expect(getDb().insert(externalIdentities).values({ provider, subject: "one", accountId: alex })).rejects.toThrow();
    await expect(getDb().insert(externalIdentities).values({ provider, subject: "two", accountId: sam })).rejects.toThrow();
    expect(await getDb().select().from(externalIdentities).where(and(eq(externalIdentities.provider, provider)))).toHaveLength(1);
  });
});
