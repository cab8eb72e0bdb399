import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accounts, auditEvents, invitations, passwordLinks, recoveryCodes, sessions } from "#db/schema/index";
import { demoPeople, DEMO_PASSWORD, seedDemoData } from "#db/seed";
import { createSession, loadActor, readSession, SESSION_COOKIE } from "~/web/auth.server";
import { cookieName } from "~/web/cookies.server";
import { getDb } from "~/utils/db.server";
import { NotFoundError, type Actor } from "./access.server";
import {
  ACCOUNTS_PER_PAGE,
  CannotDisableError,
  CannotIssueLinkError,
  CannotResetAppError,
  disableAccount,
  enableAccount,
  getAccount,
  inviteAccount,
  issuePasswordLink,
  listAccounts,
  resetAuthenticatorApp,
} from "./accounts-admin.server";
import { checkSecondStep, secondStepFor } from "./account-security.server";
import { signIn } from "./account.server";
import { createInvitation } from "./invitation.server";
import { AccountExistsError, getPasswordLink, setPasswordFromLink } from "./password-links.server";

async function account(email: string) {
  const [row] = await getDb().select().from(accounts).where(eq(accounts.email, email));
  return row!;
}
async function actorOf(email: string): Promise<Actor> {
  return loadActor(getDb(), await account(email));
}
async function auditOf(recordId: string) {
  return getDb().select().from(auditEvents).where(eq(auditEvents.recordId, recordId));
}

let rowan: Actor;
beforeEach(async () => {
  await seedDemoData(getDb());
  rowan = await actorOf(demoPeople.rowan.email);
});

describe("who may run the accounts", () => {
  it("refuses everyone but admins, with the same not-found answer as a missing record", async () => {
    const sam = await account(demoPeople.sam.email);
    for (const who of [demoPeople.jo, demoPeople.sam, demoPeople.alex]) {
      const actor = await actorOf(who.email);
      await expect(listAccounts(getDb(), actor, {})).rejects.toBeInstanceOf(NotFoundError);
      await expect(getAccount(getDb(), actor, sam.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(disableAccount(getDb(), actor, { accountId: sam.id, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(issuePasswordLink(getDb(), actor, sam.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(resetAuthenticatorApp(getDb(), actor, { accountId: sam.id, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(inviteAccount(getDb(), actor, { email: "a@trust.example", displayName: "A", role: "admin" })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await account(demoPeople.sam.email)).disabledAt).toBeNull();
  });
});

describe("the list of accounts", () => {
  it("shows each account's roles and status, filters by role, status and search, and audits the read without the words searched", async () => {
    const all = await listAccounts(getDb(), rowan, {});
    expect(all.total).toBe(Object.keys(demoPeople).length);
    const roles = Object.fromEntries(all.accounts.map((a) => [a.email, a.roles]));
    expect(roles[demoPeople.rowan.email]).toEqual(["admin"]);
    expect(roles[demoPeople.jo.email]).toEqual(["staff"]);
    expect(roles[demoPeople.sam.email]).toEqual(["service_user"]);
    expect(roles[demoPeople.alex.email]).toEqual(["carer_of"]);
    expect(roles[demoPeople.priya.email]).toEqual(["advocate_for"]);
    expect(all.accounts.every((a) => a.status === "active")).toBe(true);
    // By name.
    expect(all.accounts.map((a) => a.displayName)).toEqual([...all.accounts.map((a) => a.displayName)].sort());

    expect((await listAccounts(getDb(), rowan, { role: "staff" })).accounts.map((a) => a.email).sort()).toEqual(
      [demoPeople.jo.email, demoPeople.tom.email].sort(),
    );
    expect((await listAccounts(getDb(), rowan, { role: "carer_of" })).accounts.map((a) => a.email)).toEqual([demoPeople.alex.email]);
    expect((await listAccounts(getDb(), rowan, { search: "TAYLOR" })).accounts.map((a) => a.email).sort()).toEqual(
      [demoPeople.alex.email, demoPeople.sam.email].sort(),
    );
    // % and _ are only themselves.
    expect((await listAccounts(getDb(), rowan, { search: "%" })).total).toBe(0);
    expect((await listAccounts(getDb(), rowan, { search: "jo.okafor@" })).accounts.map((a) => a.email)).toEqual([demoPeople.jo.email]);

    await inviteAccount(getDb(), rowan, { email: "nia.evans@trust.example", displayName: "Nia Evans", role: "staff" });
    const waiting = await listAccounts(getDb(), rowan, { status: "no_password" });
    expect(waiting.accounts.map((a) => [a.email, a.status])).toEqual([["nia.evans@trust.example", "no_password"]]);

    const reads = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "account.list"));
    expect(reads.length).toBeGreaterThanOrEqual(7);
    expect(reads.every((r) => r.actorAccountId === rowan.accountId)).toBe(true);
    expect(JSON.stringify(reads.map((r) => r.details))).not.toMatch(/taylor|okafor/i);
  });

  it("is paged, and a page past the end shows the last one", async () => {
    for (let i = 0; i < ACCOUNTS_PER_PAGE + 3; i++) {
      await getDb().insert(accounts).values({ email: `person${i}@trust.example`, displayName: `Zed Person ${String(i).padStart(2, "0")}` });
    }
    const first = await listAccounts(getDb(), rowan, {});
    expect(first.accounts).toHaveLength(ACCOUNTS_PER_PAGE);
    expect(first.pages).toBe(2);
    const last = await listAccounts(getDb(), rowan, { page: 99 });
    expect(last.page).toBe(2);
    expect(last.accounts).toHaveLength(Object.keys(demoPeople).length + 3);
    expect(new Set([...first.accounts, ...last.accounts].map((a) => a.id)).size).toBe(first.total);
  });
});

describe("inviting staff and admins", () => {
  it("makes the account with a set-up link, audited as the admin's invitation; an email in use is refused", async () => {
    const { accountId, token } = await inviteAccount(getDb(), rowan, { email: " Ops@Trust.example ", displayName: "Ops Person", role: "admin" });
    expect(await account("ops@trust.example")).toMatchObject({ id: accountId, isAdmin: true, isStaff: false, passwordHash: null });
    expect(await getPasswordLink(getDb(), token)).toEqual({ status: "valid", purpose: "setup", displayName: "Ops Person" });
    const [event] = await auditOf(accountId);
    expect(event).toMatchObject({ action: "account.invite", actorAccountId: rowan.accountId, details: { role: "admin", by: "admin" } });
    await expect(inviteAccount(getDb(), rowan, { email: demoPeople.sam.email, displayName: "Sam", role: "staff" })).rejects.toBeInstanceOf(
      AccountExistsError,
    );
  });
});

describe("disabling and enabling", () => {
  it("ends every session, refuses sign-in as a wrong password, ends its links and invitations; enabling restores sign-in only", async () => {
    const jo = await account(demoPeople.jo.email);
    const joActor = await actorOf(demoPeople.jo.email);
    const samRecord = joActor.relationships.find((r) => r.kind === "care_team_member_of")!.serviceUserId;
    await createSession(getDb(), jo.id);
    await createSession(getDb(), jo.id);
    const { token: inviteToken } = await createInvitation(getDb(), joActor, {
      kind: "carer_of",
      serviceUserId: samRecord,
      displayName: "New Carer",
      email: "new.carer@example.org",
      scopes: [],
      basis: null,
    });
    const { token: resetToken } = await issuePasswordLink(getDb(), rowan, jo.id);

    const result = await disableAccount(getDb(), rowan, { accountId: jo.id, reason: "Left the trust" });
    expect(result).toEqual({ changed: true, sessionsEnded: 2, linksEnded: 1, invitationsEnded: 1 });
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, jo.id))).toEqual([]);
    expect((await getAccount(getDb(), rowan, jo.id)).history).toMatchObject([{ change: "disabled", reason: "Left the trust", changedByName: "Rowan Price" }]);
    // The right password gets the same answer as a wrong one.
    expect(await signIn(getDb(), { email: demoPeople.jo.email, password: DEMO_PASSWORD, address: "198.51.100.1" })).toEqual({ status: "invalid" });
    expect(await getPasswordLink(getDb(), resetToken)).toEqual({ status: "expired" });
    expect((await setPasswordFromLink(getDb(), { token: resetToken, password: "heron kettle lantern" })).status).toBe("expired");
    const [invitation] = await getDb().select().from(invitations).where(eq(invitations.createdBy, jo.id));
    expect(invitation!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(inviteToken).toBeTruthy();
    // A reset link for a disabled account is refused.
    await expect(issuePasswordLink(getDb(), rowan, jo.id)).rejects.toEqual(new CannotIssueLinkError("disabled"));
    // Twice changes nothing.
    expect((await disableAccount(getDb(), rowan, { accountId: jo.id, reason: "Again" })).changed).toBe(false);

    expect(await enableAccount(getDb(), rowan, { accountId: jo.id, reason: "Came back" })).toBe(true);
    expect(await account(demoPeople.jo.email)).toMatchObject({ disabledAt: null });
    expect((await getAccount(getDb(), rowan, jo.id)).history.map((h) => [h.change, h.reason])).toEqual([
      ["enabled", "Came back"],
      ["disabled", "Left the trust"],
    ]);
    expect((await signIn(getDb(), { email: demoPeople.jo.email, password: DEMO_PASSWORD, address: "198.51.100.2" })).status).toBe("ok");
    // The links that ended stay ended.
    expect(await getPasswordLink(getDb(), resetToken)).toEqual({ status: "expired" });
    expect(await enableAccount(getDb(), rowan, { accountId: jo.id, reason: "Again" })).toBe(false);

    const events = await auditOf(jo.id);
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["password_link.issue", "account.disable", "sign_in.failed", "account.enable", "sign_in"]),
    );
    expect(events.find((e) => e.action === "sign_in.failed")!.details).toEqual({ reason: "disabled" });
    // The log names the change by its id; the admin's words stay out of it (decision 041).
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Left the trust|Came back/);
    expect(events.find((e) => e.action === "account.disable")!.details).toMatchObject({ change: expect.any(String), sessionsEnded: 2 });
  });

  it("a session that outlives the disabling (made at that moment) is not honoured", async () => {
    const sam = await account(demoPeople.sam.email);
    await disableAccount(getDb(), rowan, { accountId: sam.id, reason: "Asked us to" });
    const late = await createSession(getDb(), sam.id);
    const state = await readSession(new Request("http://localhost/", { headers: { cookie: `${cookieName(SESSION_COOKIE)}=${late}` } }));
    expect(state.status).not.toBe("active");
  });

  it("an admin cannot disable themselves, nor the last admin who can sign in", async () => {
    await expect(disableAccount(getDb(), rowan, { accountId: rowan.accountId, reason: "x" })).rejects.toEqual(new CannotDisableError("yourself"));
    const { accountId: otherId } = await inviteAccount(getDb(), rowan, { email: "ops@trust.example", displayName: "Ops", role: "admin" });
    const other = await loadActor(getDb(), { id: otherId, isStaff: false, isAdmin: true });
    // Two admins: one may disable the other; then the one left is the last.
    expect((await disableAccount(getDb(), other, { accountId: rowan.accountId, reason: "Testing" })).changed).toBe(true);
    // Rowan, now disabled, can no longer act (not even to disable the last admin).
    await expect(disableAccount(getDb(), rowan, { accountId: otherId, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await account("ops@trust.example")).disabledAt).toBeNull();
  });

  it("two admins disabling each other at the same moment: one of them stays", async () => {
    const { accountId: otherId } = await inviteAccount(getDb(), rowan, { email: "ops@trust.example", displayName: "Ops", role: "admin" });
    const other = await loadActor(getDb(), { id: otherId, isStaff: false, isAdmin: true });
    const outcomes = await Promise.allSettled([
      disableAccount(getDb(), rowan, { accountId: otherId, reason: "a" }),
      disableAccount(getDb(), other, { accountId: rowan.accountId, reason: "b" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const active = await getDb()
      .select()
      .from(accounts)
      .where(and(eq(accounts.isAdmin, true)));
    expect(active.filter((a) => a.disabledAt === null)).toHaveLength(1);
  });
});

describe("password links issued by an admin", () => {
  it("a reset link for someone with a password (only the newest works); using it ends their sessions; not for yourself", async () => {
    const sam = await account(demoPeople.sam.email);
    const first = await issuePasswordLink(getDb(), rowan, sam.id);
    const second = await issuePasswordLink(getDb(), rowan, sam.id);
    expect(second).toMatchObject({ purpose: "reset", displayName: "Sam Taylor" });
    expect(await getPasswordLink(getDb(), first.token)).toEqual({ status: "expired" });
    await createSession(getDb(), sam.id);
    expect((await setPasswordFromLink(getDb(), { token: second.token, password: "heron kettle lantern" })).status).toBe("ok");
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, sam.id))).toEqual([]);
    expect((await signIn(getDb(), { email: demoPeople.sam.email, password: "heron kettle lantern", address: "a" })).status).toBe("ok");
    const issued = (await auditOf(sam.id)).filter((e) => e.action === "password_link.issue");
    expect(issued.map((e) => [e.actorAccountId, e.details])).toEqual([
      [rowan.accountId, { purpose: "reset" }],
      [rowan.accountId, { purpose: "reset" }],
    ]);
    await expect(issuePasswordLink(getDb(), rowan, rowan.accountId)).rejects.toEqual(new CannotIssueLinkError("yourself"));
  });

  it("a new set-up link for an account with no password yet", async () => {
    const { accountId, token } = await inviteAccount(getDb(), rowan, { email: "nia@trust.example", displayName: "Nia", role: "staff" });
    const again = await issuePasswordLink(getDb(), rowan, accountId);
    expect(again.purpose).toBe("setup");
    expect(await getPasswordLink(getDb(), token)).toEqual({ status: "expired" });
    const links = await getDb().select().from(passwordLinks).where(eq(passwordLinks.accountId, accountId));
    expect(links).toHaveLength(2);
  });
});

describe("resetting someone's authenticator app (decision 046)", () => {
  it("removes the key and the recovery codes, ends every session, keeps the reason; signing in then asks for a new app", async () => {
    const jo = await account(demoPeople.jo.email);
    expect(jo.totpSecret).not.toBeNull();
    expect((await getAccount(getDb(), rowan, jo.id)).hasApp).toBe(true);
    expect((await getDb().select().from(recoveryCodes).where(eq(recoveryCodes.accountId, jo.id))).length).toBeGreaterThan(0);
    await createSession(getDb(), jo.id);
    await createSession(getDb(), jo.id);

    const result = await resetAuthenticatorApp(getDb(), rowan, { accountId: jo.id, reason: "Lost phone and codes" });
    expect(result).toMatchObject({ changed: true, sessionsEnded: 2 });
    expect(result.recoveryCodesRemoved).toBeGreaterThan(0);
    expect(await account(demoPeople.jo.email)).toMatchObject({ totpSecret: null, totpEnrolledAt: null, totpLastStep: null });
    expect(await getDb().select().from(recoveryCodes).where(eq(recoveryCodes.accountId, jo.id))).toEqual([]);
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, jo.id))).toEqual([]);
    // The old codes no longer pass; staff set up an app again at their next sign-in.
    const code = await checkSecondStep(getDb(), { accountId: jo.id, method: "recovery", code: "DEMXA-2345A", address: "a" }, new Date(), { sleep: async () => {} });
    expect(code.status).toBe("invalid");
    expect(await secondStepFor(getDb(), jo.id)).toBe("enrol");
    expect((await signIn(getDb(), { email: demoPeople.jo.email, password: DEMO_PASSWORD, address: "198.51.100.3" })).status).toBe("ok");

    const detail = await getAccount(getDb(), rowan, jo.id);
    expect(detail.hasApp).toBe(false);
    expect(detail.history).toMatchObject([{ change: "app_reset", reason: "Lost phone and codes", changedByName: "Rowan Price" }]);
    const events = await auditOf(jo.id);
    const reset = events.find((e) => e.action === "totp.reset");
    expect(reset!.details).toMatchObject({ change: expect.any(String), sessionsEnded: 2 });
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/Lost phone/);
    // Again: nothing to reset.
    expect((await resetAuthenticatorApp(getDb(), rowan, { accountId: jo.id, reason: "Again" })).changed).toBe(false);
  });

  it("not for your own account, nor by an admin who was disabled meanwhile", async () => {
    await expect(resetAuthenticatorApp(getDb(), rowan, { accountId: rowan.accountId, reason: "x" })).rejects.toEqual(new CannotResetAppError("yourself"));
    const tom = await account(demoPeople.tom.email);
    const { accountId: otherId } = await inviteAccount(getDb(), rowan, { email: "ops@trust.example", displayName: "Ops", role: "admin" });
    const other = await loadActor(getDb(), { id: otherId, isStaff: false, isAdmin: true });
    await disableAccount(getDb(), other, { accountId: rowan.accountId, reason: "Testing" });
    await expect(resetAuthenticatorApp(getDb(), rowan, { accountId: tom.id, reason: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await account(demoPeople.tom.email)).totpSecret).not.toBeNull();
  });
});
