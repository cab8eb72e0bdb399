import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, launch, newContext, signIn, waitForHydration } from "../support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pages: { who: keyof typeof demoPeople | null; path: string }[] = [
  { who: null, path: "/login" },
  { who: null, path: "/urgent-help" },
  { who: null, path: "/accessibility" },
  { who: "sam", path: "/" },
  { who: "jo", path: "/staff/invitations/new?kind=carer_of" },
];

describe("reflow at 320 CSS pixels (WCAG 1.4.10)", () => {
  it.each(["en-GB", "ar", "cy"])("no horizontal scrolling in %s", async (lng) => {
    for (const { who, path } of pages) {
      const context = await newContext(browser, { lng, width: 320 });
      const page = await context.newPage();
      if (who) await signIn(page, demoPeople[who].email);
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} in ${lng}`).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});

describe("JavaScript budget", () => {
  it.each(pages)("$path ships at most 150 KB of gzipped JavaScript", async ({ who, path }) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    if (who) await signIn(page, demoPeople[who].email);
    const sizes = new Map<string, number>();
    const measured: Promise<void>[] = [];
    page.on("response", (response) => {
      if (!response.url().endsWith(".js")) return;
      measured.push(
        response
          .body()
          .catch(() => Buffer.alloc(0))
          .then((body) => void sizes.set(response.url(), gzipSync(body).length)),
      );
    });
    await page.goto(path);
    // Every script the page needs has loaded once React has hydrated it.
    await waitForHydration(page);
    await Promise.all(measured);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    // Urgent help is sent with no JavaScript at all (decision 042); every other page hydrates.
    if (path === "/urgent-help") expect(total, `${path}: ${total} bytes of JavaScript`).toBe(0);
    else expect(total, `${path}: ${Math.round(total / 1024)} KB`).toBeGreaterThan(10_000);
    expect(total, `${path}: ${Math.round(total / 1024)} KB`).toBeLessThanOrEqual(150 * 1024);
    await context.close();
  });
});

describe("session time-out warning (WCAG 2.2.1)", () => {
  it("warns two minutes before the idle limit and lets the person stay signed in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page, demoPeople.sam.email);
    await waitForHydration(page);
    const dialog = page.getByRole("dialog", { name: "You will be signed out soon" });
    expect(await dialog.isVisible()).toBe(false);
    await page.clock.fastForward("28:30");
    await dialog.waitFor({ state: "visible" });
    // Focus moves into the dialog, on the button that keeps the person signed in.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Stay signed in");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    // Still signed in.
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });
});

describe("language", () => {
  it.each([true, false])("the switcher (a POST, JavaScript %s) changes the whole page, and the choice is remembered", async (javaScript) => {
    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    await page.goto("/login?redirectTo=%2Fplan");
    const welsh = page.locator('header button[name="lng"][value="cy"]');
    expect(await welsh.getAttribute("lang")).toBe("cy");
    expect(await welsh.evaluate((b) => (b as HTMLButtonElement).form?.method)).toBe("post");
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/language")), welsh.click()]);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");
    // Back on the same page, with what was in its address.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/login?redirectTo=%2Fplan");
    await page.goto("/urgent-help");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/language")), page.locator('header button[value="ar"]').click()]);
    await expect.poll(() => page.locator("html").getAttribute("dir")).toBe("rtl");
    await expectNoAxeViolations(page, `urgent help after choosing Arabic (JavaScript ${javaScript})`);
    await context.close();
  });

  it("a ?lng= link shows that page in the language and saves nothing (no state change on GET)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/urgent-help?lng=cy");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    expect((await context.cookies()).map((c) => c.name)).not.toContain("lng");
    await page.goto("/urgent-help");
    expect(await page.locator("html").getAttribute("lang")).toBe("en-GB");
    await context.close();
  });
});
