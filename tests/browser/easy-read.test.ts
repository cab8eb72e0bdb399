import { cpSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accounts, serviceUsers } from "#db/schema/index";
import { demoPeople } from "#db/seed";
import { saveMyCommunicationNeeds } from "~/models/communication.server";
import { openDatabase } from "~/utils/db.server";
import { loadActor } from "~/web/auth.server";
import { startServer, type RunningServer } from "../support/server";
import { baseURL, expectNoAxeViolations, expectPageBasics, launch, newContext, plain, recordIdFor, signIn, waitForHydration, watchConsole } from "../support/browser";

/**
 * Easy Read (CT-05, decision 061): urgent help and the crisis plan in Easy Read, in English and
 * Arabic, with JavaScript on and off; links both ways; the Easy Read version first for a reader
 * whose communication needs ask for it; and how the pages look at 320 px and at 200% zoom
 * (screenshots in /tmp, looked at by a person when the layout changes).
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

/** Large text, a picture beside each idea, each picture loaded and decorative, one column that fits. */
async function expectEasyRead(page: Page, label: string) {
  // After a client-side navigation the pictures are still on their way: wait for them (or the timeout;
  // the check below then says which failed).
  await page
    .waitForFunction(() => [...document.querySelectorAll(".easy-read__idea img")].every((img) => (img as HTMLImageElement).complete), undefined, { timeout: 10_000 })
    .catch(() => undefined);
  const found = await page.evaluate(() => {
    const ideas = [...document.querySelectorAll(".easy-read__idea")];
    const pictures = ideas.map((idea) => idea.querySelector("img"));
    const words = [...document.querySelectorAll(".easy-read__words p")];
    return {
      ideas: ideas.length,
      withPicture: pictures.filter(Boolean).length,
      alts: [...new Set(pictures.map((img) => img?.getAttribute("alt")))],
      loaded: pictures.every((img) => img && img.complete && img.naturalWidth > 0),
      sameOrigin: pictures.every((img) => img && new URL(img.src).origin === location.origin),
      smallestText: Math.min(...words.map((p) => parseFloat(getComputedStyle(p).fontSize))),
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
  expect(found.ideas, `${label}: ideas`).toBeGreaterThan(4);
  expect(found.withPicture, `${label}: a picture beside each idea`).toBe(found.ideas);
  expect(found.alts, `${label}: pictures are decorative`).toEqual([""]);
  expect(found.loaded, `${label}: every picture loaded`).toBe(true);
  expect(found.sameOrigin, `${label}: pictures from our own origin`).toBe(true);
  // At least 14 pt (18.67 px), as the Easy Read guidance asks.
  expect(found.smallestText, `${label}: large text`).toBeGreaterThanOrEqual(19);
  expect(found.sideways, `${label}: no sideways scrolling`).toBe(false);
}

describe("urgent help in Easy Read", () => {
  for (const lng of ["en-GB", "ar"]) {
    it(`${lng}: no sign-in, no script, the numbers to call, pictures and links both ways`, async () => {
      const context = await newContext(browser, { lng });
      const page = await context.newPage();
      const problems = watchConsole(page);
      await page.goto("/urgent-help");
      const toEasyRead = page.locator("main .easy-read-link a");
      expect(await toEasyRead.getAttribute("href")).toBe("/urgent-help/easy-read");
      await Promise.all([page.waitForURL("**/urgent-help/easy-read"), toEasyRead.click()]);
      await waitForHydration(page);
      expect(await page.locator("script").count(), "sent with no script").toBe(0);
      expect(await page.locator("html").getAttribute("dir")).toBe(lng === "ar" ? "rtl" : "ltr");
      const calls = await page.locator('main a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(calls).toEqual(["tel:999", "tel:08001234567", "tel:111", "tel:116123"]);
      if (lng === "en-GB") {
        expect(await page.title()).toBe("Get help now: Easy Read – Care portal");
        expect(await page.locator("main h1").textContent()).toBe("Get help now: Easy Read");
      }
      await expectEasyRead(page, `urgent help ${lng}`);
      await expectPageBasics(page, `urgent help Easy Read ${lng}`);
      await expectNoAxeViolations(page, `urgent help Easy Read ${lng}`);
      await Promise.all([page.waitForURL((url) => url.pathname === "/urgent-help"), page.locator("main .easy-read__version a").click()]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("is small: the page and its stylesheet at most 30 KB gzipped, as /urgent-help", async () => {
    const { gzipSync } = await import("node:zlib");
    const html = await (await fetch(`${baseURL()}/urgent-help/easy-read`)).text();
    const css = await Promise.all(
      [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(async (m) => (await fetch(`${baseURL()}${m[1]}`)).text()),
    );
    const total = gzipSync(html).length + css.reduce((n, text) => n + gzipSync(text).length, 0);
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });
});

describe("the crisis plan in Easy Read", () => {
  for (const lng of ["en-GB", "ar"]) {
    for (const javaScript of [true, false]) {
      it(`${lng}, JavaScript ${javaScript ? "on" : "off"}: Sam's crisis plan, pictures, and links both ways`, async () => {
        const context = await newContext(browser, { lng, javaScript });
        const page = await context.newPage();
        // With JavaScript "off" the bundles are refused, which the console reports: only watched with it on.
        const problems = javaScript ? watchConsole(page) : [];
        await signIn(page, demoPeople.sam.email);
        await page.goto(`/people/${samId}/plan/crisis`);
        if (javaScript) await waitForHydration(page);
        const toEasyRead = page.locator("main .easy-read-link a");
        expect(await toEasyRead.getAttribute("href")).toBe(`/people/${samId}/plan/crisis/easy-read`);
        await Promise.all([page.waitForURL("**/plan/crisis/easy-read"), toEasyRead.click()]);
        if (javaScript) await waitForHydration(page);
        // With JavaScript the address changes before React draws the new page: wait for its heading.
        const heading = lng === "en-GB" ? "My crisis plan: Easy Read" : "خطة الأزمات الخاصة بي: نسخة سهلة القراءة";
        await expect.poll(() => page.locator("main h1").textContent()).toBe(heading);
        if (lng === "en-GB") {
          const headings = await page.locator("main h2").allTextContents();
          expect(headings).toContain("Things that help me");
          expect(headings).toContain("Who to call at night and at weekends");
        }
        // What the plan says, as on the standard page.
        expect(await page.locator("main .their-words").count()).toBeGreaterThan(3);
        await expectEasyRead(page, `crisis plan ${lng}`);
        await expectPageBasics(page, `crisis plan Easy Read ${lng}`);
        await expectNoAxeViolations(page, `crisis plan Easy Read ${lng}`);
        const back = page.locator("main .easy-read__version a");
        expect(await back.getAttribute("href")).toBe(`/people/${samId}/plan/crisis?version=standard`);
        await Promise.all([page.waitForURL("**/plan/crisis?version=standard"), back.click()]);
        await page.locator("main .crisis-plan").waitFor();
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it("is behind the same guard: Maya cannot open Sam's, and signed out leads to sign-in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const signedOut = await page.goto(`/people/${samId}/plan/crisis/easy-read`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(signedOut?.ok()).toBe(true);
    await signIn(page, demoPeople.maya.email);
    const response = await page.goto(`/people/${samId}/plan/crisis/easy-read`);
    expect(response?.status()).toBe(404);
    await context.close();
  });

  it("comes first for a reader whose communication needs say Easy Read, with the standard version a link away", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email);
    const easyRead = page.getByRole("checkbox", { name: "Easy read" });
    await page.goto("/communication-needs");
    await easyRead.check();
    await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: /^Save/ }).click()]);
    try {
      // Alex, Sam's carer, opens Sam's crisis plan: the Easy Read version, about Sam.
      await page.goto(`/people/${samId}/plan/crisis`);
      expect(new URL(page.url()).pathname).toBe(`/people/${samId}/plan/crisis/easy-read`);
      expect(await page.locator("main h1").textContent()).toMatch(/^\u2068?Sam Taylor\u2069?’s crisis plan: Easy Read$/);
      expect(await page.locator("main h2").allTextContents()).toContain("Things that help them");
      await expectNoAxeViolations(page, "crisis plan Easy Read, as Alex");
      // The standard version is still there for them.
      await Promise.all([page.waitForURL("**/plan/crisis?version=standard"), page.locator("main .easy-read__version a").click()]);
      await expect.poll(() => page.locator("main .crisis-plan").count()).toBe(1);
      // "Get help now", on every page, leads to urgent help in Easy Read.
      expect(await page.locator("header a.urgent-link").getAttribute("href")).toBe("/urgent-help/easy-read");
      // The plan summary too.
      await page.goto(`/people/${samId}/plan`);
      expect(new URL(page.url()).pathname).toBe(`/people/${samId}/plan/easy-read`);
      expect(await page.locator("main h1").textContent()).toMatch(/^\u2068?Sam Taylor\u2069?’s care plan: Easy Read$/);
    } finally {
      await page.goto("/communication-needs");
      await easyRead.uncheck();
      await Promise.all([page.waitForURL(/saved=1/), page.getByRole("button", { name: /^Save/ }).click()]);
    }
    await page.goto(`/people/${samId}/plan/crisis`);
    expect(new URL(page.url()).pathname, "without the need, the standard page").toBe(`/people/${samId}/plan/crisis`);
    await page.goto(`/people/${samId}/plan`);
    expect(new URL(page.url()).pathname, "without the need, the standard plan").toBe(`/people/${samId}/plan`);
    expect(await page.locator("header a.urgent-link").getAttribute("href"), "without the need, urgent help").toBe("/urgent-help");
    await context.close();
  });
});

/**
 * From a standard page to its Easy Read version by its link, the Easy Read checks, and back by the
 * "standard version" link (`back`). `signInAs`: who opens them (signed out when absent). Returns the page,
 * on the standard version again, for more checks.
 */
async function bothWays(options: { lng: string; javaScript: boolean; standard: string; easyRead: string; back?: string; signInAs?: string; label: string; h1?: string; more?: (page: Page) => Promise<void> }) {
  const { lng, javaScript, standard, easyRead, label } = options;
  // A page that sends a reader who needs Easy Read to its Easy Read version is linked back to with ?version=standard.
  const back = options.back ?? `${standard}?version=standard`;
  const context = await newContext(browser, { lng, javaScript });
  const page = await context.newPage();
  // With JavaScript "off" the bundles are refused, which the console reports: only watched with it on.
  const problems = javaScript ? watchConsole(page) : [];
  if (options.signInAs) await signIn(page, options.signInAs);
  await page.goto(standard);
  if (javaScript) await waitForHydration(page);
  const toEasyRead = page.locator("main .easy-read-link a");
  expect(await toEasyRead.getAttribute("href"), `${label}: link to Easy Read`).toBe(easyRead);
  await Promise.all([page.waitForURL((url) => url.pathname === easyRead), toEasyRead.click()]);
  // After a client-side navigation the address changes before the page is drawn.
  await expect.poll(() => page.locator("main .easy-read__version a").getAttribute("href"), { timeout: 10_000 }).toBe(back);
  if (options.h1) expect(await page.locator("main h1").textContent()).toBe(options.h1);
  await options.more?.(page);
  await expectEasyRead(page, label);
  await expectPageBasics(page, label);
  await expectNoAxeViolations(page, label);
  await Promise.all([page.waitForURL((url) => url.pathname + url.search === back), page.locator("main .easy-read__version a").click()]);
  await expect.poll(() => page.locator("main .easy-read-link a").count(), { timeout: 10_000 }).toBe(1);
  expect(problems).toEqual([]);
  await context.close();
}

describe("the care plan summary in Easy Read", () => {
  for (const lng of ["en-GB", "ar"]) {
    for (const javaScript of [true, false]) {
      it(`${lng}, JavaScript ${javaScript ? "on" : "off"}: Sam's plan, their own words, and links both ways`, async () => {
        await bothWays({
          lng,
          javaScript,
          standard: `/people/${samId}/plan`,
          easyRead: `/people/${samId}/plan/easy-read`,
          signInAs: demoPeople.sam.email,
          label: `plan Easy Read ${lng}`,
          h1: lng === "en-GB" ? "My care plan: Easy Read" : "خطة الرعاية الخاصة بي: نسخة سهلة القراءة",
          more: async (page) => {
            // The advance statement Sam wrote, in a box, as written (it is the plan's, not ours to translate).
            const words = await page.locator(`main section[aria-labelledby="plan-advance"] .their-words`).allTextContents();
            expect(words).toContain("If I am unwell, please talk to Alex. I want to stay at home if I can.");
            expect(await page.locator(`main a[href="/people/${samId}/plan/crisis/easy-read"]`).count()).toBe(1);
            if (lng === "en-GB") {
              const headings = await page.locator("main h2").allTextContents();
              expect(headings).toEqual(expect.arrayContaining(["My goals", "Who helps me", "What I want if I become very unwell"]));
            }
          },
        });
      });
    }
  }

  it("is behind the same guard: Maya cannot open Sam's, and signed out leads to sign-in", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/people/${samId}/plan/easy-read`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await signIn(page, demoPeople.maya.email);
    const response = await page.goto(`/people/${samId}/plan/easy-read`);
    expect(response?.status()).toBe(404);
    await context.close();
  });
});

describe("your rights in Easy Read: advocacy, sharing, and decisions", () => {
  for (const lng of ["en-GB", "ar"]) {
    for (const javaScript of [true, false]) {
      const js = `JavaScript ${javaScript ? "on" : "off"}`;
      it(`${lng}, ${js}: advocacy, signed out, and links both ways`, async () => {
        await bothWays({
          lng,
          javaScript,
          standard: "/advocacy",
          easyRead: "/advocacy/easy-read",
          back: "/advocacy",
          label: `advocacy Easy Read ${lng}`,
          h1: lng === "en-GB" ? "Advocates: Easy Read" : "المناصرون: نسخة سهلة القراءة",
        });
      });

      it(`${lng}, ${js}: Sam's sharing, who sees what, and links both ways`, async () => {
        await bothWays({
          lng,
          javaScript,
          standard: `/people/${samId}/sharing`,
          easyRead: `/people/${samId}/sharing/easy-read`,
          signInAs: demoPeople.sam.email,
          label: `sharing Easy Read ${lng}`,
          more: async (page) => {
            // Alex, Sam's carer, and what Alex can see, with the way to change it.
            const who = page.locator('main section[aria-labelledby="sharing-who"]');
            expect(await who.locator(".easy-read__idea").count()).toBeGreaterThan(0);
            expect(await who.locator('a[href^="/people/"]').count()).toBeGreaterThan(0);
            if (lng === "en-GB") {
              expect(await page.locator("main h1").textContent()).toBe("Sharing your information: Easy Read");
              expect(plain(await who.textContent())).toContain("Alex Taylor is your carer.");
              expect(await who.locator("li").allTextContents()).toContain("Your crisis plan");
            }
          },
        });
      });

      it(`${lng}, ${js}: Sam's decisions and consent, and links both ways`, async () => {
        await bothWays({
          lng,
          javaScript,
          standard: `/people/${samId}/decisions`,
          easyRead: `/people/${samId}/decisions/easy-read`,
          signInAs: demoPeople.sam.email,
          label: `decisions Easy Read ${lng}`,
          h1: lng === "en-GB" ? "My decisions: Easy Read" : "قراراتي: نسخة سهلة القراءة",
          more: async (page) => {
            expect(await page.locator('main a[href="/advocacy/easy-read"]').count()).toBe(1);
            expect(await page.locator(`main a[href="/people/${samId}/decisions/advance"]`).count()).toBe(1);
          },
        });
      });
    }
  }

  it("sharing and decisions are behind the same guards: signed out leads to sign-in, and Maya cannot open Sam's", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    for (const path of [`/people/${samId}/sharing/easy-read`, `/people/${samId}/decisions/easy-read`]) {
      await page.goto(path);
      expect(new URL(page.url()).pathname, path).toBe("/login");
    }
    await signIn(page, demoPeople.maya.email);
    for (const path of [`/people/${samId}/sharing/easy-read`, `/people/${samId}/decisions/easy-read`]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
    await context.close();
  });
});

describe("Easy Read pages at 320 px and at 200% zoom", () => {
  const views = [
    { name: "320px", viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
    // 200% zoom of a 1280 × 800 window: half as many CSS pixels, each drawn twice as large.
    { name: "zoom200", viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  ];
  for (const view of views) {
    for (const lng of ["en-GB", "ar"]) {
      it(`${view.name}, ${lng}: one column that fits, with Call 999 in view on urgent help`, async () => {
        const context = await browser.newContext({ baseURL: baseURL(), viewport: view.viewport, deviceScaleFactor: view.deviceScaleFactor });
        await context.addCookies([{ name: "lng", value: lng, url: baseURL() }]);
        const page = await context.newPage();
        await page.goto("/urgent-help/easy-read");
        await expectEasyRead(page, `urgent help ${view.name} ${lng}`);
        if (view.name === "320px") {
          const call = await page.locator('main a[href="tel:999"]').boundingBox();
          expect(call!.y + call!.height, "Call 999 in view without scrolling").toBeLessThanOrEqual(view.viewport.height);
        }
        await page.screenshot({ path: `/tmp/easy-read-urgent-${view.name}-${lng}.png`, fullPage: true });
        await signIn(page, demoPeople.sam.email);
        await page.goto(`/people/${samId}/plan/crisis/easy-read`);
        await expectEasyRead(page, `crisis plan ${view.name} ${lng}`);
        await page.screenshot({ path: `/tmp/easy-read-crisis-${view.name}-${lng}.png`, fullPage: true });
        await page.goto(`/people/${samId}/plan/easy-read`);
        await expectEasyRead(page, `plan ${view.name} ${lng}`);
        await page.screenshot({ path: `/tmp/easy-read-plan-${view.name}-${lng}.png`, fullPage: true });
        for (const [name, path] of [
          ["advocacy", "/advocacy/easy-read"],
          ["sharing", `/people/${samId}/sharing/easy-read`],
          ["decisions", `/people/${samId}/decisions/easy-read`],
        ]) {
          await page.goto(path!);
          await expectEasyRead(page, `${name} ${view.name} ${lng}`);
          await page.screenshot({ path: `/tmp/easy-read-${name}-${view.name}-${lng}.png`, fullPage: true });
        }
        await context.close();
      });
    }
  }
});

/**
 * Sharing and decisions come first in Easy Read for a reader who needs it (decision 065). Sam is given
 * the need in a copy of the seeded database, with a server of its own, so the worker's shared server
 * (and every other file in the worker) keeps Sam as seeded. Maya, on the same server, has no such need.
 */
describe("sharing and decisions first in Easy Read, for a reader whose needs say so (a server of its own)", () => {
  let portal: RunningServer;
  let samRecord = "";
  let mayaRecord = "";
  beforeAll(async () => {
    const dataDir = path.join(mkdtempSync(path.join(inject("runDir"), "easy-read-first-")), "pglite");
    cpSync(inject("seededDataDir"), dataDir, { recursive: true });
    const handle = await openDatabase({ dataDir });
    try {
      const recordOf = async (name: string) => (await handle.db.select({ id: serviceUsers.id }).from(serviceUsers).where(eq(serviceUsers.displayName, name)))[0]!.id;
      samRecord = await recordOf(demoPeople.sam.displayName);
      mayaRecord = await recordOf(demoPeople.maya.displayName);
      // As Sam's own "Communication needs" page saves it: Easy Read, nothing else.
      const [sam] = await handle.db.select().from(accounts).where(eq(accounts.email, demoPeople.sam.email));
      const actor = await loadActor(handle.db, { ...sam!, carerSignedUp: sam!.carerSignedUpAt !== null });
      await saveMyCommunicationNeeds(handle.db, actor, { contactMethods: [], formats: ["easy_read"], attachmentFormat: "", support: [], other: "", languages: [], noNeeds: false });
    } finally {
      await handle.close();
    }
    portal = await startServer({}, { from: dataDir, tmpRoot: inject("runDir") });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  const pages = [
    { name: "sharing", part: "sharing", easyReadH1: "Sharing your information: Easy Read", standardH1: "People who support you" },
    { name: "decisions", part: "decisions", easyReadH1: "My decisions: Easy Read", standardH1: "Decisions about me" },
  ];

  for (const javaScript of [true, false]) {
    const js = `JavaScript ${javaScript ? "on" : "off"}`;
    it(`${js}: Sam opens sharing and decisions and gets the Easy Read version, with the standard one a link away`, async () => {
      const context = await newContext(browser, { javaScript, baseURL: portal.url });
      const page = await context.newPage();
      // With JavaScript "off" the bundles are refused, which the console reports: only watched with it on.
      const problems = javaScript ? watchConsole(page) : [];
      await signIn(page, demoPeople.sam.email, { open: null });
      for (const { name, part, easyReadH1, standardH1 } of pages) {
        const standard = `/people/${samRecord}/${part}`;
        const easyRead = `${standard}/easy-read`;
        await page.goto(standard);
        // The server's redirect: as waitForURL, but a failure names the page it stayed on.
        await expect.poll(() => new URL(page.url()).pathname, { message: `${name}: sent to the Easy Read version`, timeout: 10_000 }).toBe(easyRead);
        await expect.poll(async () => plain(await page.locator("main h1").textContent()), { message: `${name}: the Easy Read page's h1`, timeout: 10_000 }).toBe(easyReadH1);
        if (javaScript) await waitForHydration(page);
        // The need comes with the session: "Get help now" leads to urgent help in Easy Read too.
        expect(await page.locator("header a.urgent-link").getAttribute("href"), `${name}: Get help now`).toBe("/urgent-help/easy-read");
        await expectEasyRead(page, `${name} first in Easy Read`);
        await expectNoAxeViolations(page, `${name} first in Easy Read, ${js}`);
        const back = page.locator("main .easy-read__version a");
        expect(await back.getAttribute("href"), `${name}: link to the standard version`).toBe(`${standard}?version=standard`);
        await back.click();
        // As waitForURL, but a failure names where it went instead (the Easy Read version again, without the opt-out).
        const address = () => new URL(page.url()).pathname + new URL(page.url()).search;
        await expect.poll(address, { message: `${name}: the standard version`, timeout: 10_000 }).toBe(`${standard}?version=standard`);
        await expect.poll(async () => plain(await page.locator("main h1").textContent()), { message: `${name}: the standard page's h1`, timeout: 10_000 }).toBe(standardH1);
        // Not sent back to Easy Read: the standard page, with its own link to the Easy Read version.
        expect(new URL(page.url()).pathname, `${name}: stays on the standard version`).toBe(standard);
        expect(await page.locator("main .easy-read-link a").getAttribute("href"), `${name}: link to Easy Read`).toBe(easyRead);
      }
      expect(problems).toEqual([]);
      await context.close();
    });

    it(`${js}: Maya, on the same server, without the need, gets the standard sharing and decisions pages`, async () => {
      const context = await newContext(browser, { javaScript, baseURL: portal.url });
      const page = await context.newPage();
      await signIn(page, demoPeople.maya.email, { open: null });
      for (const { name, part, standardH1 } of pages) {
        const standard = `/people/${mayaRecord}/${part}`;
        await page.goto(standard);
        await expect.poll(async () => plain(await page.locator("main h1").textContent()), { message: `${name}: the standard page's h1`, timeout: 10_000 }).toBe(standardH1);
        expect(new URL(page.url()).pathname, `${name}: not redirected`).toBe(standard);
        expect(await page.locator("header a.urgent-link").getAttribute("href"), `${name}: Get help now`).toBe("/urgent-help");
      }
      await context.close();
    });
  }
});
