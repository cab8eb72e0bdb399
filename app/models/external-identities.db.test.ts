import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, externalIdentities, invitations, serviceUsers } from "#db/schema/index";
import { demoPeople, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { actorFor, recordId } from "../../tests/support/actors";
import { confirmExternalIdentity, linkExternalIdentityToAccount, signInMethodsOf, signInWithExternalIdentity, unlinkExternalIdentity } from "./external-identities.server";
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
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sam-sub", invitation: null, nhsNumber: null })).toEqual({
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
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "stranger", invitation: null, nhsNumber: null })).toEqual({ status: "no-record" });
    expect((await getDb().select({ id: accounts.id }).from(accounts)).length).toBe(before);
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
    expect((await nhsLoginAudits("sign_in.failed")).map((a) => (a.details as { reason: string }).reason)).toEqual(["no-record"]);
  });

  it("a first link to a record with an NHS number needs NHS login's to match: another, or none, is refused and audited, and the invitation still works (decision 064)", async () => {
    await seedDemoData(getDb());
    const { token, serviceUserId } = await inviteRuth();
    await getDb().update(serviceUsers).set({ nhsNumber: "9434765919" }).where(eq(serviceUsers.id, serviceUserId));
    for (const nhsNumber of ["9434765870", null]) {
      expect(await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token, nhsNumber })).toEqual({ status: "nhs-number" });
    }
    expect(await getDb().select().from(externalIdentities).where(eq(externalIdentities.subject, "ruth-sub"))).toEqual([]);
    const refused = (await nhsLoginAudits("sign_in.failed")).filter((a) => (a.details as { reason: string }).reason === "nhs-number");
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ recordType: "invitation", serviceUserId: null });
    expect(JSON.stringify(refused)).not.toMatch(/9434765/);
    // The same number links, with the invitation that was not spent by the refusals.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token, nhsNumber: "9434765919" })).toMatchObject({ status: "ok", linked: "invitation" });
  });

  it("a carer's invitation: the carer's own NHS number links whatever the record holds; the person's own NHS login cannot take it (decisions 064, 066)", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await getDb().update(serviceUsers).set({ nhsNumber: "9434765919" }).where(eq(serviceUsers.id, sam));
    const jo = await actorFor(demoPeople.jo.email);
    const inviteCarer = (name: string, email: string) =>
      createInvitation(getDb(), jo, { kind: "carer_of", serviceUserId: sam, displayName: name, email, scopes: [], basis: null });

    // Someone signs in to NHS login as Sam (Sam's NHS number) with a carer's invitation: nothing is linked.
    const chris = await inviteCarer("Chris Taylor", "chris@example.org");
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sams-own-sub", invitation: chris.token, nhsNumber: "9434765919" })).toEqual({
      status: "nhs-number-other",
    });
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
    expect(await getDb().select().from(accounts).where(eq(accounts.email, "chris@example.org"))).toEqual([]);
    const refused = (await nhsLoginAudits("sign_in.failed")).filter((a) => (a.details as { reason: string }).reason === "nhs-number-other");
    expect(refused).toMatchObject([{ recordType: "invitation", recordId: chris.invitationId }]);
    expect(JSON.stringify(refused)).not.toMatch(/9434765|sams-own-sub/);

    // Chris's own NHS login (his own number, not Sam's) takes the same invitation, still usable.
    const linked = await signInWithExternalIdentity(getDb(), { provider, subject: "chris-sub", invitation: chris.token, nhsNumber: "9434765870" });
    expect(linked).toMatchObject({ status: "ok", linked: "invitation" });
    expect((await actorFor("chris@example.org")).relationships).toEqual([{ kind: "carer_of", serviceUserId: sam, scopes: [] }]);
    // A carer whose NHS login brings no number at all is not held to the record's either.
    const dana = await inviteCarer("Dana Taylor", "dana@example.org");
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "dana-sub", invitation: dana.token, nhsNumber: null })).toMatchObject({ status: "ok" });
    // And Sam's own NHS login was never tied to anyone, so his own way in stays open.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sams-own-sub", invitation: null, nhsNumber: "9434765919" })).toEqual({ status: "no-record" });
  });

  it("a person's own invitation cannot link an NHS login whose number is on another record", async () => {
    await seedDemoData(getDb());
    const sam = await recordId("Sam Taylor");
    await getDb().update(serviceUsers).set({ nhsNumber: "9434765919" }).where(eq(serviceUsers.id, sam));
    // Ruth's record has no number; Sam's NHS login brings his.
    const { token } = await inviteRuth();
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sams-own-sub", invitation: token, nhsNumber: "9434765919" })).toEqual({ status: "nhs-number-other" });
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token, nhsNumber: "9434765870" })).toMatchObject({ status: "ok" });
  });

  it("on a first sign-in from an invitation, makes the account (no password) and links it, once", async () => {
    await seedDemoData(getDb());
    const { token, serviceUserId } = await inviteRuth();
    const first = await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token, nhsNumber: null });
    expect(first).toMatchObject({ status: "ok", linked: "invitation" });
    const ruthId = (first as { accountId: string }).accountId;
    const [ruth] = await getDb().select().from(accounts).where(eq(accounts.id, ruthId));
    expect(ruth).toMatchObject({ email: "ruth@example.org", displayName: "Ruth Evans", passwordHash: null });
    expect((await actorFor("ruth@example.org")).relationships).toEqual([{ kind: "service_user", serviceUserId, scopes: [] }]);
    const [inv] = await getDb().select().from(invitations).where(eq(invitations.acceptedBy, ruthId));
    expect(inv?.usedAt).not.toBeNull();
    // Next time the subject alone finds her; the spent invitation changes nothing.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token, nhsNumber: null })).toEqual({
      status: "ok",
      accountId: ruthId,
      linked: "before",
    });
    // Another subject cannot use the spent invitation.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "someone-else", invitation: token, nhsNumber: null })).toEqual({ status: "used" });
    expect(await getDb().select().from(externalIdentities).where(eq(externalIdentities.subject, "someone-else"))).toEqual([]);
    expect((await nhsLoginAudits("external_identity.link")).map((a) => a.actorAccountId)).toEqual([ruthId]);
  });

  it("refuses an unknown or expired invitation, and an email that already has an account, making nothing", async () => {
    await seedDemoData(getDb());
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "x", invitation: "no-such-token-at-all-here", nhsNumber: null })).toEqual({
      status: "unknown",
    });
    const { token } = await inviteRuth();
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "x", invitation: token, nhsNumber: null }, later)).toEqual({ status: "expired" });
    await getDb().insert(accounts).values({ email: "ruth@example.org", displayName: "Another Ruth" });
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "x", invitation: token, nhsNumber: null })).toEqual({ status: "email-taken" });
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
  });

  it("refuses a linked account an admin has disabled", async () => {
    await seedDemoData(getDb());
    const sam = await accountId(demoPeople.sam.email);
    await getDb().insert(externalIdentities).values({ provider, subject: "sam-sub", accountId: sam });
    await getDb().update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.id, sam));
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sam-sub", invitation: null, nhsNumber: null })).toEqual({ status: "disabled" });
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

describe("linking NHS login to an account from Your account (decision 066)", () => {
  async function samsRecord(nhsNumber: string | null) {
    const sam = await actorFor(demoPeople.sam.email);
    const own = sam.relationships.find((r) => r.kind === "service_user")!.serviceUserId;
    await getDb().update(serviceUsers).set({ nhsNumber }).where(eq(serviceUsers.id, own));
    return sam;
  }

  it("links the person's own account only when NHS login's number is the one on their record, and audits each try", async () => {
    await seedDemoData(getDb());
    const sam = await samsRecord("9434765919");
    for (const nhsNumber of ["9434765870", null]) {
      expect(await linkExternalIdentityToAccount(getDb(), sam, { provider, subject: "sam-sub", nhsNumber })).toEqual({ status: "nhs-number" });
    }
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
    expect(await linkExternalIdentityToAccount(getDb(), sam, { provider, subject: "sam-sub", nhsNumber: "9434765919" })).toEqual({ status: "ok" });
    expect(await signInMethodsOf(getDb(), sam.accountId, provider)).toMatchObject({ hasPassword: true, linkedAt: expect.any(Date) });
    // From now on NHS login alone finds Sam's account.
    expect(await signInWithExternalIdentity(getDb(), { provider, subject: "sam-sub", invitation: null, nhsNumber: "9434765919" })).toMatchObject({ status: "ok", accountId: sam.accountId });
    const refused = await nhsLoginAudits("external_identity.link_refused");
    expect(refused.map((a) => (a.details as { reason: string }).reason)).toEqual(["nhs-number", "nhs-number"]);
    const linked = await nhsLoginAudits("external_identity.link");
    expect(linked).toMatchObject([{ actorAccountId: sam.accountId, recordType: "account", recordId: sam.accountId, details: { from: "account" } }]);
    expect(JSON.stringify([...refused, ...linked])).not.toMatch(/9434765|sam-sub/);
  });

  it("refuses an NHS login linked to another account, and a second NHS login for one account", async () => {
    await seedDemoData(getDb());
    const sam = await samsRecord(null);
    const alex = await actorFor(demoPeople.alex.email);
    expect(await linkExternalIdentityToAccount(getDb(), sam, { provider, subject: "sam-sub", nhsNumber: "9434765919" })).toEqual({ status: "ok" });
    // The same again changes nothing.
    expect(await linkExternalIdentityToAccount(getDb(), sam, { provider, subject: "sam-sub", nhsNumber: "9434765919" })).toEqual({ status: "ok" });
    expect(await linkExternalIdentityToAccount(getDb(), alex, { provider, subject: "sam-sub", nhsNumber: "9434765870" })).toEqual({ status: "linked-elsewhere" });
    expect(await linkExternalIdentityToAccount(getDb(), sam, { provider, subject: "another-sub", nhsNumber: "9434765919" })).toEqual({ status: "account-linked" });
    const rows = await getDb().select({ subject: externalIdentities.subject, accountId: externalIdentities.accountId }).from(externalIdentities);
    expect(rows).toEqual([{ subject: "sam-sub", accountId: sam.accountId }]);
    expect((await nhsLoginAudits("external_identity.link")).length).toBe(1);
  });

  it("a carer's account is the person of no record: their own NHS number links, the person's is refused", async () => {
    await seedDemoData(getDb());
    await samsRecord("9434765919");
    const alex = await actorFor(demoPeople.alex.email);
    // Alex signs in to NHS login as Sam: that NHS login would open Alex's account as Sam.
    expect(await linkExternalIdentityToAccount(getDb(), alex, { provider, subject: "sams-own-sub", nhsNumber: "9434765919" })).toEqual({ status: "nhs-number-other" });
    expect(await linkExternalIdentityToAccount(getDb(), alex, { provider, subject: "alex-sub", nhsNumber: "9434765870" })).toEqual({ status: "ok" });
    expect(await getDb().select({ subject: externalIdentities.subject }).from(externalIdentities)).toEqual([{ subject: "alex-sub" }]);
  });

  it("unlinks only an account that also has a password, and audits it", async () => {
    await seedDemoData(getDb());
    const sam = await samsRecord(null);
    expect(await unlinkExternalIdentity(getDb(), sam, provider)).toBe(false);
    await linkExternalIdentityToAccount(getDb(), sam, { provider, subject: "sam-sub", nhsNumber: null });
    expect(await unlinkExternalIdentity(getDb(), sam, provider)).toBe(true);
    expect(await getDb().select().from(externalIdentities)).toEqual([]);
    expect(await nhsLoginAudits("external_identity.unlink")).toMatchObject([{ actorAccountId: sam.accountId, recordId: sam.accountId }]);
    // An account made through NHS login has no password: unlinking would leave it no way in.
    const { token } = await inviteRuth();
    const ruth = await signInWithExternalIdentity(getDb(), { provider, subject: "ruth-sub", invitation: token, nhsNumber: null });
    const ruthActor = await actorFor("ruth@example.org");
    expect(ruthActor.accountId).toBe((ruth as { accountId: string }).accountId);
    expect(await unlinkExternalIdentity(getDb(), ruthActor, provider)).toBe(false);
    expect(await getDb().select({ subject: externalIdentities.subject }).from(externalIdentities)).toEqual([{ subject: "ruth-sub" }]);
  });
});

describe("signing in with NHS login again, before setting a first password (decision 067)", () => {
  it("counts only the NHS login linked to the person's own account, and audits each try without the subject", async () => {
    await seedDemoData(getDb());
    const sam = await actorFor(demoPeople.sam.email);
    const alex = await accountId(demoPeople.alex.email);
    await getDb().insert(externalIdentities).values([
      { provider, subject: "sam-sub", accountId: sam.accountId },
      { provider, subject: "alex-sub", accountId: alex },
    ]);
    expect(await confirmExternalIdentity(getDb(), sam, { provider, subject: "alex-sub" })).toBe(false);
    expect(await confirmExternalIdentity(getDb(), sam, { provider, subject: "nobody-sub" })).toBe(false);
    expect(await confirmExternalIdentity(getDb(), sam, { provider, subject: "sam-sub" })).toBe(true);
    const failed = await nhsLoginAudits("sign_in.failed");
    expect(failed.map((a) => [a.actorAccountId, a.recordId, (a.details as { reason: string; again: boolean }).reason])).toEqual([
      [sam.accountId, sam.accountId, "again-other"],
      [sam.accountId, sam.accountId, "again-other"],
    ]);
    expect(await nhsLoginAudits("sign_in")).toMatchObject([{ actorAccountId: sam.accountId, details: { again: true, method: provider } }]);
    expect(JSON.stringify([...failed, ...(await nhsLoginAudits("sign_in"))])).not.toMatch(/sam-sub|alex-sub|nobody-sub/);
  });
});
