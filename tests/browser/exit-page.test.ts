import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { baseURL, expectNoAxeViolations, keyGo, launch, newContext, recordIdFor, signIn, waitForHydration } from "../support/browser";

/**
 * "Exit this page" (AX-14, decision 059): the button in every header, without JavaScript and with
 * it (Shift three times), the neutral page it leads to, and the page that explains it.
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

/** Sam signed in, on the home page and then his plan (two entries in the history); his session cookie. */
async function onThePlan(context: BrowserContext, javaScript: boolean): Promise<{ page: Page; session: string }> {
  const page = await context.newPage();
  await signIn(page, demoPeople.sam.email);
  await page.goto(`/people/${samId}/plan`);
  if (javaScript) await waitForHydration(page);
  const session = (await context.cookies()).find((c) => c.name === "__session")!.value;
  return { page, session };
}

/** The session has ended on the server: even sent by hand, its cookie now leads to sign-in. */
async function sessionEnded(session: string): Promise<boolean> {
  const response = await fetch(`${baseURL()}/`, { headers: { cookie: `__session=${session}` }, redirect: "manual" });
  return response.status === 302 && (response.headers.get("location") ?? "").startsWith("/login");
}

/** On the neutral page; Back does not show the plan (nor any signed-in page); nothing signed in is left. */
async function expectLeft(page: Page, session: string, label: string) {
  await page.waitForURL((url) => url.pathname === "/new-tab");
  expect(await page.title(), label).toBe("New tab");
  expect(await page.locator("header, footer, .site-header").count(), `${label}: nothing of the portal`).toBe(0);
  await expect.poll(() => sessionEnded(session), { message: `${label}: the session ended on the server` }).toBe(true);
  expect((await page.context().cookies()).map((c) => c.name), `${label}: no session cookie`).not.toContain("__session");
  await page.goBack();
  await page.waitForLoadState("load");
  expect(new URL(page.url()).pathname, `${label}: Back`).not.toBe(`/people/${samId}/plan`);
  expect(await page.locator(".site-header__signed-in").count(), `${label}: Back shows no one signed in`).toBe(0);
  expect(await page.locator("body").textContent(), `${label}: Back shows nothing of Sam's`).not.toContain(demoPeople.sam.displayName);
}

describe("Exit this page", () => {
  it("without JavaScript: a plain form button, by keyboard, signs out and leads to the neutral page", async () => {
    const context = await newContext(browser, { javaScript: false });
    const { page, session } = await onThePlan(context, false);
    const button = page.locator("header form.exit-this-page button");
    expect(await button.evaluate((b) => [(b as HTMLButtonElement).form?.method, b.textContent])).toEqual(["post", "Emergency Exit this page"]);
    await keyGo(page, button);
    await expectLeft(page, session, "JavaScript off");
    await context.close();
  });

  it("with JavaScript: Shift three times, with each press announced, hides the page and replaces it", async () => {
    const context = await newContext(browser, { javaScript: true });
    const { page, session } = await onThePlan(context, true);
    const live = page.locator('header form.exit-this-page [role="status"]');
    const historyBefore = await page.evaluate(() => history.length);
    // What the page looks like the moment it starts to leave (read in the page: Playwright waits for the navigation).
    const covers: { role: string | null; text: string | null; mainShown: boolean; headerShown: boolean }[] = [];
    await page.exposeFunction("reportCover", (cover: (typeof covers)[number]) => void covers.push(cover));
    await page.evaluate(() => {
      new MutationObserver(() => {
        const cover = document.querySelector(".exit-overlay");
        if (!cover) return;
        const shown = (selector: string) => document.querySelector(selector)!.getClientRects().length > 0;
        const report = (window as unknown as { reportCover: (c: unknown) => void }).reportCover;
        report({ role: cover.getAttribute("role"), text: cover.textContent, mainShown: shown("main"), headerShown: shown("header") });
      }).observe(document.body, { childList: true });
    });
    await page.keyboard.press("Shift");
    await expect.poll(() => live.textContent()).toBe("Shift, press 2 more times to exit.");
    await page.keyboard.press("Shift");
    await expect.poll(() => live.textContent()).toBe("Shift, press 1 more time to exit.");
    await page.keyboard.press("Shift");
    await expect.poll(() => covers.length).toBeGreaterThan(0);
    // At once: the "Loading." cover, announced, and nothing of the page behind it.
    expect(covers[0]).toEqual({ role: "alert", text: "Loading.", mainShown: false, headerShown: false });
    await expectLeft(page, session, "Shift ×3");
    // The plan's place in the history was taken by the neutral page (location.replace).
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    await context.close();
  });

  it("with JavaScript: the button itself does the same", async () => {
    const context = await newContext(browser, { javaScript: true });
    const { page, session } = await onThePlan(context, true);
    await page.getByRole("button", { name: "Emergency Exit this page" }).click();
    await expectLeft(page, session, "the button with JavaScript");
    await context.close();
  });

  it("Shift presses more than five seconds apart, or another key between, start again (announced)", async () => {
    const context = await newContext(browser, { javaScript: true });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto("/login");
    await waitForHydration(page);
    const live = page.locator('header form.exit-this-page [role="status"]');
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await expect.poll(() => live.textContent()).toBe("Shift, press 1 more time to exit.");
    await page.clock.runFor(5100);
    await expect.poll(() => live.textContent()).toBe("Exit this page expired.");
    await page.keyboard.press("Shift");
    await expect.poll(() => live.textContent()).toBe("Shift, press 2 more times to exit.");
    await page.keyboard.press("a");
    await expect.poll(() => live.textContent()).toBe("Exit this page expired.");
    // Shift used for a capital letter is not a press.
    await page.keyboard.press("Shift+A");
    await page.clock.runFor(5100);
    expect(await live.textContent()).toBe("");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it.each(["en-GB", "ar"])("in %s: the button sits in the header at the reading end, large enough, with a visible focus", async (lng) => {
    const context = await newContext(browser, { lng });
    const page = await context.newPage();
    await page.goto("/staying-safe");
    await waitForHydration(page);
    const button = page.locator("header form.exit-this-page button");
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.width).toBeGreaterThanOrEqual(24);
    // Left to right it is on the right half of the page; in Arabic, mirrored, on the left.
    if (lng === "ar") expect(box.x + box.width).toBeLessThan(512);
    else expect(box.x).toBeGreaterThan(512);
    const before = await button.evaluate((b) => getComputedStyle(b).backgroundColor);
    await button.focus();
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe(before);
    await page.emulateMedia({ forcedColors: "active" });
    expect(await button.evaluate((b) => getComputedStyle(b).borderTopStyle)).toBe("solid");
    await context.close();
  });
});

describe("the neutral page and Staying safe", () => {
  it.each(["en-GB", "ar"])("in %s: both pages pass axe and fit 320 px without scrolling sideways", async (lng) => {
    const context = await newContext(browser, { lng, width: 320 });
    const page = await context.newPage();
    for (const path of [`/new-tab?lng=${lng}`, "/staying-safe"]) {
      await page.goto(path);
      expect(await page.locator("html").getAttribute("dir")).toBe(lng === "ar" ? "rtl" : "ltr");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `${path} in ${lng} at 320 px`);
    }
    await context.close();
  });

  it("Staying safe is linked from the footer and the sign-in page, and gives the helplines as phone links", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.locator('footer a[href="/staying-safe"]').count()).toBe(1);
    expect(await page.locator('main a[href="/staying-safe"]').count()).toBe(1);
    await page.goto("/staying-safe");
    expect(await page.title()).toMatch(/^Staying safe when you use this website/);
    const tels = await page.locator('main a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(tels).toEqual(["tel:999", "tel:08082000247", "tel:08088010327", "tel:08009995428", "tel:08088010800"]);
    await context.close();
  });

  it("/urgent-help has the exit form with no script, and stays under 30 KB gzipped (HTML and CSS)", async () => {
    const html = await (await fetch(`${baseURL()}/urgent-help`)).text();
    expect(html).not.toContain("<script");
    expect(html).toMatch(/<form[^>]*action="\/exit"[^>]*class="exit-this-page"|<form[^>]*class="exit-this-page"[^>]*action="\/exit"/);
    const css = await (await fetch(`${baseURL()}${/href="(\/build\/[^"]+\.css)"/.exec(html)![1]}`)).text();
    expect(gzipSync(html).length + gzipSync(css).length).toBeLessThanOrEqual(30 * 1024);
  });
});
