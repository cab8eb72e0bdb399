import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Cookie, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { chromiumArgs } from "./chromium";
import { demoTotpCode } from "./second-factor";
import { startServer, type RunningServer } from "./server";

/**
 * What one test worker keeps across its test files (the browser project runs with isolate: false):
 * its own server on a copy of the seeded database, one Chromium, one signed-in session per person,
 * and the axe results of markup it has already checked.
 */
interface WorkerState {
  server?: Promise<RunningServer>;
  url?: string;
  browser?: Promise<Browser>;
  sessions: Map<string, Cookie>;
  axeResults: Map<string, string[]>;
}
const stateKey = Symbol.for("care-portal.browser-worker");
const state: WorkerState = ((globalThis as Record<symbol, WorkerState>)[stateKey] ??= { sessions: new Map(), axeResults: new Map() });

/** Start this worker's server and Chromium, once (tests/support/browser-worker.ts calls it before each file). */
export async function startWorker(): Promise<void> {
  if (!state.server) {
    state.server = startServer({}, { from: inject("seededDataDir"), tmpRoot: inject("runDir") });
  }
  state.url = (await state.server).url;
  await sharedBrowser();
}

/** This worker's server. */
export const baseURL = (): string => {
  if (!state.url) throw new Error("No test server: the browser project's setup file (tests/support/browser-worker.ts) starts it.");
  return state.url;
};

async function sharedBrowser(): Promise<Browser> {
  const current = state.browser && (await state.browser.catch(() => undefined));
  if (!current || !current.isConnected()) {
    state.browser = chromium.launch({ executablePath: inject("chromiumPath"), args: chromiumArgs, headless: true });
  }
  return state.browser!;
}

/**
 * The worker's Chromium, shared by every test file in it. `close()` on what this returns closes only
 * the contexts opened through it (so `afterAll(() => browser.close())` still tidies up), never the browser.
 */
export async function launch(): Promise<Browser> {
  const shared = await sharedBrowser();
  const opened = new Set<BrowserContext>();
  const track = (context: BrowserContext) => {
    opened.add(context);
    context.once("close", () => opened.delete(context));
    return context;
  };
  return new Proxy(shared, {
    get(target, prop) {
      if (prop === "newContext") return async (...args: Parameters<Browser["newContext"]>) => track(await target.newContext(...args));
      if (prop === "newPage") {
        return async (...args: Parameters<Browser["newPage"]>) => {
          const page = await target.newPage(...args);
          track(page.context());
          return page;
        };
      }
      if (prop === "close") {
        return async () => {
          await Promise.all([...opened].map((context) => context.close().catch(() => {})));
          opened.clear();
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface ContextOptions {
  /** Abort the app's scripts so the page never hydrates: what a person with JavaScript off gets. */
  javaScript?: boolean;
  lng?: string;
  width?: number;
  /** A server of the test's own (started with settings of its own), instead of this worker's. */
  baseURL?: string;
}

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const base = options.baseURL ?? baseURL();
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  if (options.lng) await context.addCookies([{ name: "lng", value: options.lng, url: base }]);
  if (options.javaScript === false) withoutBundles(context);
  return context;
}

/**
 * "JavaScript off": the app's bundles are never loaded, what a person with JavaScript off gets.
 * (axe hangs with Playwright's javaScriptEnabled: false, so the bundles are blocked instead.) Chromium
 * blocks them itself (DevTools' Network.setBlockedURLs) for every page opened through
 * `context.newPage()`. Playwright's `context.route` did the same, but it turns off the context's
 * HTTP cache and sends every request through the test process: about 80 ms more on every page load.
 */
export function withoutBundles(context: BrowserContext): void {
  const blocking = new WeakMap<Page, Promise<void>>();
  const block = (page: Page): Promise<void> => {
    let done = blocking.get(page);
    if (!done) {
      done = (async () => {
        const devTools = await context.newCDPSession(page);
        await devTools.send("Network.enable");
        await devTools.send("Network.setBlockedURLs", { urls: ["*/build/*.js"] });
      })();
      blocking.set(page, done);
    }
    return done;
  };
  // A page the test did not open itself (a link to a new tab) is blocked as soon as it is known.
  context.on("page", (page) => void block(page).catch(() => {}));
  const newPage = context.newPage.bind(context);
  context.newPage = async () => {
    const page = await newPage();
    await block(page);
    return page;
  };
}

/**
 * Wait until React has hydrated the page (root.tsx marks <html data-hydrated>), instead of a
 * fixed sleep or "network idle". Only for pages with JavaScript on.
 */
export async function waitForHydration(page: Page): Promise<void> {
  // A page sent with no JavaScript at all (root.tsx: `hydrate: false`) is as ready as it will be.
  await page.locator("html[data-hydrated], html[data-static]").first().waitFor({ state: "attached" });
}

/** Fail on any console error or CSP violation on the page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(msg.text());
  });
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

export interface SignInOptions {
  password?: string;
  /**
   * The page to end on ("/" unless given), or null to stay where the page is. A test that goes
   * straight to another page names it here, so a signed-in browser loads one page, not two.
   */
  open?: string | null;
}

/**
 * Sign in as someone. The first time in a worker it uses the sign-in form; after that it reuses
 * that session (its cookie), which skips the deliberately slow password check, after asking the
 * server (a request, no page in the browser) that the session is still open. If it has ended
 * (signed out, timed out) it signs in through the form again. The page then ends on `open`.
 * The tests of sign-in itself fill in the form themselves.
 */
export async function signIn(page: Page, email: string, options: SignInOptions = {}): Promise<void> {
  const { password = DEMO_PASSWORD, open = "/" } = options;
  const key = `${email}\n${password}`;
  const session = state.sessions.get(key);
  if (session) {
    const context = page.context();
    await context.addCookies([session]);
    // The context's own server (its baseURL); an ended session is sent on to /login.
    const home = await context.request.get("/", { maxRedirects: 0 });
    const alive = !new URL(home.headers().location ?? "/", baseURL()).pathname.startsWith("/login");
    await home.dispose();
    if (alive) {
      if (open !== null) await page.goto(open);
      return;
    }
    state.sessions.delete(key);
  }
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.locator('form[action="/login"] button[type="submit"]').click()]);
  await completeSecondStep(page, email);
  const cookie = (await page.context().cookies()).find((c) => c.name === "__session");
  if (cookie) state.sessions.set(key, cookie);
  if (open !== null && open !== "/") await page.goto(open);
}

/**
 * On the second step of signing in (staff, decision 044), give the code the demo key makes now, as
 * the person's authenticator app would; anywhere else, nothing to do.
 */
export async function completeSecondStep(page: Page, email: string): Promise<void> {
  if (new URL(page.url()).pathname !== "/login/code") return;
  await page.locator('input[name="code"]').fill(await demoTotpCode(new URL(page.url()).origin, email));
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login/code"), page.locator('form:has(input[name="code"]) button[type="submit"]').click()]);
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * axe (WCAG 2.0/2.1/2.2 A and AA) finds nothing on the page as it is now.
 *
 * axe's result depends only on the page's state: its markup, form values, focus, scroll position,
 * styles and viewport. When this worker has already checked exactly that state (say the page with
 * JavaScript on, then the same page with it off: the HTML is identical once per-response tokens are
 * left out), the earlier result is used instead of running axe again. Any difference means a new run.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const key = await pageStateKey(page);
  let summary = state.axeResults.get(key);
  if (!summary) {
    await injectAxe(page);
    // axe.run in the page itself, as @axe-core/playwright's "legacy" mode does: the app has no frames
    // (its CSP allows none from other origins), so the checks are the same. Only violations are needed.
    summary = await page.evaluate(async (tags) => {
      const results = await window.axe!.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`,
      );
    }, wcagTags);
    state.axeResults.set(key, summary);
  }
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

declare global {
  interface Window {
    axe?: typeof import("axe-core");
  }
}

/** axe-core's own script (580 KB), read once per worker. */
let axeSource: string | undefined;
const axeContexts = new WeakSet<BrowserContext>();

/**
 * Put axe into the page. Sending its 580 KB through Playwright took about 0.3 s a page, more than half
 * of what axe's checks then took, on every page checked. So the first check in a context adds axe as a
 * script of that context: every later page it loads has axe from the start (it only defines `window.axe`,
 * and runs outside the page's CSP, as Playwright's own scripts do). This page gets it the slow way, once.
 */
async function injectAxe(page: Page): Promise<void> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const context = page.context();
  if (!axeContexts.has(context)) {
    axeContexts.add(context);
    await context.addInitScript({ content: axeSource });
  }
  if (!(await page.evaluate(() => typeof window.axe?.run === "function"))) await page.evaluate(axeSource);
}

/**
 * A hash of everything axe's result depends on. Left out, as they change with every response or axe
 * never reads them: CSP nonces, the CSRF token, the text of scripts, the hydration marker and React
 * Aria's touch-action style.
 */
async function pageStateKey(page: Page): Promise<string> {
  const pageState = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    root.removeAttribute("data-hydrated");
    for (const el of root.querySelectorAll("[nonce]")) el.removeAttribute("nonce");
    for (const el of root.querySelectorAll('meta[property="csp-nonce"]')) el.removeAttribute("content");
    for (const el of root.querySelectorAll('input[name="csrf"], input[name="formToken"]')) el.removeAttribute("value");
    for (const el of root.querySelectorAll("script")) el.textContent = "";
    // React Aria adds this style once it runs: it only sets touch-action, which axe never checks.
    for (const el of root.querySelectorAll("style#react-aria-pressable-style")) {
      if (el.textContent?.replace(/\s+/g, "") === "@layer{[data-react-aria-pressable]{touch-action:pan-xpan-ypinch-zoom;}}") el.remove();
    }
    const values = [...document.querySelectorAll<HTMLInputElement>("input, textarea, select")]
      .filter((el) => el.name !== "csrf" && el.name !== "formToken")
      .map((el) => `${el.value}|${el.checked}`);
    // Where focus is, counted within <body> (the head differs by React Aria's style).
    const focus = document.activeElement ? [...document.body.querySelectorAll("*")].indexOf(document.activeElement) : -1;
    return JSON.stringify([root.outerHTML, values, focus, window.scrollX, window.scrollY, window.innerWidth, window.innerHeight]);
  });
  return createHash("sha256").update(`${page.url()}\n${pageState}`).digest("hex");
}

/**
 * The page's basic structure: one h1, a title, landmarks, a skip link, "Get help now" in the header, and no id used twice.
 * Read in one round trip to the page (this runs on every page of every test).
 */
export async function expectPageBasics(page: Page, label: string): Promise<void> {
  const found = await page.evaluate(() => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const element of document.querySelectorAll("[id]")) {
      if (seen.has(element.id)) twice.add(element.id);
      seen.add(element.id);
    }
    return {
      h1: document.querySelectorAll("h1").length,
      title: document.title,
      main: document.querySelectorAll("main#main").length,
      header: document.querySelectorAll("header.site-header").length,
      footer: document.querySelectorAll("footer").length,
      skip: [...document.querySelectorAll("a.skip-link")].map((a) => a.getAttribute("href")),
      urgent: [...document.querySelectorAll("header a.urgent-link")].map((a) => a.getAttribute("href")),
      exit: [...document.querySelectorAll("header form.exit-this-page")].map((f) => `${f.getAttribute("method")} ${f.getAttribute("action")}`),
      duplicateIds: [...twice],
    };
  });
  expect(found.h1, `${label}: exactly one h1`).toBe(1);
  expect(found.title.length, `${label}: a title`).toBeGreaterThan(3);
  expect(found.main, `${label}: main landmark`).toBe(1);
  expect(found.header, `${label}: header`).toBe(1);
  expect(found.footer, `${label}: footer`).toBe(1);
  expect(found.skip, `${label}: skip link`).toEqual(["#main"]);
  expect(found.urgent, `${label}: Get help now in the header`).toEqual(["/urgent-help"]);
  expect(found.exit, `${label}: Exit this page in the header (decision 059)`).toEqual(["post /exit"]);
  expect(found.duplicateIds, `${label}: ids used twice (labels and links then point at the wrong one)`).toEqual([]);
}

/** Every id used more than once on the page (HTML_CodeSniffer F77). */
export async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const element of document.querySelectorAll("[id]")) {
      if (seen.has(element.id)) twice.add(element.id);
      seen.add(element.id);
    }
    return [...twice];
  });
}

/** Short forms that need their words the first time a page uses them (CT-03). Everyday ones (NHS, GP, UK) are left out. */
export const termsToExplain = ["AMHP", "ADRT", "CPA", "CTO", "EASS", "EHRC", "ICO", "IMCA", "IMHA", "LPA", "LPC", "OPG", "WCAG"];

/**
 * CT-03, plain words first: the first time a page's own copy uses a short form such as IMHA, it comes
 * after its words, "Independent Mental Health Advocate (IMHA)". What people typed is not checked.
 */
export async function expectTermsExplained(page: Page, label: string): Promise<void> {
  const unexplained = await page.locator("main").evaluate((main, terms) => {
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('[dir="auto"], script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += `${node.textContent ?? ""} `;
    return terms.filter((term) => {
      const at = text.search(new RegExp(`\\b${term}\\b`));
      return at >= 0 && text[at - 1] !== "(";
    });
  }, termsToExplain);
  expect(unexplained, `${label}: short forms used before their words`).toEqual([]);
}

/** The id of the first record linked from this person's home page. */
export async function recordIdFor(browser: Browser, email: string): Promise<string> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, email);
  const href = await page.locator('main a[href^="/people/"]').first().getAttribute("href");
  await context.close();
  return href!.match(/^\/people\/([^/#?]+)/)![1]!;
}

/** Visible text without the Unicode isolates that set apart names and typed words in sentences. */
export function plain(text: string | null): string {
  return (text ?? "").replace(/[\u2066-\u2069]/g, "");
}

/**
 * Keyboard-only use of a page: reach a control (focus, as Tab would), then use keys. `keyPress`
 * is for controls that stay on the page (Space on a checkbox); `keyGo` for Enter on a link or
 * button that loads a new page (JavaScript off: a real navigation).
 */
export async function keyPress(page: Page, target: Locator, key: "Enter" | "Space") {
  await target.focus();
  await page.keyboard.press(key);
}

export async function keyGo(page: Page, target: Locator) {
  await target.focus();
  await Promise.all([page.waitForEvent("framenavigated"), page.keyboard.press("Enter")]);
  await page.waitForLoadState("load");
}

/** Replace a field's text using the keyboard. */
export async function keyType(page: Page, target: Locator, text: string) {
  await target.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  if (text) await page.keyboard.insertText(text);
}
