import { cpSync, mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serviceUsers } from "#db/schema/index";
import { demoPeople } from "#db/seed";
import { openDatabase } from "~/utils/db.server";
import { bundleProblems } from "../support/fhir-validate";
import { expectNoAxeViolations, expectPageBasics, launch, newContext, plain, recordIdFor, signIn, waitForHydration, watchConsole } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

/** "Get a copy of my information" (SE-16): found from the record, explained, and the file is the whole record. */
describe.each([true, false])("a copy of my information, JavaScript %s", (javaScript) => {
  it("Sam finds it from his record, reads what it holds, and downloads the file", async () => {
    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}` });
    if (javaScript) await waitForHydration(page);
    await Promise.all([page.waitForURL(/\/copy$/), page.locator("main a", { hasText: "Get a copy of your information" }).click()]);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Get a copy of your information");
    await expectPageBasics(page, "copy page");
    expect(await page.title()).toMatch(/^Get a copy of your information/);
    await expectNoAxeViolations(page, "copy page");

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("main a", { hasText: "(JSON file)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^care-portal-copy-\d{4}-\d{2}-\d{2}\.json$/);
    const copy = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(copy.format).toBe("care-portal-copy");
    expect(copy.formatVersion).toBe(2);
    expect(copy.person.displayName).toBe("Sam Taylor");
    expect(copy.plan.versions.length).toBeGreaterThan(0);
    expect(JSON.stringify(copy)).not.toMatch(/hash|secret|password|\$argon2/i);

    // The FHIR file, for another health service: a valid R4 bundle about Sam.
    const [fhir] = await Promise.all([page.waitForEvent("download"), page.locator("main a", { hasText: "(FHIR file)" }).click()]);
    expect(fhir.suggestedFilename()).toMatch(/^care-portal-copy-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
    const bundle = JSON.parse(await readFile((await fhir.path())!, "utf8"));
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundleProblems(bundle)).toEqual([]);
    expect(bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === "Patient").resource.name).toEqual([{ text: "Sam Taylor" }]);
    // With JavaScript "off" the blocked bundles are errors in the console by design.
    if (javaScript) expect(problems).toEqual([]);
    await context.close();
  });
});

/** The readable copy: the same copy in plain words, on one page that prints, in the person's language. */
describe.each([true, false])("the readable copy, JavaScript %s", (javaScript) => {
  it("Sam reads his copy on screen: his goal, his crisis plan, and who else has looked at his record", async () => {
    // Jo, his care coordinator, opens his plan first: the copy must name her in plain words.
    const joContext = await newContext(browser);
    const joPage = await joContext.newPage();
    await signIn(joPage, demoPeople.jo.email);
    expect((await joPage.goto(`/people/${samId}/plan`))?.status()).toBe(200);
    await joContext.close();

    const context = await newContext(browser, { javaScript });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/copy` });
    if (javaScript) await waitForHydration(page);
    const options = await page.locator("main h2").allTextContents();
    expect(options.indexOf("Read your copy")).toBeLessThan(options.indexOf("Download your copy"));
    await Promise.all([page.waitForURL(/\/copy\/readable$/), page.locator("main a", { hasText: "Read your copy on screen or print it" }).click()]);
    // With JavaScript the address changes a moment before the new page is drawn.
    await page.getByRole("heading", { level: 1, name: "A copy of your information", exact: true }).waitFor();
    await expectPageBasics(page, "readable copy");
    expect(await page.locator("h1").allTextContents()).toEqual(["A copy of your information"]);
    expect(await page.title()).toMatch(/^A copy of your information/);
    await expectNoAxeViolations(page, "readable copy");

    const text = plain(await page.locator("main").textContent());
    expect(text).toContain("Walk to the park three times a week");
    expect(text).toContain("I stop sleeping, I stop cooking, and I stop answering my phone.");
    // No demo person has an NHS number, so there is no row for one (the test below gives Sam one).
    expect(await page.locator("main .summary-list dt").allTextContents()).not.toContain("NHS number");
    const parts = await page.locator("main h2").allTextContents();
    expect(parts).toEqual(expect.arrayContaining(["About you", "Your care and support plan", "My goals", "Who else has looked at or changed your record"]));
    const log = plain(await page.locator("section", { has: page.locator("h2", { hasText: "Who else has looked at or changed your record" }) }).textContent());
    expect(log).toMatch(/Jo Okafor \(your care coordinator\) looked at your care and support plan on /);
    // Plain words only: no codes from the database.
    expect(text).not.toMatch(/care_plan|care_team_member_of|record_copy|service_user|\bcpa\b|undefined/);

    // On paper: no header (navigation, language forms), and the date the copy was made stays.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site-header").isVisible()).toBe(false);
    expect(await page.locator("form[action='/language']").first().isVisible()).toBe(false);
    expect(await page.locator(".copy-made").isVisible()).toBe(true);
    expect(plain(await page.locator(".copy-made").textContent())).toMatch(/^Made on \d{1,2} \w+ \d{4} at /);
    if (javaScript) expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * The NHS number row: no demo person has an NHS number, so this describe gives Sam one in a copy of
 * the seeded database, with a server of its own (the shared server's database stays as seeded).
 */
describe("the readable copy of someone with an NHS number", () => {
  const nhsNumber = "9434765919";
  let portal: RunningServer;
  let samRecord = "";
  beforeAll(async () => {
    const dataDir = path.join(mkdtempSync(path.join(inject("runDir"), "copy-nhs-")), "pglite");
    cpSync(inject("seededDataDir"), dataDir, { recursive: true });
    const handle = await openDatabase({ dataDir });
    try {
      const [sam] = await handle.db.update(serviceUsers).set({ nhsNumber }).where(eq(serviceUsers.displayName, demoPeople.sam.displayName)).returning({ id: serviceUsers.id });
      samRecord = sam!.id;
    } finally {
      await handle.close();
    }
    portal = await startServer({}, { from: dataDir, tmpRoot: inject("runDir") });
  });
  afterAll(async () => {
    await portal?.stop();
  });

  it("Sam's copy has a row with his NHS number, under 'About you', without JavaScript", async () => {
    const context = await newContext(browser, { javaScript: false, baseURL: portal.url });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samRecord}/copy/readable` });
    await expect.poll(async () => plain(await page.locator("h1").textContent())).toBe("A copy of your information");
    const about = page.locator("section", { has: page.locator("h2", { hasText: "About you" }) });
    const row = about.locator(".summary-list__row", { has: page.locator("dt", { hasText: /^NHS number$/ }) });
    expect(await row.count()).toBe(1);
    // Grouped 3, 3, 4 as on NHS letters.
    expect(plain(await row.locator("dd").textContent())).toBe("943 476 5919");
    await context.close();
  });
});

describe("nobody else takes a copy of Sam's record", () => {
  for (const person of [demoPeople.jo, demoPeople.alex, demoPeople.priya, demoPeople.maya]) {
    it(`${person.displayName} gets "not found" for the page and the file`, async () => {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signIn(page, person.email);
      for (const path of [`/people/${samId}/copy`, `/people/${samId}/copy/readable`, `/people/${samId}/copy.json`, `/people/${samId}/copy.fhir.json`]) {
        const response = await page.request.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBe(404);
      }
      await context.close();
    });
  }
});

describe("a carer's copy of what is theirs", () => {
  it("Alex downloads his account information from 'Your account', without JavaScript", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email, { open: "/account" });
    await expectNoAxeViolations(page, "your account");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("main a", { hasText: "Download your account information" }).click()]);
    const copy = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(copy).toMatchObject({ kind: "account", formatVersion: 2, account: { displayName: "Alex Taylor" } });
    // Version 2: when each session signed in is signedInAt (version 1 had createdAt).
    expect(copy.signedIn.length).toBeGreaterThan(0);
    expect(copy.signedIn.every((s: Record<string, unknown>) => "signedInAt" in s && !("createdAt" in s))).toBe(true);
    expect(copy.connections.map((c: { serviceUserName: string }) => c.serviceUserName)).toEqual(["Sam Taylor"]);
    await context.close();
  });
});
