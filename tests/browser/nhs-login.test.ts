import { cpSync, mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accounts, externalIdentities, serviceUsers } from "#db/schema/index";
import { DEMO_PASSWORD, demoPeople } from "#db/seed";
import { acceptInvitation, createInvitation } from "~/models/invitation.server";
import { openDatabase, setDatabase } from "~/utils/db.server";
import { RECORD_VTR } from "~/web/nhs-login.server";
import { createSession } from "~/web/auth.server";
import { actorFor } from "../support/actors";
import { baseURL, expectNoAxeViolations, expectPageBasics, launch, newContext, plain, signIn } from "../support/browser";
import { startTestNhsLogin, type TestNhsLogin, type TestNhsPerson } from "../support/oidc-provider";
import { startServer, type RunningServer } from "../support/server";

/**
 * Signing in with NHS login end to end (SE-01 to SE-03, decision 051): a portal of this file's own,
 * set up for NHS login, and a real OpenID provider on loopback set up as NHS login is.
 */

const person = (sub: string, level: "P9" | "P5", givenName: string, familyName: string, nhsNumber = "9999999999"): TestNhsPerson => ({
  sub,
  level,
  givenName,
  familyName,
  nhsNumber,
  birthdate: "1990-01-01",
  email: `${givenName.toLowerCase()}@nhs-login.example`,
});
const NIA_NHS_NUMBER = "9434765919";
const NIA_EMAIL = "nia.jones@example.org";
const people = [
  person("nhs-sam", "P9", "Sam", "Taylor"),
  // Maya's NHS login is linked, but her identity was checked only to P5.
  person("nhs-maya", "P5", "Maya", "Patel"),
  person("nhs-ruth", "P9", "Ruth", "Evans"),
  person("nhs-stranger", "P9", "Lee", "Stranger"),
  // Nia has a password account; her record holds her NHS number (decision 066).
  person("nhs-nia", "P9", "Nia", "Jones", NIA_NHS_NUMBER),
  // Someone else's NHS login, with another number.
  person("nhs-other", "P9", "Nia", "Jones", "9434765870"),
  // Accounts made through NHS login, with no password (decision 067): one for each way of testing.
  person("nhs-ivy", "P9", "Ivy", "Clarke"),
  person("nhs-owen", "P9", "Owen", "Price"),
  person("nhs-zara", "P9", "Zara", "Ahmed"),
];
/** An NHS-login-only account, and a session of it that signed in with NHS login an hour ago. */
const NO_PASSWORD = { true: { sub: "nhs-ivy", email: "ivy.nhs@example.org", name: "Ivy Clarke" }, false: { sub: "nhs-owen", email: "owen.nhs@example.org", name: "Owen Price" },
  other: { sub: "nhs-zara", email: "zara.nhs@example.org", name: "Zara Ahmed" },
};
const oldSessions = new Map<string, string>();

let browser: Browser;
let nhsLogin: TestNhsLogin;
let portal: RunningServer;
let ruthInvitation: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  browser = await launch();
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/login/nhs/callback`;
  nhsLogin = await startTestNhsLogin({ redirectUri, people });

  // A copy of the seeded database where Sam's and Maya's NHS logins are already linked, and Jo has invited Ruth.
  const dataDir = path.join(mkdtempSync(path.join(inject("runDir"), "nhs-login-")), "pglite");
  cpSync(inject("seededDataDir"), dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  setDatabase(handle);
  try {
    for (const [sub, email] of [["nhs-sam", demoPeople.sam.email], ["nhs-maya", demoPeople.maya.email]] as const) {
      const [account] = await handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
      await handle.db.insert(externalIdentities).values({ provider: "nhs-login", subject: sub, accountId: account!.id });
    }
    const jo = await actorFor(demoPeople.jo.email);
    ruthInvitation = (
      await createInvitation(handle.db, jo, { kind: "service_user", displayName: "Ruth Evans", email: "ruth.nhs@example.org", planLevel: "cpa" })
    ).token;
    // Nia set a password from her invitation; her record has an NHS number from the record system.
    const nia = await createInvitation(handle.db, jo, { kind: "service_user", displayName: "Nia Jones", email: NIA_EMAIL, planLevel: "cpa" });
    await acceptInvitation(handle.db, { token: nia.token, password: DEMO_PASSWORD });
    await handle.db.update(serviceUsers).set({ nhsNumber: NIA_NHS_NUMBER }).where(eq(serviceUsers.id, nia.serviceUserId));
    // Ivy and Owen accepted their invitations with NHS login: no password. Each has a session from an hour ago.
    for (const who of Object.values(NO_PASSWORD)) {
      const invited = await createInvitation(handle.db, jo, { kind: "service_user", displayName: who.name, email: who.email, planLevel: "cpa" });
      const { accountId } = (await acceptInvitation(handle.db, { token: invited.token, password: DEMO_PASSWORD })) as { accountId: string };
      await handle.db.update(accounts).set({ passwordHash: null }).where(eq(accounts.id, accountId));
      await handle.db.insert(externalIdentities).values({ provider: "nhs-login", subject: who.sub, accountId });
      const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
      oldSessions.set(who.sub, await createSession(handle.db, accountId, new Date(), { signIn: { method: "nhs-login", at: hourAgo } }));
    }
  } finally {
    await handle.close();
    setDatabase(undefined);
  }
  portal = await startServer(
    {
      PORT: String(port),
      NHS_LOGIN_ISSUER: nhsLogin.issuer,
      NHS_LOGIN_CLIENT_ID: nhsLogin.clientId,
      NHS_LOGIN_PRIVATE_KEY: nhsLogin.portalKeyPem,
      NHS_LOGIN_REDIRECT_URI: redirectUri,
    },
    { from: dataDir, tmpRoot: inject("runDir") },
  );
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await nhsLogin?.stop();
});

const openPortal = (javaScript: boolean): Promise<BrowserContext> => newContext(browser, { javaScript, baseURL: portal.url });

/** "Continue with NHS login" on the page, then at (test) NHS login, sign in as `sub`. */
async function continueWithNhsLogin(page: Page, sub: string): Promise<void> {
  await page.getByRole("button", { name: "Continue with NHS login" }).click();
  await page.waitForURL((url) => url.origin === nhsLogin.issuer);
  await page.getByLabel("Test person").fill(sub);
  await page.getByRole("button", { name: "Sign in to NHS login" }).click();
  await page.waitForURL((url) => url.origin === portal.url);
}

/** A new browser on the portal's sign-in page, through NHS login as `sub`, back at the portal. */
async function fromSignInPage(javaScript: boolean, sub: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openPortal(javaScript);
  const page = await context.newPage();
  await page.goto("/login");
  await continueWithNhsLogin(page, sub);
  return { context, page };
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "__session");
}

describe.each([true, false])("signing in with NHS login (JavaScript %s)", (javaScript) => {
  it("offers NHS login above the email and password, and signs Sam in to his home", async () => {
    const context = await openPortal(javaScript);
    const page = await context.newPage();
    await page.goto("/login");
    const order = await page.evaluate(() => {
      const button = [...document.querySelectorAll("main button")].find((b) => b.textContent === "Continue with NHS login");
      const email = document.querySelector('main input[name="email"]');
      return button && email ? button.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
    });
    expect(order, "the NHS login button comes before the email field").toBeGreaterThan(0);
    await expectPageBasics(page, "sign in with NHS login on");
    await expectNoAxeViolations(page, "sign in with NHS login on");

    await continueWithNhsLogin(page, "nhs-sam");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(async () => plain(await page.locator("h1").textContent())).toBe("Hello, Sam Taylor");
    // The portal asked for the identity level a record needs (P9 with two factors).
    expect(JSON.parse(nhsLogin.requestedVtr.at(-1)!)).toEqual([...RECORD_VTR]);
    expect(await sessionCookie(context)).toBeDefined();
    // The flow's cookie is cleared: its state, nonce and verifier serve once.
    expect((await context.cookies()).find((c) => c.name === "nhs_login_flow")).toBeUndefined();
    await context.close();
  });

  it("refuses a P5 identity for the record, saying plainly why and what to do", async () => {
    const { context, page } = await fromSignInPage(javaScript, "nhs-maya");
    expect(new URL(page.url()).pathname).toBe("/login/nhs/callback");
    expect(await page.locator("h1").textContent()).toBe("You need to prove who you are to see your record");
    expect(await page.title()).toBe("You need to prove who you are to see your record – Care portal");
    expect(await page.locator("main").textContent()).toContain("Prove who you are in the NHS App or on the NHS login website.");
    await expectPageBasics(page, "P5 refused");
    await expectNoAxeViolations(page, "P5 refused");
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto("/plan");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("refuses an answer meant for another flow (state that does not match)", async () => {
    const context = await openPortal(javaScript);
    const page = await context.newPage();
    // A first flow reaches NHS login's page; a second one starts, replacing this browser's flow.
    await page.goto("/login");
    await page.getByRole("button", { name: "Continue with NHS login" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    const firstFlow = page.url();
    await page.goto(`${portal.url}/login`);
    await page.getByRole("button", { name: "Continue with NHS login" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    // The first flow's answer comes back, with its own state.
    await page.goto(firstFlow);
    await page.getByLabel("Test person").fill("nhs-sam");
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url);
    expect(new URL(page.url()).searchParams.get("code")).toBeTruthy();
    expect(await page.locator("h1").textContent()).toBe("Signing in with NHS login did not work");
    await expectNoAxeViolations(page, "NHS login failed");
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });

  it("tells someone NHS login knows but the portal does not that it could not find their record", async () => {
    const { context, page } = await fromSignInPage(javaScript, "nhs-stranger");
    expect(await page.locator("h1").textContent()).toBe("We could not find your record");
    expect(await page.locator("main").textContent()).toContain("Ask your care team for an invitation.");
    await expectPageBasics(page, "no record");
    await expectNoAxeViolations(page, "no record");
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });
});

describe("in other languages", () => {
  it.each([
    ["ar", "rtl", "المتابعة باستخدام NHS login", "لم نتمكن من العثور على سجلك"],
    ["cy", "ltr", "Parhau gyda NHS login", "Doedden ni ddim yn gallu dod o hyd i'ch cofnod"],
  ])("the button and the no-record page in %s", async (lng, dir, button, heading) => {
    const context = await newContext(browser, { baseURL: portal.url, lng });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("dir")).toBe(dir);
    await page.getByRole("button", { name: button }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    await page.getByLabel("Test person").fill("nhs-stranger");
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url);
    expect(await page.locator("h1").textContent()).toBe(heading);
    await expectNoAxeViolations(page, `no record (${lng})`);
    await context.close();
  });
});

describe("linking through an invitation", () => {
  it("Ruth accepts her invitation with NHS login, and next time NHS login alone signs her in", async () => {
    const context = await openPortal(true);
    const page = await context.newPage();
    await page.goto(`/invitations/${ruthInvitation}`);
    expect(await page.locator("h1").textContent()).toBe("Set up your account");
    await expectNoAxeViolations(page, "invitation with NHS login");
    await continueWithNhsLogin(page, "nhs-ruth");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(async () => plain(await page.locator("h1").textContent())).toBe("Hello, Ruth Evans");
    await context.close();

    const again = await openPortal(false);
    const next = await again.newPage();
    await next.goto("/login");
    await continueWithNhsLogin(next, "nhs-ruth");
    await next.waitForURL((url) => url.pathname === "/");
    expect(plain(await next.locator("h1").textContent())).toBe("Hello, Ruth Evans");
    // The invitation is spent: opening it again says so.
    await next.goto(`/invitations/${ruthInvitation}`);
    expect(await next.locator("h1").textContent()).toBe("This invitation has already been used");
    await again.close();
  });
});

/** Signed in with her password, Nia's "Your account" page. */
async function niasAccount(javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openPortal(javaScript);
  const page = await context.newPage();
  await signIn(page, NIA_EMAIL, { open: "/account" });
  return { context, page };
}

/** On "Your account" (or the link page), the password and "Continue with NHS login", then at NHS login as `sub`. */
async function linkAs(page: Page, sub: string): Promise<void> {
  await page.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await continueWithNhsLogin(page, sub);
}

/** In a new browser, NHS login as `sub` from the sign-in page finds no account linked to it. */
async function expectNoRecordFor(javaScript: boolean, sub: string): Promise<void> {
  const { context, page } = await fromSignInPage(javaScript, sub);
  expect(await page.locator("h1").textContent()).toBe("We could not find your record");
  await context.close();
}

const linkSection = (page: Page) => page.locator("main h2", { hasText: "Sign in with NHS login" });

describe.each([true, false])("linking NHS login from Your account (JavaScript %s)", (javaScript) => {
  it("Nia gives her password, links her NHS login, signs in with it, then stops using it after a check", async () => {
    const { context, page } = await niasAccount(javaScript);
    expect(await linkSection(page).count()).toBe(1);
    await expectPageBasics(page, "account with NHS login to link");
    await expectNoAxeViolations(page, "account with NHS login to link");

    // A wrong password goes nowhere near NHS login: the form again, with the error.
    await page.getByLabel("Your current password").fill("not my password");
    await page.getByRole("button", { name: "Continue with NHS login" }).click();
    await page.waitForURL((url) => url.pathname === "/account/nhs-login");
    await expect.poll(() => page.title()).toBe("Error: Link your NHS login – Care portal");
    expect(await page.locator(".error-summary").textContent()).toContain("Your current password is not right");
    await expectNoAxeViolations(page, "link NHS login, wrong password");

    await linkAs(page, "nhs-nia");
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("Your NHS login is now linked. You can use it to sign in.");
    expect(plain(await page.locator("main").textContent())).toContain("Your account is linked to NHS login.");
    expect((await context.cookies()).find((c) => c.name === "nhs_login_flow")).toBeUndefined();
    await expectNoAxeViolations(page, "account with NHS login linked");

    // NHS login alone now opens Nia's account.
    const { context: again, page: next } = await fromSignInPage(javaScript, "nhs-nia");
    await next.waitForURL((url) => url.pathname === "/");
    await expect.poll(async () => plain(await next.locator("h1").textContent())).toBe("Hello, Nia Jones");
    await again.close();

    // Stopping asks first, on a page of its own, with the password again.
    await page.getByRole("link", { name: "Stop signing in with NHS login" }).click();
    await page.waitForURL((url) => url.pathname === "/account/nhs-login/unlink");
    await expect.poll(async () => page.locator("h1").textContent()).toBe("Stop signing in with NHS login?");
    await expectPageBasics(page, "unlink NHS login");
    await expectNoAxeViolations(page, "unlink NHS login");
    await page.getByLabel("Your current password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Stop using NHS login" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("You can no longer sign in with NHS login.");
    expect(await page.getByRole("button", { name: "Continue with NHS login" }).count()).toBe(1);
    await context.close();
    await expectNoRecordFor(javaScript, "nhs-nia");
  });
});

describe("linking NHS login from Your account: refusals", () => {
  it("is not offered to staff: Jo's account page has no NHS login part, and the link page sends her back", async () => {
    const context = await openPortal(false);
    const page = await context.newPage();
    await signIn(page, demoPeople.jo.email, { open: "/account" });
    expect(plain(await page.locator("h1").textContent())).toBe("Your account");
    expect(await linkSection(page).count()).toBe(0);
    await page.goto("/account/nhs-login");
    expect(new URL(page.url()).pathname).toBe("/account");
    await context.close();
  });

  it("refuses an NHS login with another NHS number than Nia's record, and links nothing", async () => {
    const { context, page } = await niasAccount(false);
    await linkAs(page, "nhs-other");
    expect(new URL(page.url()).pathname).toBe("/login/nhs/callback");
    expect(await page.locator("h1").textContent()).toBe("Your NHS number does not match your record");
    expect(plain(await page.locator("main").textContent())).toContain("The NHS number in your NHS login is not the one on your record.");
    await expectPageBasics(page, "link refused, NHS number");
    await expectNoAxeViolations(page, "link refused, NHS number");
    // Still signed in, back to the account page, nothing linked.
    await page.getByRole("link", { name: "Go to your account" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    expect(await page.getByRole("button", { name: "Continue with NHS login" }).count()).toBe(1);
    await context.close();
  });

  it("refuses an NHS login already linked to another account (Sam's)", async () => {
    const { context, page } = await niasAccount(true);
    await linkAs(page, "nhs-sam");
    expect(await page.locator("h1").textContent()).toBe("This NHS login is already linked to another account");
    await expectNoAxeViolations(page, "link refused, linked elsewhere");
    // Sam's NHS login still opens Sam's account.
    const { context: sam, page: samPage } = await fromSignInPage(false, "nhs-sam");
    await samPage.waitForURL((url) => url.pathname === "/");
    expect(plain(await samPage.locator("h1").textContent())).toBe("Hello, Sam Taylor");
    await sam.close();
    await context.close();
  });

  it("links nothing when the session that started the link has gone by the time NHS login answers", async () => {
    const { context, page } = await niasAccount(false);
    await page.getByLabel("Your current password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Continue with NHS login" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    // Signed out (or timed out) meanwhile: the session cookie is gone.
    const kept = (await context.cookies()).filter((c) => c.name !== "__session");
    await context.clearCookies();
    await context.addCookies(kept);
    await page.getByLabel("Test person").fill("nhs-nia");
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url);
    expect(await page.locator("h1").textContent()).toBe("Your NHS login was not linked");
    await expectNoAxeViolations(page, "link refused, session gone");
    await context.close();
    // Signing in with that NHS login still finds no record.
    await expectNoRecordFor(false, "nhs-nia");
  });
});

describe("with NHS login not set up", () => {
  it("the sign-in page has no NHS login button, and its routes are not there", async () => {
    const context = await newContext(browser, {});
    const page = await context.newPage();
    await page.goto(`${baseURL()}/login`);
    expect(await page.getByRole("button", { name: "Continue with NHS login" }).count()).toBe(0);
    const callback = await page.goto(`${baseURL()}/login/nhs/callback?code=x&state=y`);
    expect(callback?.status()).toBe(404);
    // "Your account" has no NHS login part, and the pages to link and unlink are not there.
    await signIn(page, demoPeople.sam.email, { open: "/account" });
    expect(await linkSection(page).count()).toBe(0);
    for (const address of ["/account/nhs-login", "/account/nhs-login/unlink", "/account/set-password"]) expect((await page.goto(`${baseURL()}${address}`))?.status()).toBe(404);
    await context.close();
  });
});

describe.each([true, false])("setting a password after NHS login (JavaScript %s)", (javaScript) => {
  it("an old session signs in with NHS login again first; then a password is set, and it signs in", async () => {
    const who = NO_PASSWORD[`${javaScript}`];
    const context = await openPortal(javaScript);
    await context.addCookies([{ name: "__session", value: oldSessions.get(who.sub)!, url: portal.url, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto("/account");
    expect(plain(await page.locator("main").textContent())).toContain("You do not have a password. You sign in with NHS login.");
    expect(await page.getByRole("link", { name: "Change your password" }).count()).toBe(0);
    await expectNoAxeViolations(page, "account with no password");

    // Signed in an hour ago: the page asks for NHS login again first, and offers no form.
    await page.getByRole("link", { name: "Set a password" }).click();
    await page.waitForURL((url) => url.pathname === "/account/set-password");
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("in the last 15 minutes");
    expect(await page.getByLabel("New password").count()).toBe(0);
    await expectPageBasics(page, "set a password, sign in again");
    await expectNoAxeViolations(page, "set a password, sign in again");
    await page.getByRole("button", { name: "Sign in with NHS login again" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    await page.getByLabel("Test person").fill(who.sub);
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url && url.pathname === "/account/set-password");
    // A new session id, and now the form.
    await expect.poll(() => page.getByLabel("New password").count()).toBe(1);
    const renewed = (await sessionCookie(context))!.value;
    expect(renewed).not.toBe(oldSessions.get(who.sub));
    expect((await context.cookies()).find((c) => c.name === "nhs_login_flow")).toBeUndefined();
    await expectPageBasics(page, "set a password");
    await expectNoAxeViolations(page, "set a password");

    // The usual rules, with the errors next to the field and in the summary.
    await page.getByLabel("New password").fill("password123");
    await page.getByRole("button", { name: "Set password" }).click();
    await expect.poll(() => page.title()).toBe("Error: Set a password – Care portal");
    expect(await page.locator(".error-summary").textContent()).toBeTruthy();
    // The server never sends a password back (with JavaScript, the browser keeps what was typed).
    if (!javaScript) expect(await page.getByLabel("New password").inputValue()).toBe("");
    await expectNoAxeViolations(page, "set a password, error");

    await page.getByLabel("New password").fill("kettle river lantern");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("Your password has been set.");
    expect((await sessionCookie(context))!.value).not.toBe(renewed);
    // Now there is a password, NHS login can be stopped, and the password can be changed.
    expect(await page.getByRole("link", { name: "Stop signing in with NHS login" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Change your password" }).count()).toBe(1);
    await page.goto("/account/set-password");
    expect(new URL(page.url()).pathname).toBe("/account");
    await context.close();

    // The email address and the new password sign in.
    const next = await openPortal(javaScript);
    const home = await next.newPage();
    await signIn(home, who.email, { password: "kettle river lantern" });
    await expect.poll(async () => plain(await home.locator("h1").textContent())).toBe(`Hello, ${who.name}`);
    await next.close();
  });
});

describe("setting a password after NHS login: refusals", () => {
  it("signing in again as someone else's NHS login does not count, and changes nothing", async () => {
    const context = await openPortal(false);
    await context.addCookies([{ name: "__session", value: oldSessions.get(NO_PASSWORD.other.sub)!, url: portal.url, httpOnly: true, sameSite: "Lax" }]);
    const page = await context.newPage();
    await page.goto("/account/set-password");
    await page.getByRole("button", { name: "Sign in with NHS login again" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    await page.getByLabel("Test person").fill("nhs-sam");
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url);
    expect(await page.locator("h1").textContent()).toBe("This is not the NHS login for your account");
    await expectPageBasics(page, "sign in again, someone else's NHS login");
    await expectNoAxeViolations(page, "sign in again, someone else's NHS login");
    // Still Zara, still asked to sign in again: no form.
    await page.getByRole("link", { name: "Go to your account" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await page.goto("/account/set-password");
    expect(await page.getByRole("button", { name: "Sign in with NHS login again" }).count()).toBe(1);
    expect(await page.getByLabel("New password").count()).toBe(0);
    await context.close();
  });

  it("is not offered to an account that has a password (Sam): the page sends him back", async () => {
    const { context, page } = await fromSignInPage(false, "nhs-sam");
    await page.goto("/account");
    expect(await page.getByRole("link", { name: "Set a password" }).count()).toBe(0);
    await page.goto("/account/set-password");
    expect(new URL(page.url()).pathname).toBe("/account");
    await context.close();
  });
});
