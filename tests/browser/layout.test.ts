import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, launch, newContext, recordIdFor, signIn, waitForHydration } from "../support/browser";

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
      if (who) await signIn(page, demoPeople[who].email, { open: path });
      else await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} in ${lng}`).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});

/**
 * JavaScript a page may load, gzipped file by file as the test below measures it (decision 049). The
 * issue's goal is 110 KB, which every page without form fields now meets (checked below). A page with
 * fields also loads React Aria's, about 21 KB; this holds what those reached, and goes down with it.
 * The heaviest, the interpreter request page: 151,320 bytes before "Exit this page" (decision 059),
 * 152,101 with it; 151,372 once the root's loader moved to a .server module of its own; 147,835 with
 * native buttons and links (decision 072; that page's own fields still bring React Aria); 130,517 with
 * the browser's own small translator instead of i18next (decision 073).
 */
const JS_BUDGET_KB = 128;
/** The goal, met by every page that has no form fields (decisions 072 and 073). */
const GOAL_KB = 110;
/**
 * What every page loads (the entry and the root): no page's own components, no form fields, no Conform,
 * no React Aria. 128,750 bytes before "Exit this page" (decision 059), 129,104 with it; 127,927 once the
 * root's loader moved to a .server module of its own (nine empty chunks fewer on every page); 112,934
 * with native buttons and links and no React Aria RouterProvider (decision 072); 95,641 with the
 * browser's own small translator instead of i18next (decision 073).
 */
const SHARED_JS_BUDGET_KB = 94;

/** The reflow pages and the heaviest page of each kind for each role (":sam" is Sam's record). */
const budgetPages: typeof pages = [
  ...pages,
  { who: "sam", path: "/people/:sam/requests/interpreter" },
  { who: "sam", path: "/people/:sam/sharing/invite" },
  { who: "sam", path: "/communication-needs" },
  { who: "alex", path: "/carer/assessment" },
  { who: "priya", path: "/people/:sam/requests/advocate" },
  { who: "jo", path: "/people/:sam/decisions/attorney" },
  { who: "jo", path: "/people/:sam/plan" },
  { who: "rowan", path: "/admin/accounts" },
];

/** The production build's assets manifest, as the server sends it (the one build/index.js names). */
function builtManifest(): { entry: { module: string; imports?: string[] }; routes: Record<string, { parentId?: string; module: string; imports?: string[] }> } {
  const url = /\/build\/manifest-[A-Z0-9]+\.js/.exec(readFileSync("build/index.js", "utf8"))![0];
  return JSON.parse(readFileSync(`public${url}`, "utf8").replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as ReturnType<typeof builtManifest>;
}
const gzipped = (url: string) => gzipSync(readFileSync(`public${url}`)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("JavaScript budget", () => {
  let samId = "";
  beforeAll(async () => {
    samId = await recordIdFor(browser, demoPeople.sam.email);
  });

  it.each(budgetPages)(`$who: $path loads at most ${JS_BUDGET_KB} KB of gzipped JavaScript`, async ({ who, path: template }) => {
    const path = template.replace(":sam", samId);
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
    expect(new URL(page.url()).pathname + new URL(page.url()).search, "the page itself, not a redirect").toBe(path);
    // Every script the page needs has loaded once React has hydrated it (the build has no lazy chunks).
    await waitForHydration(page);
    await Promise.all(measured);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    // Urgent help is sent with no JavaScript at all (decision 042); every other page hydrates.
    if (path === "/urgent-help") expect(total, `${path}: ${total} bytes of JavaScript`).toBe(0);
    else expect(total, `${path}: ${kb(total)}`).toBeGreaterThan(10_000);
    expect(total, `${path}: ${kb(total)}`).toBeLessThanOrEqual(JS_BUDGET_KB * 1024);
    await context.close();
  });

  it("every route's page, from the build's manifest, stays within the budget; what all pages share within its own", () => {
    const manifest = builtManifest();
    const shared = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
    for (const f of [manifest.routes.root!.module, ...(manifest.routes.root!.imports ?? [])]) shared.add(f);
    const sharedTotal = [...shared].reduce((a, f) => a + gzipped(f), 0);
    expect(sharedTotal, `entry and root: ${kb(sharedTotal)}`).toBeLessThanOrEqual(SHARED_JS_BUDGET_KB * 1024);
    const over: string[] = [];
    for (const id of Object.keys(manifest.routes)) {
      // The files a first visit to the route loads: the entry, then each route from the root down.
      const files = new Set(shared);
      for (let route = manifest.routes[id]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
        files.add(route.module);
        for (const f of route.imports ?? []) files.add(f);
      }
      const total = [...files].reduce((a, f) => a + gzipped(f), 0);
      if (total > JS_BUDGET_KB * 1024) over.push(`${id}: ${kb(total)}`);
    }
    expect(over).toEqual([]);
  });

  it(`every route's page without form fields (no React Aria) is within the issue's ${GOAL_KB} KB`, () => {
    const meta = JSON.parse(readFileSync("build/metafile.js.json", "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const manifest = builtManifest();
    const shared = new Set([manifest.entry.module, ...(manifest.entry.imports ?? []), manifest.routes.root!.module, ...(manifest.routes.root!.imports ?? [])]);
    const over: string[] = [];
    let checked = 0;
    for (const id of Object.keys(manifest.routes)) {
      const files = new Set(shared);
      for (let route = manifest.routes[id]; route; route = route.parentId ? manifest.routes[route.parentId] : undefined) {
        files.add(route.module);
        for (const f of route.imports ?? []) files.add(f);
      }
      const inputs = [...files].flatMap((f) => Object.keys(meta.outputs[`public${f}`]?.inputs ?? {}));
      if (inputs.some((i) => /node_modules\/(react-aria|react-aria-components|react-stately)\//.test(i))) continue;
      checked++;
      const total = [...files].reduce((a, f) => a + gzipped(f), 0);
      if (total > GOAL_KB * 1024) over.push(`${id}: ${kb(total)}`);
    }
    // Home, plan, caseload, decisions, messages, Easy Read, your data, sign-out… (58 routes when written).
    expect(checked).toBeGreaterThan(40);
    expect(over).toEqual([]);
  });

  it("no Zod, no Conform and no i18next in the browser: forms are checked on the server (decisions 005 and 049), words translated by our own (073)", () => {
    const meta = JSON.parse(readFileSync("build/metafile.js.json", "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(inputs.length).toBeGreaterThan(100);
    expect(inputs.filter((i) => /node_modules\/(zod|@conform-to)\//.test(i))).toEqual([]);
    // Nor i18next: the browser has its own small translator, checked against it (decision 073).
    expect(inputs.filter((i) => /node_modules\/(i18next|react-i18next)\//.test(i))).toEqual([]);
    // Nor any React Aria component through the package's index, which would put them all on every page.
    expect(inputs.filter((i) => /react-aria(-components)?\/dist\/exports\/index\.mjs$/.test(i))).toEqual([]);
  });

  it("what every page loads has no React Aria: a page without form fields loads none (decision 072)", () => {
    const meta = JSON.parse(readFileSync("build/metafile.js.json", "utf8")) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const manifest = builtManifest();
    const shared = [manifest.entry.module, ...(manifest.entry.imports ?? []), manifest.routes.root!.module, ...(manifest.routes.root!.imports ?? [])];
    const inputs = shared.flatMap((f) => Object.keys(meta.outputs[`public${f}`]?.inputs ?? { [`${f} is not in the metafile`]: null }));
    expect(inputs.some((i) => i.startsWith("app/root.tsx"))).toBe(true);
    // Buttons, links and button-only forms are native (Button.tsx, Link.tsx, Form.tsx); only fields bring React Aria.
    expect(inputs.filter((i) => /node_modules\/(react-aria|react-aria-components|react-stately|@react-aria|@react-stately)\//.test(i))).toEqual([]);
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

  it("the translation files start loading from the page's head and are each fetched once; nothing is fetched without scripts", async () => {
    const translationRequests = (page: Page) => {
      const fetched: string[] = [];
      page.on("request", (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith("/translations/")) fetched.push(pathname);
      });
      return fetched;
    };
    const context = await newContext(browser);
    const page = await context.newPage();
    const fetched = translationRequests(page);
    await page.goto("/accessibility?lng=ar");
    await waitForHydration(page);
    const named = Object.values(JSON.parse((await page.locator("#i18n-files").textContent())!) as Record<string, string>).sort();
    expect(named.length).toBeGreaterThan(10);
    expect(named.every((href) => href.startsWith("/translations/ar/"))).toBe(true);
    // The head's script started every fetch, and entry.client used them rather than fetching again.
    expect(await page.locator("head script").evaluateAll((scripts) => scripts.some((s) => s.textContent?.includes("/translations/ar/")))).toBe(true);
    expect(fetched.sort()).toEqual(named);
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator('link[rel="preload"]').count()).toBe(0);

    // A page sent without scripts (urgent help) starts nothing: a person in crisis on a poor
    // connection downloads nothing the page does not use.
    fetched.length = 0;
    await page.goto("/urgent-help?lng=ar");
    expect(await page.locator("html").getAttribute("data-static")).toBe("true");
    expect(await page.locator("script").count()).toBe(0);
    expect(fetched).toEqual([]);
    const origin = new URL(page.url()).origin;
    await context.close();

    // With scripts turned off in the browser (not only our bundles blocked, as the other
    // "JavaScript off" tests do), no translation file is downloaded at all.
    const noScript = await browser.newContext({ baseURL: origin, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    const plainFetched = translationRequests(plain);
    await plain.goto("/accessibility?lng=ar");
    await expect.poll(() => plain.locator("h1").count()).toBe(1);
    expect(plainFetched).toEqual([]);
    await noScript.close();
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
