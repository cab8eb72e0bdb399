import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { totpCode } from "~/utils/totp.server";
import { expectNoAxeViolations, launch, newContext, plain, signIn, waitForHydration, watchConsole } from "../support/browser";

/**
 * The admin's pages (decision 045), as Rowan, with JavaScript on and off: the list, its filters
 * and the posted search; inviting a member of staff with check answers and the one-time link;
 * disabling that new account (its session ends at once, and signing in reads as a wrong password);
 * enabling it; resetting the authenticator app she set up (decision 046: her session ends, and signing
 * in asks her to set one up again); and a link to set a new password. Only an account made here is changed, so the
 * demo people other tests sign in as are never touched.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function go(page: Page, path: string, javaScript: boolean) {
  await page.goto(path);
  if (javaScript) await waitForHydration(page);
}

/** Set a password from a one-time link. Staff and admins are then signed in to set up their authenticator app first (decision 044). */
async function setPassword(page: Page, link: string, password: string) {
  await page.goto(new URL(link).pathname);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Save password" }).click();
  await page.waitForURL((url) => url.pathname === "/account/authenticator");
}

async function submitSignIn(page: Page, email: string, password: string) {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Set up an authenticator app on the set-up page: a code from the key shown, as an app makes it. */
async function setUpApp(page: Page) {
  const key = (await page.locator(".setup-key").textContent())!.replace(/ /g, "");
  await page.locator('input[name="code"]').fill(totpCode(key));
  await page.locator('form:has(input[name="code"]) button[type="submit"]').click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Your recovery codes");
}

/**
 * An admin's change with a reason (disable, reset the app): the link, the reason refused when empty,
 * the reason, "are you sure?", done; the reason is then kept with the account for other admins.
 */
async function withReason(
  page: Page,
  steps: { label: string; link: string; title: string; question: string; reason: string; checkTitle: string; confirm: string; done: string },
) {
  await page.getByRole("link", { name: steps.link }).click();
  await page.getByRole("heading", { name: steps.title }).waitFor();
  expect(await page.title()).toMatch(new RegExp(`^${steps.title.replace("Nia Evans", ".*Nia Evans.*")} – Care portal$`));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator(".error-summary").waitFor();
  expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Enter the reason"]);
  expect(await page.title()).toMatch(/^Error: /);
  await expectNoAxeViolations(page, `${steps.label} with no reason`);
  await page.getByRole("textbox", { name: steps.question }).fill(steps.reason);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("heading", { name: steps.checkTitle }).waitFor();
  await expectNoAxeViolations(page, `${steps.label}: are you sure`);
  await page.getByRole("button", { name: steps.confirm }).click();
  await page.getByText(steps.done).waitFor();
  expect(plain(await page.locator("main").textContent())).toContain(steps.reason);
}

describe("running accounts as an admin", () => {
  it.each([true, false])("Rowan finds, invites, disables, enables and resets (JavaScript %s)", async (javaScript) => {
    const admin = await newContext(browser, { javaScript });
    const rowan = await admin.newPage();
    const problems = watchConsole(rowan);
    await signIn(rowan, demoPeople.rowan.email);
    if (javaScript) await waitForHydration(rowan);
    // From the home page.
    await rowan.getByRole("link", { name: "Manage accounts" }).click();
    await rowan.waitForURL((url) => url.pathname === "/admin/accounts");
    await expect.poll(() => rowan.locator("h1").textContent()).toBe("Manage accounts");
    expect(await rowan.title()).toBe("Manage accounts – Care portal");
    await expectNoAxeViolations(rowan, "the list of accounts");

    // Filter by role: a GET, in the address.
    await rowan.getByLabel("Role").selectOption("staff");
    await rowan.getByRole("button", { name: "Show accounts" }).click();
    await rowan.waitForURL(/role=staff/);
    // (Another run of this test may have added a member of staff already.)
    await expect.poll(async () => await rowan.locator(".account-list h3").allTextContents()).toEqual(expect.arrayContaining(["Jo Okafor", "Tom Hughes"]));
    expect(await rowan.locator(".account-list h3").allTextContents()).not.toContain("Sam Taylor");

    // Search: posted, so the name never reaches the address.
    await rowan.getByRole("textbox", { name: "Name or email address" }).fill("taylor");
    await rowan.getByRole("button", { name: "Search" }).click();
    await rowan.getByRole("heading", { name: "Accounts that match your search" }).waitFor();
    expect(rowan.url()).not.toMatch(/taylor/i);
    expect((await rowan.locator(".account-list h3").allTextContents()).sort()).toEqual(["Alex Taylor", "Sam Taylor"]);
    expect(await rowan.title()).toBe("Search results – Manage accounts – Care portal");
    await expectNoAxeViolations(rowan, "search results");

    // Invite a member of staff: errors first, then check answers, then the link.
    await go(rowan, "/admin/accounts/new", javaScript);
    await rowan.getByRole("button", { name: "Continue" }).click();
    await rowan.locator(".error-summary").waitFor();
    expect(await rowan.title()).toMatch(/^Error: /);
    expect(await rowan.locator(".error-summary a").allTextContents()).toEqual([
      "Enter their full name",
      "Enter your email address",
      "Choose whether they will be staff or an admin",
    ]);
    await expectNoAxeViolations(rowan, "invite form with errors");
    const email = `nia.${javaScript ? "js" : "nojs"}@trust.example`;
    await rowan.getByRole("textbox", { name: "Full name" }).fill("Nia Evans");
    await rowan.getByRole("textbox", { name: "Work email address" }).fill(email);
    await rowan.getByText("Staff: care coordinators").click();
    await rowan.getByRole("button", { name: "Continue" }).click();
    await rowan.getByRole("heading", { name: "Check the details before you make the account" }).waitFor();
    expect(plain(await rowan.locator(".summary-list").textContent())).toContain(email);
    await expectNoAxeViolations(rowan, "check the invitation");
    await rowan.getByRole("button", { name: "Make the account" }).click();
    const setupLink = await rowan.locator("main code").textContent({ timeout: 10_000 });
    expect(setupLink).toMatch(/\/password\/[A-Za-z0-9_-]{20,}$/);
    expect(await rowan.title()).toBe("Account made – Care portal");
    await expectNoAxeViolations(rowan, "account made");

    // Nia sets her password and is signed in.
    const niaContext = await newContext(browser, { javaScript });
    const nia = await niaContext.newPage();
    await setPassword(nia, setupLink!, "heron kettle lantern");

    // Rowan finds Nia and disables her account, with a reason and a check.
    await go(rowan, "/admin/accounts", javaScript);
    await rowan.getByRole("textbox", { name: "Name or email address" }).fill(email);
    await rowan.getByRole("button", { name: "Search" }).click();
    await rowan.getByRole("link", { name: "Nia Evans" }).click();
    await rowan.getByRole("heading", { name: "Nia Evans", level: 1 }).waitFor();
    await expectNoAxeViolations(rowan, "an account");
    await withReason(rowan, {
      label: "disable",
      link: "Disable this account",
      title: "Disable the account of Nia Evans",
      question: "Why are you disabling this account?",
      reason: "Left the trust",
      checkTitle: "Are you sure you want to disable the account of Nia Evans?",
      confirm: "Disable account",
      done: "The account is disabled. They have been signed out.",
    });

    // Nia's session ended at once; signing in again reads as a wrong password.
    await nia.goto("/");
    expect(new URL(nia.url()).pathname).toBe("/login");
    await submitSignIn(nia, email, "heron kettle lantern");
    await nia.locator(".error-summary").waitFor();
    expect(plain(await nia.locator(".error-summary").textContent())).toContain("The email address or password is not right.");

    // Enabled again, with a reason: Nia can sign in.
    await rowan.getByRole("link", { name: "Enable this account" }).click();
    await rowan.getByRole("textbox", { name: "Why are you enabling this account?" }).fill("Came back");
    await rowan.getByRole("button", { name: "Continue" }).click();
    await rowan.getByRole("button", { name: "Enable account" }).click();
    await rowan.getByText("The account is enabled. They can sign in again.").waitFor();
    await nia.locator('input[name="password"]').fill("heron kettle lantern");
    await nia.getByRole("button", { name: "Sign in" }).click();
    // Still no authenticator app: the sign-in goes on to setting one up (decision 044).
    await nia.waitForURL((url) => url.pathname === "/account/authenticator");
    // She sets one up, as her app would, and has recovery codes.
    await setUpApp(nia);

    // She lost her phone and her recovery codes: Rowan resets her app, with a reason and a check.
    await go(rowan, new URL(rowan.url()).pathname, javaScript);
    await withReason(rowan, {
      label: "reset the app",
      link: "Reset their authenticator app",
      title: "Reset the authenticator app of Nia Evans",
      question: "Why are you resetting their authenticator app?",
      reason: "Lost her phone and codes",
      checkTitle: "Are you sure you want to reset the authenticator app of Nia Evans?",
      confirm: "Reset authenticator app",
      done: "Their authenticator app is reset. They have been signed out.",
    });
    expect(plain(await rowan.locator("main").textContent())).toContain("Authenticator app reset by Rowan Price");
    expect(await rowan.getByRole("link", { name: "Reset their authenticator app" }).count()).toBe(0);
    await expectNoAxeViolations(rowan, "an account after its app was reset");
    // Nia is signed out; her password alone takes her to setting up a new app.
    await nia.goto("/");
    expect(new URL(nia.url()).pathname).toBe("/login");
    await submitSignIn(nia, email, "heron kettle lantern");
    await nia.waitForURL((url) => url.pathname === "/account/authenticator");
    await nia.locator(".setup-key").waitFor();

    // A link to set a new password: shown once to Rowan; using it signs Nia out everywhere.
    await rowan.getByRole("link", { name: "Make a link to set a new password" }).click();
    await rowan.getByRole("heading", { name: "Make a link for Nia Evans to set a password" }).waitFor();
    await expectNoAxeViolations(rowan, "make a password link");
    await rowan.getByRole("button", { name: "Make the link" }).click();
    const resetLink = await rowan.locator("main code").textContent({ timeout: 10_000 });
    expect(resetLink).toMatch(/\/password\/[A-Za-z0-9_-]{20,}$/);
    await expectNoAxeViolations(rowan, "password link made");
    const elsewhere = await newContext(browser, { javaScript });
    await setPassword(await elsewhere.newPage(), resetLink!, "otter meadow lamp");
    await nia.goto("/");
    expect(new URL(nia.url()).pathname).toBe("/login");

    // With JavaScript off the blocked bundles log errors; with it on, nothing may but the two
    // forms sent empty on purpose, which answer 400 (the browser logs that status).
    if (javaScript) expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    await elsewhere.close();
    await niaContext.close();
    await admin.close();
  });

  it("an admin cannot disable themselves: their own page offers nothing to do", async () => {
    const context = await newContext(browser, {});
    const page = await context.newPage();
    await signIn(page, demoPeople.rowan.email, { open: "/admin/accounts?role=admin" });
    await waitForHydration(page);
    await page.getByRole("link", { name: "Rowan Price" }).click();
    await page.getByText("This is your own account.").waitFor();
    expect(await page.getByRole("link", { name: "Disable this account" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Reset their authenticator app" }).count()).toBe(0);
    // Nor by going to the address: the account's page again.
    await page.goto(`${new URL(page.url()).pathname}/authenticator`);
    await page.getByText("This is your own account.").waitFor();
    await context.close();
  });
});
