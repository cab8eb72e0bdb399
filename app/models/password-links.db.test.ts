import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditEvents, invitations, loginAttempts, passwordLinks, sessions, signInCounters } from "#db/schema/index";
import { demoPeople, hasDemoAccounts, seedDemoData } from "#db/seed";
import { createSession } from "~/web/auth.server";
import { getDb } from "~/utils/db.server";
import { signIn } from "./account.server";
import { purgeExpired } from "./housekeeping.server";
import { AccountExistsError, createAccountWithLink, getPasswordLink, setPasswordFromLink } from "./password-links.server";

describe("accounts made by an operator, with a one-time link", () => {
  it("makes a staff account with no password; the link sets one once, ends other sessions, and is audited", async () => {
    const { accountId, token } = await createAccountWithLink(getDb(), { email: " Nia.Evans@Trust.example ", displayName: "Nia Evans", role: "staff" });
    const [made] = await getDb().select().from(accounts).where(eq(accounts.id, accountId));
    expect(made).toMatchObject({ email: "nia.evans@trust.example", isStaff: true, isAdmin: false, passwordHash: null });
    // No password yet: nobody can sign in.
    expect((await signIn(getDb(), { email: "nia.evans@trust.example", password: "anything at all", address: "a" })).status).toBe("invalid");

    expect(await getPasswordLink(getDb(), token)).toEqual({ status: "valid", purpose: "setup", displayName: "Nia Evans" });
    await createSession(getDb(), accountId);
    expect((await setPasswordFromLink(getDb(), { token, password: "heron kettle lantern" })).status).toBe("ok");
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, accountId))).toEqual([]);
    expect((await signIn(getDb(), { email: "nia.evans@trust.example", password: "heron kettle lantern", address: "a" })).status).toBe("ok");
    expect(await getPasswordLink(getDb(), token)).toEqual({ status: "used" });
    expect((await setPasswordFromLink(getDb(), { token, password: "another one entirely" })).status).toBe("used");
    const audit = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, accountId));
    // The refused sign-in before a password was set, and the one after, are audited too.
    expect(audit.map((a) => a.action).sort()).toEqual(["account.create", "account.password_set", "sign_in", "sign_in.failed"]);
  });

  it("an admin is not staff; an email already in use is refused; unknown and expired links say so", async () => {
    const { accountId, token } = await createAccountWithLink(getDb(), { email: "ops@trust.example", displayName: "Ops", role: "admin" });
    const [made] = await getDb().select().from(accounts).where(eq(accounts.id, accountId));
    expect(made).toMatchObject({ isStaff: false, isAdmin: true });
    await expect(createAccountWithLink(getDb(), { email: "OPS@trust.example", displayName: "Again", role: "staff" })).rejects.toBeInstanceOf(
      AccountExistsError,
    );
    expect(await getPasswordLink(getDb(), "not-a-token")).toEqual({ status: "unknown" });
    const eightDaysOn = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await getPasswordLink(getDb(), token, eightDaysOn)).toEqual({ status: "expired" });
    expect((await setPasswordFromLink(getDb(), { token, password: "heron kettle lantern" }, eightDaysOn)).status).toBe("expired");
  });
});

describe("housekeeping", () => {
  it("removes ended sessions, spent invitations and old sign-in attempts, and keeps the rest", async () => {
    await seedDemoData(getDb());
    expect(await hasDemoAccounts(getDb())).toBe(true);
    const [sam] = await getDb().select().from(accounts).where(eq(accounts.email, demoPeople.sam.email));
    const now = new Date();
    const longAgo = new Date(now.getTime() - 40 * 24 * 60 * 60 * 1000);
    await createSession(getDb(), sam!.id, longAgo);
    const current = await createSession(getDb(), sam!.id, now);
    await getDb().insert(loginAttempts).values([
      { emailKey: "e", addressKey: "a", succeeded: false, at: longAgo },
      { emailKey: "e", addressKey: "a", succeeded: false, at: now },
    ]);
    await getDb().insert(signInCounters).values([
      { key: "old", failures: 3, windowStart: longAgo },
      { key: "current", failures: 3, windowStart: now },
    ]);
    const before = await getDb().select({ n: invitations.id }).from(invitations);
    const { token } = await createAccountWithLink(getDb(), { email: "x@trust.example", displayName: "X", role: "staff" });

    const removed = await purgeExpired(getDb(), now);
    // One old link attempt and one old sign-in counter.
    expect(removed).toMatchObject({ sessions: 1, attempts: 2 });
    expect(await getDb().select().from(sessions)).toHaveLength(1);
    expect(current).toBeTruthy();
    expect(await getDb().select().from(loginAttempts)).toHaveLength(1);
    expect((await getDb().select().from(signInCounters)).map((c) => c.key)).toEqual(["current"]);
    expect(await getDb().select({ n: invitations.id }).from(invitations)).toHaveLength(before.length);
    // A live password link is kept.
    expect(await getPasswordLink(getDb(), token)).toMatchObject({ status: "valid" });
    expect(await getDb().select().from(passwordLinks)).toHaveLength(1);
  });
});
