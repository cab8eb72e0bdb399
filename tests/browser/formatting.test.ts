import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { formatDate } from "~/utils/locale-format";
import { launch, newContext, recordIdFor, signIn, waitForHydration, watchConsole } from "../support/browser";

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Chromium carries no Welsh, Punjabi or Somali dates, and Bengali uses its own digits. The page must
 * read the same when the server writes it, when the browser takes it over, and after the browser
 * draws it again on its own (moving between pages with JavaScript on).
 */
describe.each(["cy", "pa", "so", "bn", "ur"])("dates and numbers in %s with JavaScript on", (lng) => {
  it("read the same from the server and from the browser", async () => {
    const context = await newContext(browser, { lng });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    await waitForHydration(page);

    const dates = async () =>
      page.locator("main time[datetime]").evaluateAll((times) => times.map((t) => [t.getAttribute("datetime")!, t.textContent!] as const));
    const fromServer = await dates();
    expect(fromServer.length).toBeGreaterThan(0);
    for (const [iso, text] of fromServer) expect(text, iso).toBe(formatDate(iso, lng));

    // Away and back inside the app: the browser draws the plan itself this time.
    await page.locator('main a[href$="/plan/versions"]').first().click();
    await page.waitForURL(/\/plan\/versions$/);
    await page.goBack();
    await page.waitForURL(/\/plan$/);
    // The address changes before the page is drawn: wait for the plan's own dates to come back
    // (expect.poll, with the browser project's time-out).
    await expect.poll(dates).toEqual(fromServer);

    // The goal's chart and table: ratings in the language's digits, in the text and on the scale.
    await page.locator("main a", { hasText: "Walk to the park three times a week" }).first().click();
    await page.waitForURL(/\/goals\/[^/]+$/);
    await page.locator(".chart__svg").waitFor();
    const scale = await page.locator(".chart__svg text.chart__label:not([data-edge])").allTextContents();
    expect(scale).toEqual(lng === "bn" ? ["০", "৫", "১০"] : ["0", "5", "10"]);
    const edges = await page.locator(".chart__svg text[data-edge]").allTextContents();
    const table = await page.locator("main table time[datetime]").evaluateAll((times) => times.map((t) => t.getAttribute("datetime")!));
    expect(edges).toContain(formatDate(table[0]!, lng));

    expect(problems).toEqual([]);
    await context.close();
  });
});
