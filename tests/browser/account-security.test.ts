import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, DEMO_RECOVERY_CODES, demoPeople } from "#db/seed";
import { totpCode } from "~/utils/totp.server";
import { expectNoAxeViolations, expectPageBasics, launch, plain, waitForHydration, watchConsole, withoutBundles } from "../support/browser";
import { demoTotpCode } from "../support/second-factor";
import { startServer, type RunningServer } from "../support/server";

/**
 * Account security (decision 044), through the real pages with JavaScript on and off: the second
 * step of signing in for staff, "Your account" with its sessions, changing the password, and
 * setting up an authenticator app. Its own server and database (a copy of the seeded one), since
 * it changes passwords and ends sessions that other files in this worker would be using.
 */
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  browser = await launch();
  server = await startServer({}, { from: inject("seededDataDir"), tmpRoot: inject("runDir") });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function contextFor(javaScript: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1024, height: 800 } });
  if (!javaScript) withoutBundles(context);
  return context;
}

async function submitPassword(page: Page, email: string, password = DEMO_PASSWORD, path = "/login"): Promise<void> {
  await page.goto(path);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
}

async function submitCode(page: Page, code: string): Promise<void> {
  await page.locator('input[name="code"]').fill(code);
  await Promise.all([page.waitForLoadState("load"), page.locator('form:has(input[name="code"]) button[type="submit"]').click()]);
}

async function check(page: Page, javaScript: boolean, label: string): Promise<void> {
  if (javaScript) await waitForHydration(page);
  await expectPageBasics(page, label);
  await expectNoAxeViolations(page, label);
}

describe.each([true, false])("JavaScript %s", (javaScript) => {
  it("staff: the password alone opens nothing; a wrong code, then a recovery code, then the page asked for", async () => {
    const context = await contextFor(javaScript);
    const page = await context.newPage();
    const problems = watchConsole(page);
    await submitPassword(page, demoPeople.tom.email, DEMO_PASSWORD, "/login?redirectTo=%2Fstaff");
    expect(new URL(page.url()).pathname).toBe("/login/code");
    await check(page, javaScript, "the code step");
    // Half signed in: every other page sends the person back to the step.
    await page.goto("/staff");
    expect(new URL(page.url()).pathname).toBe("/login/code");

    await submitCode(page, "12345");
    await expect.poll(() => page.title()).toMatch(/^Error: Enter the code from your app/);
    await expect.poll(async () => plain(await page.locator(".error-summary").textContent())).toContain("The code is 6 digits.");
    await check(page, javaScript, "the code step with an error");

    await page.getByRole("link", { name: "I cannot use my app: use a recovery code" }).click();
    await page.waitForURL((url) => url.pathname === "/login/recovery-code");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/staff");
    await check(page, javaScript, "the recovery code step");
    await submitCode(page, "WRONG-CODE");
    await expect.poll(async () => plain(await page.locator(".error-summary").textContent())).toContain("That recovery code is not right");
    await submitCode(page, DEMO_RECOVERY_CODES[javaScript ? 0 : 1]!.toLowerCase());
    await page.waitForURL((url) => url.pathname === "/staff");
    // A used code does not work again.
    const other = await (await contextFor(javaScript)).newPage();
    await submitPassword(other, demoPeople.tom.email);
    await other.goto("/login/recovery-code");
    await submitCode(other, DEMO_RECOVERY_CODES[javaScript ? 0 : 1]!);
    await expect.poll(async () => plain(await other.locator(".error-summary").textContent())).toContain("That recovery code is not right");
    // The app's code still works (on its own step).
    await other.goto("/login/code");
    await submitCode(other, await demoTotpCode(server.url, demoPeople.tom.email));
    await other.waitForURL((url) => url.pathname === "/");
    // The wrong codes were answered 400 on purpose (the browser logs that status); with JavaScript
    // off the blocked bundles log errors, so the console is only checked with it on.
    if (javaScript) expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await other.context().close();
    await context.close();
  });

  it("Your account: where you are signed in, this device first; signing out another device", async () => {
    const who = javaScript ? demoPeople.sam : demoPeople.maya;
    const elsewhere = await (await contextFor(true)).newPage();
    await submitPassword(elsewhere, who.email);
    const context = await contextFor(javaScript);
    const page = await context.newPage();
    await submitPassword(page, who.email);
    await page.getByRole("link", { name: "Your account" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await check(page, javaScript, "Your account");
    const items = page.locator(".session-list__item");
    await expect.poll(() => items.count()).toBe(2);
    expect(plain(await items.first().textContent())).toContain("Chrome on Linux This device");
    expect(plain(await items.nth(1).textContent())).not.toContain("This device");
    // When it signed in and was last used: a date at a time, not "2026, 10:00".
    expect(plain(await items.first().locator(".hint").textContent())).toMatch(/^Signed in \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\. Last used \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\.$/);

    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Sign out Chrome on Linux" }).click()]);
    await expect.poll(async () => plain(await page.locator(".success-banner").textContent())).toContain("That device has been signed out.");
    await expect.poll(() => items.count()).toBe(1);
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("You are not signed in anywhere else.");
    // The other device's next page is the sign-in page.
    await elsewhere.goto("/");
    expect(new URL(elsewhere.url()).pathname).toBe("/login");
    await elsewhere.context().close();
    await context.close();
  });
});

describe("changing the password", () => {
  it.each([true, false])("asks for the current one, refuses a common one, then signs out everywhere else (JavaScript %s)", async (javaScript) => {
    const who = javaScript ? demoPeople.alex : demoPeople.priya;
    const elsewhere = await (await contextFor(true)).newPage();
    await submitPassword(elsewhere, who.email);
    const context = await contextFor(javaScript);
    const page = await context.newPage();
    await submitPassword(page, who.email);
    await page.goto("/account/password");
    await check(page, javaScript, "change password");
    await page.locator('input[name="current"]').fill("not my password");
    await page.locator('input[name="password"]').fill("kettle river lantern");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Change password" }).click()]);
    await expect.poll(() => page.title()).toMatch(/^Error: Change your password/);
    await expect.poll(async () => plain(await page.locator(".error-summary").textContent())).toContain("Your current password is not right");
    // Passwords are never sent back into the form (with JavaScript, the browser keeps what it has).
    if (!javaScript) expect(await page.locator('input[name="current"]').inputValue()).toBe("");
    await check(page, javaScript, "change password with an error");

    await page.locator('input[name="current"]').fill(DEMO_PASSWORD);
    await page.locator('input[name="password"]').fill("password123");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Change password" }).click()]);
    await expect.poll(async () => plain(await page.locator(".error-summary").textContent())).toContain("This password is too easy to guess.");

    await page.locator('input[name="current"]').fill(DEMO_PASSWORD);
    await page.locator('input[name="password"]').fill("kettle river lantern");
    await Promise.all([page.waitForURL((url) => url.pathname === "/account"), page.getByRole("button", { name: "Change password" }).click()]);
    await expect.poll(async () => plain(await page.locator(".success-banner").textContent())).toContain("Your password has been changed.");
    await elsewhere.goto("/");
    expect(new URL(elsewhere.url()).pathname).toBe("/login");
    // The new password signs in.
    await submitPassword(elsewhere, who.email, "kettle river lantern");
    expect(new URL(elsewhere.url()).pathname).toBe("/");
    await elsewhere.context().close();
    await context.close();
  });
});

describe.each([true, false])("setting up an authenticator app, JavaScript %s", (javaScript) => {
  it("a service user adds the key to an app, confirms a code, is shown 10 recovery codes once; then signing in asks for a code", async () => {
    // One person per run: the first run leaves Sam with an app.
    const who = javaScript ? demoPeople.sam : demoPeople.maya;
    const context = await contextFor(javaScript);
    const page = await context.newPage();
    await submitPassword(page, who.email);
    await page.goto("/account/authenticator");
    await check(page, javaScript, "set up an app");
    const link = await page.getByRole("link", { name: "Or open this link on the phone that has the app" }).getAttribute("href");
    expect(link).toMatch(/^otpauth:\/\/totp\/Care%20portal:[a-z.]+%40example\.org\?secret=[A-Z2-7]{32}&issuer=Care\+portal&algorithm=SHA1&digits=6&period=30$/);
    expect(link).toContain(`Care%20portal:${encodeURIComponent(who.email)}?`);
    const key = (await page.locator(".setup-key").textContent())!;
    expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    const secret = key.replace(/ /g, "");
    expect(link).toContain(secret);

    // A wrong code keeps the same key: it is already in the app.
    await submitCode(page, "000000");
    await expect.poll(async () => plain(await page.locator(".error-summary").textContent())).toContain("That code does not match.");
    expect(await page.locator(".setup-key").textContent()).toBe(key);
    await submitCode(page, totpCode(secret));
    await expect.poll(() => page.locator("h1").textContent()).toBe("Your recovery codes");
    await expect.poll(() => page.locator(".recovery-codes li").count()).toBe(10);
    await check(page, javaScript, "recovery codes");
    const codes = await page.locator(".recovery-codes li").allTextContents();
    expect(new Set(codes).size).toBe(10);

    await page.getByRole("link", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await page.goto("/account/authenticator");
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("You have 10 recovery codes left.");
    await check(page, javaScript, "your authenticator app");

    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.waitForURL((url) => url.pathname === "/login");
    await submitPassword(page, who.email);
    expect(new URL(page.url()).pathname).toBe("/login/code");
    await submitCode(page, codes[0]!);
    await expect.poll(async () => plain(await page.locator(".error-summary").textContent())).toContain("The code is 6 digits.");
    await page.goto("/login/recovery-code");
    await submitCode(page, codes[0]!);
    await page.waitForURL((url) => url.pathname === "/");
    await context.close();
  });
});
