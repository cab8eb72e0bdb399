import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoPeople } from "#db/seed";
import { launch, newContext, recordIdFor, signIn, waitForHydration } from "../support/browser";

/**
 * On a slow connection a person can type before the page's JavaScript has taken over. What they
 * typed or chose must survive hydration (React Aria's fields are controlled inputs, which React
 * resets to the server's value), and a form sent afterwards must carry it. The translations the
 * browser loads before hydrating are held back here, so the typing happens first.
 */
let browser: Browser;
let samId: string;

beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

/** A context whose pages hydrate only when `release()` is called. */
async function slowContext(): Promise<{ context: BrowserContext; release: () => void }> {
  const context = await newContext(browser);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route("**/translations/**", async (route) => {
    await released;
    await route.continue();
  });
  return { context, release };
}

async function expectNotHydrated(page: Page) {
  expect(await page.locator("html").getAttribute("data-hydrated"), "the typing happened before hydration").toBeNull();
}

describe("typed before the page's JavaScript took over", () => {
  it("the sign-in form keeps the email and password typed while the page loaded, and signs in", async () => {
    const { context, release } = await slowContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.locator('input[name="email"]').fill(demoPeople.sam.email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await expectNotHydrated(page);
    release();
    await waitForHydration(page);
    expect(await page.locator('input[name="email"]').inputValue()).toBe(demoPeople.sam.email);
    expect(await page.locator('input[name="password"]').inputValue()).toBe(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === "/"), page.locator('form[action="/login"] button[type="submit"]').click()]);
    await context.close();
  });

  it("radios chosen, a choice from a list, a box ticked and words typed survive hydration and are what the form sends", async () => {
    const { context, release } = await slowContext();
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/requests/interpreter` });
    const form = page.locator("main form").filter({ has: page.locator('input[name="need"]') });
    await form.locator('input[name="need"][value="spoken"]').check();
    const language = form.locator('select[name="language"]');
    await language.selectOption({ index: 3 });
    const languageChosen = await language.inputValue();
    expect(languageChosen).not.toBe("");
    await form.locator('input[name="mode"]').nth(1).check();
    await form.locator('input[name="notSomeoneIKnow"]').check();
    await form.locator('input[name="dialect"]').fill("Sylheti, from the north");
    await form.locator('input[name="appointment"]').fill("Review with Jo at the Riverside clinic");
    const next = new Date(Date.now() + 14 * 24 * 3600 * 1000);
    await form.locator('input[name="appointmentOn.day"]').fill(String(next.getDate()));
    await form.locator('input[name="appointmentOn.month"]').fill(String(next.getMonth() + 1));
    await form.locator('input[name="appointmentOn.year"]').fill(String(next.getFullYear()));
    await form.locator('input[name="appointmentTime"]').fill("10:30");
    await expectNotHydrated(page);
    release();
    await waitForHydration(page);
    expect(await form.locator('input[name="need"][value="spoken"]').isChecked()).toBe(true);
    expect(await form.locator('input[name="mode"]').nth(1).isChecked()).toBe(true);
    expect(await form.locator('input[name="notSomeoneIKnow"]').isChecked()).toBe(true);
    expect(await language.inputValue()).toBe(languageChosen);
    expect(await form.locator('input[name="dialect"]').inputValue()).toBe("Sylheti, from the north");
    // What the form sends is what was typed: the answers to check show it.
    await Promise.all([page.waitForURL(/\/requests\/interpreter/), form.locator('button[type="submit"]').click()]);
    const main = page.locator("main");
    await expect.poll(() => main.innerText()).toContain("Sylheti, from the north");
    const text = await main.innerText();
    expect(text).toContain("Review with Jo at the Riverside clinic");
    await context.close();
  });
});
