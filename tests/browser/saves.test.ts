import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { baseURL, expectNoAxeViolations, launch, newContext, recordIdFor, signIn } from "../support/browser";

/**
 * Issue 12, items 3 and 8: after every successful save the person hears a confirmation (a GOV.UK
 * success banner, role="alert", focused), the form starts empty again, and the same submission
 * sent twice saves once.
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

const ratingBox = (page: Page) => page.getByRole("textbox", { name: "How is it going, from 0 to 10?" });
const noteBox = (page: Page) => page.getByRole("textbox", { name: "Anything you want to add? (optional)" });
const ratingRows = (page: Page) => page.getByRole("table", { name: "Every rating, newest first" }).locator("tbody tr");
const banner = (page: Page) => page.locator(".success-banner");

/**
 * The banner is there, is an alert headed "Success", says what was saved, and has the focus. Without
 * JavaScript focus comes from autofocus, which browsers skip when the address has a #part (the page
 * then opens at that part).
 */
async function expectBanner(page: Page, message: string, javaScript = true) {
  await expect.poll(async () => ((await banner(page).count()) ? await banner(page).locator("p").textContent() : null)).toBe(message);
  expect(await banner(page).getAttribute("role")).toBe("alert");
  expect(await banner(page).locator("h2").textContent()).toBe("Success");
  if (javaScript || !new URL(page.url()).hash) {
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("success-banner") ?? false)).toBe(true);
  }
}

/** Everything the progress form posts, as the browser would send it again. */
async function progressFormFields(page: Page) {
  const form = page.locator("form", { has: ratingBox(page) });
  return {
    csrf: await form.locator('input[name="csrf"]').inputValue(),
    formToken: await form.locator('input[name="formToken"]').inputValue(),
    intent: "progress",
    rating: await ratingBox(page).inputValue(),
    note: await noteBox(page).inputValue(),
  };
}

async function addGoal(page: Page, what: string, javaScript = true) {
  await page.goto(`/people/${samId}/goals/new`);
  await page.getByRole("textbox", { name: "What do you want to do?" }).fill(what);
  await Promise.all([page.waitForURL(/\/goals\/[0-9a-f-]{36}$/), page.getByRole("button", { name: "Save goal" }).click()]);
  await expectBanner(page, "The goal has been saved.", javaScript);
}

for (const javaScript of [true, false]) {
  describe(`Sam records progress on a goal, JavaScript ${javaScript ? "on" : "off"}`, () => {
    it("is told it was saved, the form is empty again, and saving twice adds one entry", async () => {
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, demoPeople.sam.email);
      await addGoal(page, javaScript ? "Swim a length without stopping" : "Bake bread on Sundays", javaScript);
      await expectNoAxeViolations(page, "goal page with the success banner");
      const goalPath = new URL(page.url()).pathname;
      expect(await ratingRows(page).count()).toBe(0);

      await ratingBox(page).fill("6");
      await noteBox(page).fill("Went twice this week");
      const sent = await progressFormFields(page);
      expect(sent.formToken.length).toBeGreaterThan(15);
      if (javaScript) {
        // Two quick presses of Save: one entry.
        await page.getByRole("button", { name: "Save", exact: true }).dblclick();
      } else {
        await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Save", exact: true }).click()]);
      }
      await expectBanner(page, "Your progress has been saved.", javaScript);
      expect(new URL(page.url()).pathname).toBe(goalPath);
      await expect.poll(() => ratingRows(page).count()).toBe(1);
      expect(await ratingRows(page).first().textContent()).toContain("Went twice this week");
      // The form is empty, so nothing typed is left to be sent again.
      expect(await ratingBox(page).inputValue()).toBe("");
      expect(await noteBox(page).inputValue()).toBe("");
      await expectNoAxeViolations(page, "goal page after saving progress");

      // The same submission sent again (a resubmitted page): it lands where the first did and adds nothing.
      const again = await page.request.post(`${baseURL()}${goalPath}`, { form: sent, maxRedirects: 0 });
      expect(again.status()).toBe(302);
      expect(again.headers()["location"]).toBe(`${goalPath}#progress`);
      await page.reload();
      expect(await ratingRows(page).count()).toBe(1);

      // Pressing Save again on the empty form saves nothing either.
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Save", exact: true }).click()]);
      await page.locator(".error-summary").waitFor();
      // The banner from before goes: it does not sit next to the error.
      await expect.poll(() => banner(page).count()).toBe(0);
      expect(await ratingRows(page).count()).toBe(1);

      // A new rating from a fresh form is saved as usual.
      await ratingBox(page).fill("7");
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Save", exact: true }).click()]);
      await expectBanner(page, "Your progress has been saved.", javaScript);
      await expect.poll(() => ratingRows(page).count()).toBe(2);
      await context.close();
    });
  });
}

describe("other saves say so too", () => {
  it("changing what a carer can see, and a goal's status, show the success banner", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email);
    await addGoal(page, "Phone a friend each week");
    await page.getByRole("radio", { name: "Paused" }).check();
    await page.getByRole("button", { name: "Update" }).click();
    await expectBanner(page, "The goal has been saved.");

    await page.goto(`/people/${samId}/sharing`);
    await page.locator('main a[href*="/sharing/"]:not([href$="/invite"]):not([href$="/easy-read"])').first().click();
    await page.waitForURL(/\/sharing\/[0-9a-f-]{36}/);
    await page.locator('main form button[type="submit"]').first().click();
    await expectBanner(page, "The sharing choices have been saved.");
    await expectNoAxeViolations(page, "sharing page with the success banner");
    await context.close();
  });
});
