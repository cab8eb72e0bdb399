import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_RECOVERY_CODES, DEMO_TOTP_KEY, demoPeople, resealDemoTotpKeys, seedDemoData } from "#db/seed";
import { accounts, auditEvents, recoveryCodes, sessions } from "#db/schema/index";
import { getDb } from "~/utils/db.server";
import { sha256 } from "~/utils/crypto.server";
import { verifyPassword } from "~/utils/passwords.server";
import { base32Encode, totpCode, totpStep } from "~/utils/totp.server";
import { createSession, renewSession, SESSION_COOKIE } from "~/web/auth.server";
import { accountActor } from "./audit.server";
import { PAIR_LIMIT } from "./account.server";
import {
  changePassword,
  checkSecondStep,
  endOneSession,
  endOtherSessions,
  enrolTotp,
  listSessions,
  openTotpKey,
  regenerateRecoveryCodes,
  secondStepFor,
  SECOND_STEP_ACCOUNT_LIMIT,
  setOwnPassword,
  unusedRecoveryCodes,
} from "./account-security.server";

const noWait = { sleep: async () => {} };
const at = new Date("2026-12-04T10:00:00Z");

async function idOf(email: string): Promise<string> {
  const [row] = await getDb().select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return row!.id;
}

async function actions(accountId: string): Promise<string[]> {
  const rows = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.recordId, accountId));
  return rows.map((r) => r.action);
}

describe("the second step of signing in", () => {
  it("the demo staff have the demo key (sealed, not in plain) and recovery codes; others need nothing more", async () => {
    await seedDemoData(getDb());
    await resealDemoTotpKeys(getDb());
    const jo = await idOf(demoPeople.jo.email);
    const [row] = await getDb().select().from(accounts).where(eq(accounts.id, jo));
    expect(row!.totpSecret).not.toContain(DEMO_TOTP_KEY);
    expect(openTotpKey(jo, row!.totpSecret!)).toBe(DEMO_TOTP_KEY);
    // Sealed to the account: moved to another row, it does not open.
    expect(openTotpKey(await idOf(demoPeople.tom.email), row!.totpSecret!)).toBeNull();
    expect(await unusedRecoveryCodes(getDb(), jo)).toBe(10);
    expect(await secondStepFor(getDb(), jo)).toBe("code");
    expect(await secondStepFor(getDb(), await idOf(demoPeople.sam.email))).toBe("none");
    await getDb().update(accounts).set({ totpSecret: null, totpEnrolledAt: null }).where(eq(accounts.id, jo));
    expect(await secondStepFor(getDb(), jo)).toBe("enrol");
  });

  it("accepts the app's code once: the same code again is refused", async () => {
    await seedDemoData(getDb());
    const jo = await idOf(demoPeople.jo.email);
    const code = totpCode(DEMO_TOTP_KEY, at);
    expect(await checkSecondStep(getDb(), { accountId: jo, method: "totp", code, address: "a" }, at, noWait)).toEqual({ status: "ok" });
    expect(await checkSecondStep(getDb(), { accountId: jo, method: "totp", code, address: "a" }, at, noWait)).toEqual({ status: "invalid" });
    // The code of the next step still works (a clock a little ahead), then not one from before it.
    const next = totpCode(DEMO_TOTP_KEY, at.getTime() + 30_000);
    expect((await checkSecondStep(getDb(), { accountId: jo, method: "totp", code: next, address: "a" }, at, noWait)).status).toBe("ok");
    const [row] = await getDb().select({ last: accounts.totpLastStep }).from(accounts).where(eq(accounts.id, jo));
    expect(row!.last).toBe(totpStep(at) + 1);
    expect(await actions(jo)).toEqual(expect.arrayContaining(["sign_in.second_factor", "sign_in.second_factor.failed"]));
  });

  it("takes a recovery code once, in any case and spacing, and says how many are left in the audit", async () => {
    await seedDemoData(getDb());
    const jo = await idOf(demoPeople.jo.email);
    const code = DEMO_RECOVERY_CODES[0]!;
    const typed = ` ${code.toLowerCase().replace("-", " ")} `;
    expect((await checkSecondStep(getDb(), { accountId: jo, method: "recovery", code: typed, address: "a" }, at, noWait)).status).toBe("ok");
    expect((await checkSecondStep(getDb(), { accountId: jo, method: "recovery", code, address: "a" }, at, noWait)).status).toBe("invalid");
    expect(await unusedRecoveryCodes(getDb(), jo)).toBe(9);
    // Tom's codes are his own, even where they are the same words.
    const tom = await idOf(demoPeople.tom.email);
    expect((await checkSecondStep(getDb(), { accountId: tom, method: "recovery", code, address: "a" }, at, noWait)).status).toBe("ok");
    const used = await getDb()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, jo), eq(auditEvents.action, "recovery_code.used")));
    expect(used.map((u) => u.details)).toEqual([{ left: 9 }]);
    // Only hashes are kept.
    const stored = await getDb().select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.accountId, jo));
    expect(stored.some((s) => s.hash.includes("DEMX"))).toBe(false);
  });

  it("slows wrong codes from one address, then refuses them, even the right one, until the window ends", async () => {
    await seedDemoData(getDb());
    const jo = await idOf(demoPeople.jo.email);
    const delays: number[] = [];
    const statuses: string[] = [];
    for (let i = 0; i < PAIR_LIMIT; i++) {
      const result = await checkSecondStep(getDb(), { accountId: jo, method: "totp", code: "000000", address: "198.51.100.4" }, at, {
        sleep: async (ms) => void delays.push(ms),
      });
      statuses.push(result.status);
    }
    expect(statuses).toEqual([...Array(PAIR_LIMIT - 1).fill("invalid"), "locked"]);
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    const right = totpCode(DEMO_TOTP_KEY, at);
    expect(await checkSecondStep(getDb(), { accountId: jo, method: "totp", code: right, address: "198.51.100.4" }, at, noWait)).toEqual({
      status: "locked",
      minutes: 15,
    });
    // From another address the right code works (the account is not locked by one address).
    expect((await checkSecondStep(getDb(), { accountId: jo, method: "totp", code: right, address: "192.0.2.1" }, at, noWait)).status).toBe("ok");
    // After the window, the first address may try again.
    const later = new Date(at.getTime() + 16 * 60 * 1000);
    const code = totpCode(DEMO_TOTP_KEY, later);
    expect((await checkSecondStep(getDb(), { accountId: jo, method: "totp", code, address: "198.51.100.4" }, later, noWait)).status).toBe("ok");
  });

  it("refuses the account's second step after 20 wrong codes from many addresses", async () => {
    await seedDemoData(getDb());
    const jo = await idOf(demoPeople.jo.email);
    for (let i = 0; i < SECOND_STEP_ACCOUNT_LIMIT; i++) {
      await checkSecondStep(getDb(), { accountId: jo, method: "recovery", code: "WRONG-CODE", address: `10.0.0.${i}` }, at, noWait);
    }
    const right = totpCode(DEMO_TOTP_KEY, at);
    expect((await checkSecondStep(getDb(), { accountId: jo, method: "totp", code: right, address: "192.0.2.9" }, at, noWait)).status).toBe("locked");
  });

  it("sets up an app from a code it made, with 10 new recovery codes; making new codes ends the old ones", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    const key = base32Encode(Buffer.from("a key for the tests!"));
    const actor = accountActor(sam);
    expect(await enrolTotp(getDb(), actor, { key, code: "123456" }, at)).toEqual({ status: "wrong-code" });
    const result = await enrolTotp(getDb(), actor, { key, code: totpCode(key, at) }, at);
    expect(result.status).toBe("ok");
    const codes = result.status === "ok" ? result.recoveryCodes : [];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(await secondStepFor(getDb(), sam)).toBe("code");
    // The code used to confirm cannot sign in as well.
    expect((await checkSecondStep(getDb(), { accountId: sam, method: "totp", code: totpCode(key, at), address: "a" }, at, noWait)).status).toBe("invalid");
    const fresh = await regenerateRecoveryCodes(getDb(), actor, at);
    expect((await checkSecondStep(getDb(), { accountId: sam, method: "recovery", code: codes[0]!, address: "a" }, at, noWait)).status).toBe("invalid");
    expect((await checkSecondStep(getDb(), { accountId: sam, method: "recovery", code: fresh[0]!, address: "a" }, at, noWait)).status).toBe("ok");
    expect(await actions(sam)).toEqual(expect.arrayContaining(["totp.enrolled", "recovery_codes.regenerated", "recovery_code.used"]));
  });
});

describe("the person's password and sessions", () => {
  it("changing the password ends every other session of the account and keeps this one", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    const alex = await idOf(demoPeople.alex.email);
    const here = await createSession(getDb(), sam, at, { userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36" });
    await createSession(getDb(), sam, at);
    await createSession(getDb(), sam, at, { stage: "second_factor" });
    await createSession(getDb(), alex, at);
    const actor = accountActor(sam);
    const input = { current: DEMO_PASSWORD, password: "kettle river lantern", keepSessionHash: sha256(here) };
    expect(await changePassword(getDb(), actor, { ...input, current: "wrong" }, at)).toEqual({ status: "wrong-password" });
    expect(await changePassword(getDb(), actor, { ...input, password: "password123" }, at)).toEqual({ status: "common" });
    expect(await changePassword(getDb(), actor, { ...input, password: "SamTaylor99" }, at)).toEqual({ status: "personal" });
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, sam))).toHaveLength(3);
    expect(await changePassword(getDb(), actor, input, at)).toEqual({ status: "ok", endedSessions: 2 });
    const left = await getDb().select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.accountId, sam));
    expect(left).toEqual([{ idHash: sha256(here) }]);
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, alex))).toHaveLength(1);
    const [row] = await getDb().select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, sam));
    expect(await verifyPassword(row!.hash!, "kettle river lantern")).toBe(true);
    const again = { current: "kettle river lantern", password: "kettle river lantern", keepSessionHash: sha256(here) };
    expect(await changePassword(getDb(), actor, again, at)).toEqual({ status: "same" });
    expect(await actions(sam)).toEqual(expect.arrayContaining(["password.changed", "password.check_failed"]));
  });

  it("refuses the current password after 10 wrong ones in 15 minutes", async () => {
    await seedDemoData(getDb());
    const actor = accountActor(await idOf(demoPeople.sam.email));
    const input = { current: "wrong", password: "kettle river lantern", keepSessionHash: null };
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await changePassword(getDb(), actor, input, at)).status).toBe("wrong-password");
    expect(await changePassword(getDb(), actor, { ...input, current: DEMO_PASSWORD }, at)).toEqual({ status: "locked", minutes: 15 });
  });

  it("lists the account's signed-in sessions in plain words, this one first; ends one or all the others", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    const actor = accountActor(sam);
    const here = await createSession(getDb(), sam, at, { userAgent: "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36" });
    await createSession(getDb(), sam, new Date(at.getTime() + 60_000), { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1" });
    await createSession(getDb(), sam, at, { stage: "second_factor" });
    const [current] = await getDb().select({ id: sessions.publicId }).from(sessions).where(eq(sessions.idHash, sha256(here)));
    const listed = await listSessions(getDb(), sam, current!.id, new Date(at.getTime() + 120_000));
    expect(listed.map((s) => [s.browser, s.platform, s.current])).toEqual([
      ["Chrome", "Android", true],
      ["Safari", "iPhone", false],
    ]);
    // Nobody can end someone else's session, and this one ends by signing out.
    const alex = accountActor(await idOf(demoPeople.alex.email));
    expect(await endOneSession(getDb(), alex, { sessionId: listed[1]!.id, keepSessionHash: null })).toBe(false);
    expect(await endOneSession(getDb(), actor, { sessionId: current!.id, keepSessionHash: sha256(here) })).toBe(false);
    expect(await endOneSession(getDb(), actor, { sessionId: listed[1]!.id, keepSessionHash: sha256(here) })).toBe(true);
    expect(await endOtherSessions(getDb(), actor, sha256(here))).toBe(1);
    expect(await getDb().select().from(sessions).where(eq(sessions.accountId, sam))).toHaveLength(1);
    expect(await actions(sam)).toEqual(expect.arrayContaining(["session.ended", "session.ended_others"]));
  });

  it("says when each session signed in, not when it last got a new id; a session from before that was kept, when it began", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    const signedIn = new Date(at.getTime() - 3_600_000);
    // Renewed a minute ago (a new id, so a new row), after signing in an hour before.
    const renewed = await createSession(getDb(), sam, new Date(at.getTime() - 60_000), { signIn: { method: "password", at: signedIn } });
    await createSession(getDb(), sam, at, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1" });
    const [current] = await getDb().select({ id: sessions.publicId }).from(sessions).where(eq(sessions.idHash, sha256(renewed)));
    const listed = await listSessions(getDb(), sam, current!.id, new Date(at.getTime() + 120_000));
    expect(listed.map((s) => [s.current, s.signedInAt])).toEqual([
      [true, signedIn.toISOString()],
      [false, at.toISOString()],
    ]);
  });
});

describe("a first password for an account made through NHS login (decision 067)", () => {
  it("sets one with the usual rules, ends the other sessions, audits it without the password, and only once", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    await getDb().update(accounts).set({ passwordHash: null }).where(eq(accounts.id, sam));
    const here = await createSession(getDb(), sam, at);
    await createSession(getDb(), sam, at);
    const actor = accountActor(sam);
    const input = { password: "kettle river lantern", keepSessionHash: sha256(here) };
    expect(await setOwnPassword(getDb(), actor, { ...input, password: "password123" }, at)).toEqual({ status: "common" });
    expect(await setOwnPassword(getDb(), actor, { ...input, password: "SamTaylor99" }, at)).toEqual({ status: "personal" });
    expect(await setOwnPassword(getDb(), actor, input, at)).toEqual({ status: "ok", endedSessions: 1 });
    const [row] = await getDb().select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, sam));
    expect(await verifyPassword(row!.hash!, "kettle river lantern")).toBe(true);
    expect(await getDb().select({ idHash: sessions.idHash }).from(sessions).where(eq(sessions.accountId, sam))).toEqual([{ idHash: sha256(here) }]);
    // Once there is a password, it is changed with the current one: a second "first" password is refused.
    expect(await setOwnPassword(getDb(), actor, { ...input, password: "another long phrase" }, at)).toEqual({ status: "has-password" });
    expect(await verifyPassword((await getDb().select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, sam)))[0]!.hash!, "kettle river lantern")).toBe(true);
    const audits = await getDb()
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, sam), eq(auditEvents.action, "account.password_set")));
    expect(audits).toEqual([{ details: { from: "account", endedSessions: 1 } }]);
    expect(JSON.stringify(audits)).not.toContain("kettle");
  });

  it("waits after 10 tries in 15 minutes, counted with the change-password tries", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    await getDb().update(accounts).set({ passwordHash: null }).where(eq(accounts.id, sam));
    const actor = accountActor(sam);
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await setOwnPassword(getDb(), actor, { password: "password123", keepSessionHash: null }, at)).status).toBe("common");
    expect(await setOwnPassword(getDb(), actor, { password: "kettle river lantern", keepSessionHash: null }, at)).toEqual({ status: "locked", minutes: 15 });
    expect((await getDb().select({ hash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, sam)))[0]!.hash).toBeNull();
  });

  it("a renewed session has a new id and keeps how and when the person signed in", async () => {
    await seedDemoData(getDb());
    const sam = await idOf(demoPeople.sam.email);
    const old = await createSession(getDb(), sam, at, { signIn: { method: "nhs-login", at } });
    const request = new Request("http://localhost/account", { headers: { cookie: `${SESSION_COOKIE}=${old}`, "user-agent": "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0" } });
    const renewed = await renewSession(getDb(), request, sam);
    expect(renewed).not.toBe(old);
    const rows = await getDb().select({ idHash: sessions.idHash, method: sessions.signInMethod, at: sessions.signedInAt }).from(sessions).where(eq(sessions.accountId, sam));
    expect(rows).toEqual([{ idHash: sha256(renewed), method: "nhs-login", at }]);
  });
});
