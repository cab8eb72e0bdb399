import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, launch, newContext, plain, signIn } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("from invitation to signed in", () => {
  it.each([false, true])("Jo invites a new person, who sets a password and is signed in (JavaScript %s)", async (javaScript) => {
    const staff = await newContext(browser, { javaScript });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff/invitations/new" });
    await jo.getByText("A person who uses our service").click();
    await jo.getByRole("button", { name: "Continue" }).click();
    await jo.waitForURL(/kind=service_user/);

    // Sent empty first: every field gets its error, in the summary and by the field.
    await jo.getByRole("button", { name: "Create invitation" }).click();
    await jo.locator(".error-summary").waitFor();
    expect(await jo.title()).toMatch(/^Error: /);
    expect(await jo.locator(".error-summary a").allTextContents()).toEqual([
      "Enter their full name",
      "Enter your email address",
      "Choose the level of care",
    ]);
    await expectNoAxeViolations(jo, "invitation form with errors");

    const email = `ruth.${javaScript ? "js" : "nojs"}@example.org`;
    await jo.getByRole("textbox", { name: "Full name" }).fill("Ruth Evans");
    await jo.getByRole("textbox", { name: "Email address" }).fill(email);
    await jo.getByText("Care Programme Approach (CPA)").click();
    await jo.getByRole("button", { name: "Create invitation" }).click();
    const link = await jo.locator("main code").textContent({ timeout: 10_000 });
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{20,}$/);
    expect(await jo.title()).toBe("Invitation created – Care portal");
    await expectNoAxeViolations(jo, "invitation created");
    await staff.close();

    const invitee = await newContext(browser, { javaScript });
    const ruth = await invitee.newPage();
    await ruth.goto(new URL(link!).pathname);
    expect(await ruth.locator("h1").textContent()).toBe("Set up your account");
    await expectNoAxeViolations(ruth, "set a password");
    await ruth.locator('input[name="password"]').fill("password123");
    await ruth.getByRole("button", { name: "Create account" }).click();
    await ruth.locator(".error-summary").waitFor();
    expect(await ruth.locator(".error-summary").textContent()).toContain("This password is too easy to guess");
    await ruth.locator('input[name="password"]').fill("kettle river spoon");
    await ruth.getByRole("button", { name: "Create account" }).click();
    await ruth.waitForURL((url) => url.pathname === "/");
    // With JavaScript the address changes before the new page has rendered: wait for the heading.
    await expect.poll(async () => plain(await ruth.locator("h1").textContent())).toBe("Hello, Ruth Evans");

    // The link works once.
    await ruth.goto(new URL(link!).pathname);
    await expect.poll(() => ruth.locator("h1").textContent()).toBe("This invitation has already been used");
    await invitee.close();
  });
});
