import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople, DEMO_PASSWORD, demoStaffEmails } from "#db/seed";
import { completeSecondStep, expectNoAxeViolations, launch, newContext, plain, waitForHydration } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([true, false])("signing in through the real form (JavaScript %s)", (javaScript) => {
  it.each(Object.values(demoPeople))("$displayName signs in and out", async (person) => {
    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.locator('input[name="email"]').fill(person.email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    if (demoStaffEmails.includes(person.email)) {
      // Staff: the password alone opens nothing; the code from their app comes next (decision 044).
      await page.waitForURL((url) => url.pathname === "/login/code");
      const code = page.locator('input[name="code"]');
      expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
      expect(await code.getAttribute("inputmode")).toBe("numeric");
      await completeSecondStep(page, person.email);
    }
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.locator("h1").textContent()).toContain(person.displayName);
    await expect.poll(async () => plain(await page.locator("header").textContent())).toContain(`Signed in as ${person.displayName}`);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    // The session has ended on the server: the home page sends us back to sign in.
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});

describe("errors on the sign-in form", () => {
  it.each([true, false])(
    "an empty password (JavaScript %s) shows the error summary, keeps the email, and prefixes the title",
    async (javaScript) => {
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await page.goto("/login");
      await page.locator('input[name="email"]').fill("sam.taylor@example");
      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await summary.waitFor();
      expect(await page.title()).toMatch(/^Error: Sign in/);
      expect(await page.locator('input[name="email"]').inputValue()).toBe("sam.taylor@example");
      const links = summary.getByRole("link");
      expect(await links.allTextContents()).toEqual([
        "Enter an email address in the right format, like name@example.com",
        "Enter your password",
      ]);
      expect(await links.first().getAttribute("href")).toBe("#field-email");
      // The summary takes focus, so a screen reader announces it.
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain("error-summary");
      // Each field has its error next to it, tied to the input.
      expect(await page.locator("#field-email").getAttribute("aria-invalid")).toBe("true");
      await context.close();
    },
  );

  it("a wrong password gets the same message as an unknown email", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const messageFor = async (email: string) => {
      await page.goto("/login");
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = page.locator(".error-summary");
      await summary.waitFor();
      return summary.textContent();
    };
    const wrong = await messageFor(demoPeople.sam.email);
    const unknown = await messageFor("nobody@example.org");
    expect(wrong).toContain("The email address or password is not right");
    expect(unknown).toBe(wrong);
    await context.close();
  });
});

describe("keyboard only", () => {
  it("skip link, then sign in with Tab, typing and Enter", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/");
    await page.keyboard.press("Tab");
    // "Get help now" is the second stop in the header, on every page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/urgent-help");
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute("name"))) !== "email" && steps++ < 15) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(demoPeople.sam.email);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.locator("h1").textContent()).toContain("Sam Taylor");
    await context.close();
  });
});

describe("a form too large to read (issue 16 item 6)", () => {
  it.each([false, true])("is refused with the 413 page, with urgent help (JavaScript %s)", async (javaScript) => {
    const context = await newContext(browser, { javaScript, lng: "cy" });
    const page = await context.newPage();
    await page.goto("/login");
    // After hydration, so React cannot draw the form again over the long value.
    if (javaScript) await waitForHydration(page);
    // 70 KB in the email field: over the 64 KB limit, so the server reads none of it.
    await page.locator('input[name="email"]').evaluate((input) => {
      (input as HTMLInputElement).value = "a".repeat(70 * 1024);
    });
    await page.locator('input[name="password"]').fill("anything");
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/login" && r.request().method() === "POST"),
      page.locator('form button[type="submit"]').last().click(),
    ]);
    expect(response.status()).toBe(413);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Roedd yr hyn a anfonoch chi’n rhy hir");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    expect(await page.locator('main a[href="/urgent-help"]').count()).toBe(1);
    expect(await page.locator('header a[href="/urgent-help"]').count()).toBe(1);
    if (!javaScript) {
      expect(await page.title()).toContain("Roedd yr hyn a anfonoch chi’n rhy hir");
      await expectNoAxeViolations(page, "the 413 page in Welsh");
    }
    await context.close();
  });
});
