import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { DEMO_PASSWORD } from "#db/seed";
import { chromiumArgs } from "./chromium";

export const baseURL = () => inject("baseURL");

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: inject("chromiumPath"), args: chromiumArgs, headless: true });
}

export interface ContextOptions {
  /** Abort the app's scripts so the page never hydrates: what a person with JavaScript off gets. */
  javaScript?: boolean;
  lng?: string;
  width?: number;
}

export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: options.width ?? 1024, height: 800 },
  });
  if (options.lng) await context.addCookies([{ name: "lng", value: options.lng, url: baseURL() }]);
  // axe hangs with javaScriptEnabled: false, so "JavaScript off" blocks our bundles instead.
  if (options.javaScript === false) await context.route("**/build/**/*.js", (route) => route.abort());
  return context;
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

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.locator('form[action="/login"] button[type="submit"]').click()]);
}

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** The page's basic structure: one h1, a title, landmarks, a skip link, "Get help now" in the header, and no id used twice. */
export async function expectPageBasics(page: Page, label: string): Promise<void> {
  expect(await page.locator("h1").count(), `${label}: exactly one h1`).toBe(1);
  expect((await page.title()).length, `${label}: a title`).toBeGreaterThan(3);
  expect(await page.locator("main#main").count(), `${label}: main landmark`).toBe(1);
  expect(await page.locator("header.site-header").count(), `${label}: header`).toBe(1);
  expect(await page.locator("footer").count(), `${label}: footer`).toBe(1);
  const skip = page.locator("a.skip-link");
  expect(await skip.getAttribute("href"), `${label}: skip link`).toBe("#main");
  const urgent = page.locator("header a.urgent-link");
  expect(await urgent.getAttribute("href"), `${label}: Get help now in the header`).toBe("/urgent-help");
  expect(await duplicateIds(page), `${label}: ids used twice (labels and links then point at the wrong one)`).toEqual([]);
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
