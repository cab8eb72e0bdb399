import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, keyGo, keyPress, launch, newContext, plain, recordIdFor, signIn, waitForHydration } from "../support/browser";

/**
 * "How I am doing" (CP-14, decision 058): Sam rates the eleven DIALOG areas twice (once without
 * JavaScript, once with it), by keyboard alone, through a check-answers step, and sees each area as
 * a chart and a table; a missing rating, or an 8 or a 0 posted by hand, is explained next to the
 * area and in the summary with everything else kept. Jo, his care coordinator, sees them from the
 * plan's review part; Alex, his carer, does not.
 */

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

const areas = [
  "Mental health",
  "Physical health",
  "Work or job situation",
  "Housing",
  "Free time and hobbies",
  "Partner or family",
  "Friendships",
  "Feeling safe",
  "Medicines",
  "Practical help",
  "Meetings with mental health staff",
];
const points = ["1 – Totally unhappy", "2 – Very unhappy", "3 – Quite unhappy", "4 – In the middle", "5 – Quite happy", "6 – Very happy", "7 – Totally happy"];

/** Press a button and wait for the page to show the heading that follows (a post may not navigate with JavaScript on). */
async function pressAndWaitFor(page: Page, button: string, heading: RegExp, javaScript: boolean) {
  const target = page.getByRole("button", { name: button, exact: true });
  if (javaScript) {
    await keyPress(page, target, "Enter");
    await expect.poll(async () => plain(await page.locator("h1").textContent()), { timeout: 15_000 }).toMatch(heading);
  } else {
    await keyGo(page, target);
    expect(plain(await page.locator("h1").textContent())).toMatch(heading);
  }
}

async function rateEveryArea(page: Page, rating: (i: number) => number, except?: number) {
  for (const [i, area] of areas.entries()) {
    if (i === except) continue;
    const group = page.getByRole("radiogroup", { name: area, exact: true });
    await keyPress(page, group.getByRole("radio", { name: points[rating(i) - 1], exact: true }), "Space");
  }
}

describe("how I am doing", () => {
  for (const javaScript of [false, true]) {
    it(`Sam rates the eleven areas by keyboard, checks his answers and sees each area over time (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
      if (javaScript) await waitForHydration(page);
      await keyGo(page, page.locator("#reviews").locator("xpath=..").getByRole("link", { name: "Say how I am doing before the review" }));
      // With JavaScript the page changes in place: wait for its heading.
      await expect.poll(async () => plain(await page.locator("h1").textContent()), { timeout: 15_000 }).toBe("Say how I am doing");
      expect(await page.getByRole("radiogroup").count()).toBe(11);
      await expectNoAxeViolations(page, "how I am doing form");

      // One area left out: its own message, next to it and in the summary; the rest kept.
      await rateEveryArea(page, (i) => (i % 7) + 1, 4);
      await keyPress(page, page.getByRole("group", { name: "Medicines: more help (optional)" }).getByRole("checkbox"), "Space");
      await pressAndWaitFor(page, "Continue", /^Say how I am doing$/, javaScript);
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Choose a number from 1 to 7 for free time and hobbies"]);
      expect(plain(await page.getByRole("radiogroup", { name: "Free time and hobbies" }).textContent())).toContain("Choose a number from 1 to 7 for free time and hobbies");
      expect(await page.getByRole("radiogroup", { name: "Mental health", exact: true }).getByRole("radio", { name: points[0], exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole("group", { name: "Medicines: more help (optional)" }).getByRole("checkbox").isChecked()).toBe(true);
      await expectNoAxeViolations(page, "how I am doing form with an error");

      await rateEveryArea(page, () => (javaScript ? 6 : 5));
      await pressAndWaitFor(page, "Continue", /^Check your answers$/, javaScript);
      const check = plain(await page.locator("main").textContent());
      expect(check).toContain(javaScript ? "6 – Very happy" : "5 – Quite happy");
      expect(check).toContain("Would like more help with this");
      await expectNoAxeViolations(page, "how I am doing, check answers");
      await pressAndWaitFor(page, "Save these answers", /^How I am doing$/, javaScript);
      expect(new URL(page.url()).pathname).toBe(`/people/${samId}/how-i-am-doing`);
      await expect.poll(async () => plain(await page.locator(".success-banner").textContent())).toContain("Your answers have been saved.");

      // The latest first, then each area as a chart (with its text alternative) and a table of every answer.
      const latest = page.locator("#latest").locator("xpath=..");
      expect(plain(await latest.textContent())).toContain(javaScript ? "6 – Very happy" : "5 – Quite happy");
      const charts = page.locator("#over-time").locator("xpath=..").getByRole("img");
      expect(await charts.count()).toBe(11);
      expect(await charts.first().getAttribute("aria-labelledby")).toMatch(/-title .*-desc$/);
      const table = page.getByRole("table", { name: "Mental health: every answer, newest first" });
      expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
      expect(plain(await table.locator("tbody tr").first().textContent())).toContain(javaScript ? "6 – Very happy" : "5 – Quite happy");
      await expectNoAxeViolations(page, "how I am doing over time");
      await context.close();
    });
  }

  it("a rating of 8 or 0 posted by hand is explained for that area, and the others are kept", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/how-i-am-doing/new` });
    const csrf = await page.locator('form input[name="csrf"]').first().inputValue();
    const fields = ["mentalHealth", "physicalHealth", "job", "accommodation", "leisure", "partnerFamily", "friendships", "safety", "medication", "practicalHelp", "meetings"];
    for (const bad of ["8", "0"]) {
      const form: Record<string, string> = { csrf, intent: "check", ...Object.fromEntries(fields.map((f) => [f, "3"])), safety: bad, jobHelp: "yes" };
      const response = await page.request.post(`/people/${samId}/how-i-am-doing/new`, { form, maxRedirects: 0 });
      expect(response.status()).toBe(400);
      await page.setContent(await response.text());
      expect(await page.title()).toMatch(/^Error: /);
      expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Choose a number from 1 to 7 for feeling safe"]);
      expect(await page.getByRole("radiogroup", { name: "Housing" }).getByRole("radio", { name: points[2], exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole("group", { name: "Work or job situation: more help (optional)" }).getByRole("checkbox").isChecked()).toBe(true);
    }
    await context.close();
  });

  it("Jo, Sam's care coordinator, sees them from the plan's review part; Alex, his carer, cannot open them", async () => {
    const staff = await newContext(browser);
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    await waitForHydration(jo);
    await keyGo(jo, jo.locator("#reviews").locator("xpath=..").getByRole("link", { name: /^See how .*Sam Taylor.* says they are doing$/ }));
    await expect.poll(async () => plain(await jo.locator("h1").textContent()), { timeout: 15_000 }).toBe("How Sam Taylor is doing");
    expect(plain(await jo.locator("#latest").locator("xpath=..").textContent())).toContain("Would like more help with this");
    expect(await jo.locator("#over-time").locator("xpath=..").getByRole("img").count()).toBe(11);
    expect(await jo.getByRole("link", { name: /^Say how/ }).count()).toBe(0);
    await expectNoAxeViolations(jo, "how I am doing, as staff");
    await staff.close();

    const carer = await newContext(browser);
    const alex = await carer.newPage();
    await signIn(alex, demoPeople.alex.email);
    expect((await alex.goto(`/people/${samId}/how-i-am-doing`))!.status()).toBe(404);
    await carer.close();
  });
});
