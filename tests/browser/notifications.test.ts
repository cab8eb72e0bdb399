import { cpSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accounts, communicationNeeds, notificationPreferences, serviceUsers } from "#db/schema/index";
import { demoPeople } from "#db/seed";
import { openDatabase } from "~/utils/db.server";
import { expectNoAxeViolations, expectPageBasics, launch, newContext, plain, signIn } from "../support/browser";
import { FakeNotify, fakeNotifyEnv, fakeTemplates } from "../support/fake-notify";
import { startServer, type RunningServer } from "../support/server";

/**
 * Notifications (decision 057): the settings page, with JavaScript on and off, and one change
 * that notifies Sam, from Jo's form to the fake GOV.UK Notify server on loopback.
 */

let browser: Browser;
let portal: RunningServer;
let samRecord: string;
let mayaRecord: string;
const fake = new FakeNotify();

beforeAll(async () => {
  browser = await launch();
  await fake.start();
  const dataDir = path.join(mkdtempSync(path.join(inject("runDir"), "notify-")), "pglite");
  cpSync(inject("seededDataDir"), dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  try {
    const [sam] = await handle.db.select({ id: serviceUsers.id }).from(serviceUsers).where(eq(serviceUsers.displayName, demoPeople.sam.displayName));
    samRecord = sam!.id;
    const [maya] = await handle.db.select({ id: serviceUsers.id }).from(serviceUsers).where(eq(serviceUsers.displayName, demoPeople.maya.displayName));
    mayaRecord = maya!.id;
    // Maya asked for letters in large print; Tom, her care coordinator, hears of new messages by email.
    const [mayaAccount] = await handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, demoPeople.maya.email));
    await handle.db
      .insert(communicationNeeds)
      .values({ accountId: mayaAccount!.id, contactMethods: ["letter"], formats: ["large_print"] })
      .onConflictDoUpdate({ target: communicationNeeds.accountId, set: { contactMethods: ["letter"], formats: ["large_print"] } });
    const [tom] = await handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, demoPeople.tom.email));
    await handle.db.insert(notificationPreferences).values({ accountId: tom!.id, emailEnabled: true, email: "tom.notify@example.org" });
  } finally {
    await handle.close();
  }
  portal = await startServer(fakeNotifyEnv(fake), { from: dataDir, tmpRoot: inject("runDir") });
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await fake.stop();
});

const open = (javaScript: boolean): Promise<BrowserContext> => newContext(browser, { javaScript, baseURL: portal.url });

describe.each([true, false])("choosing how to hear about changes (JavaScript %s)", (javaScript) => {
  it("is linked from Your account; a wrong mobile number is an error that keeps what was typed; a right one saves", async () => {
    const context = await open(javaScript);
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email, { open: "/account" });
    await page.getByRole("link", { name: "Choose how we tell you about changes" }).click();
    await page.waitForURL((url) => url.pathname === "/account/notifications");
    await expect.poll(async () => plain(await page.locator("h1").textContent())).toBe("How we tell you about changes");
    await expectNoAxeViolations(page, "notification settings");

    await page.getByLabel("By text message").check();
    await page.getByLabel("UK mobile number").fill("01632 960000");
    await page.getByRole("button", { name: "Save your choices" }).click();
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(plain(await page.locator(".error-summary").textContent())).toContain("Enter a UK mobile number, like 07700 900123");
    expect(await page.getByLabel("UK mobile number").inputValue()).toBe("01632 960000");
    expect(await page.getByLabel("By text message").isChecked()).toBe(true);
    await expectNoAxeViolations(page, "notification settings with an error");

    await page.getByLabel("UK mobile number").fill("07700 900456");
    await page.getByRole("button", { name: "Save your choices" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(async () => plain(await page.locator("main").textContent())).toContain("Your choices have been saved.");
    await page.goto("/account/notifications");
    await expect.poll(() => page.getByLabel("UK mobile number").inputValue()).toBe("+447700900456");
    expect(await page.getByLabel("By text message").isChecked()).toBe(true);
    await context.close();
  });
});

describe("a change that notifies Sam", () => {
  it("arrives at GOV.UK Notify: Sam chooses text messages, Jo changes his plan, the text goes with a link and no details", async () => {
    const samContext = await open(true);
    const sam = await samContext.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/account/notifications" });
    await sam.getByLabel("By text message").check();
    await sam.getByLabel("UK mobile number").fill("07700 900123");
    await sam.getByRole("button", { name: "Save your choices" }).click();
    await sam.waitForURL((url) => url.pathname === "/account");
    await samContext.close();

    const joContext = await open(false);
    const jo = await joContext.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samRecord}/plan/edit/needs` });
    const box = jo.locator("main textarea").first();
    await box.fill(`${await box.inputValue()} Needs help with sleep.`);
    await jo.locator("main form button[type=submit]").last().click();
    await jo.waitForURL((url) => !url.pathname.endsWith("/edit/needs"));
    await joContext.close();

    await expect.poll(() => fake.received.filter((n) => n.to === "+447700900123").length, { timeout: 20_000 }).toBe(1);
    const text = fake.received.find((n) => n.to === "+447700900123")!;
    expect(text.type).toBe("sms");
    expect(text.templateId).toBe(fakeTemplates.updateSms);
    expect(text.personalisation).toEqual({ link: expect.stringMatching(/\/plan$/) });
    expect(JSON.stringify(text)).not.toContain("sleep");
    // Nothing was refused: the JWT, the template and the number were all right.
    expect(fake.requests.filter((r) => r.status !== 201)).toEqual([]);
  });
});

describe("a message and its answer", () => {
  it("Sam writes to the team and Jo hears by email; Jo answers and Sam hears, each with a link to the thread", async () => {
    const choose = async (email: string, address: string) => {
      const context = await open(false);
      const page = await context.newPage();
      await signIn(page, email, { open: "/account/notifications" });
      await page.getByLabel("By email").check();
      await page.getByLabel("Email address").fill(address);
      await page.getByRole("button", { name: "Save your choices" }).click();
      await page.waitForURL((url) => url.pathname === "/account");
      await context.close();
    };
    await choose(demoPeople.sam.email, "sam.messages@example.org");
    await choose(demoPeople.jo.email, "jo.messages@example.org");
    const to = (address: string) => fake.received.filter((n) => n.to === address);

    const samContext = await open(true);
    const sam = await samContext.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samRecord}/messages/new` });
    await sam.getByRole("textbox", { name: "Subject" }).fill("Before my review");
    await sam.getByRole("textbox", { name: /^Your message/ }).fill("Can we talk about my dose?");
    await Promise.all([sam.waitForURL(/\/messages\/[0-9a-f-]{36}$/), sam.getByRole("button", { name: "Send message" }).click()]);
    const threadPath = new URL(sam.url()).pathname;
    await samContext.close();

    await expect.poll(() => to("jo.messages@example.org").length, { timeout: 20_000 }).toBe(1);
    expect(to("jo.messages@example.org")[0]!.personalisation).toEqual({ link: expect.stringMatching(new RegExp(`${threadPath}$`)) });
    expect(to("sam.messages@example.org")).toEqual([]);

    const joContext = await open(false);
    const jo = await joContext.newPage();
    await signIn(jo, demoPeople.jo.email, { open: threadPath });
    await jo.getByRole("textbox", { name: /^Your reply/ }).fill("Yes. I will call you on Tuesday.");
    await Promise.all([jo.waitForLoadState("load"), jo.getByRole("button", { name: "Send reply" }).click()]);
    await expect.poll(async () => plain(await jo.locator("main").textContent())).toContain("I will call you on Tuesday.");
    await joContext.close();

    await expect.poll(() => to("sam.messages@example.org").length, { timeout: 20_000 }).toBe(1);
    const email = to("sam.messages@example.org")[0]!;
    expect(email.templateId).toBe(fakeTemplates.updateEmail);
    expect(email.personalisation).toEqual({ link: expect.stringMatching(new RegExp(`${threadPath}$`)) });
    expect(JSON.stringify(fake.received)).not.toMatch(/dose|Tuesday/);
    expect(to("jo.messages@example.org")).toHaveLength(1);
  });
});

describe.each([true, false])("letters the team posts, and a message sent again by hand (JavaScript %s)", (javaScript) => {
  it("Maya needs letters: Tom marks one posted after a check; an email Notify refused is sent again once", async () => {
    const toTom = () => fake.received.filter((n) => n.to === "tom.notify@example.org");
    const sentBefore = toTom().length;
    // Maya writes to her team; Notify refuses Tom's email (400), so it fails for good. Only his:
    // anything else the portal happens to send meanwhile is answered as usual.
    fake.fail(400, 1, "tom.notify@example.org");
    const mayaContext = await open(true);
    const maya = await mayaContext.newPage();
    await signIn(maya, demoPeople.maya.email, { open: `/people/${mayaRecord}/messages/new` });
    await maya.getByRole("textbox", { name: "Subject" }).fill(`Letters please (${javaScript})`);
    await maya.getByRole("textbox", { name: /^Your message/ }).fill("Please write to me.");
    await Promise.all([maya.waitForURL(/\/messages\/[0-9a-f-]{36}$/), maya.getByRole("button", { name: "Send message" }).click()]);
    await mayaContext.close();
    await expect.poll(() => fake.requests.filter((r) => r.status === 400).length, { timeout: 20_000 }).toBe(javaScript ? 1 : 2);
    expect(fake.requests.filter((r) => r.status === 400).map((r) => r.to)).toEqual(javaScript ? ["tom.notify@example.org"] : ["tom.notify@example.org", "tom.notify@example.org"]);

    const context = await open(javaScript);
    const tom = await context.newPage();
    // Tom changes Maya's plan: she hears by letter only, which the team posts.
    await signIn(tom, demoPeople.tom.email, { open: `/people/${mayaRecord}/plan/edit/needs` });
    const box = tom.locator("main textarea").first();
    await box.fill(`${await box.inputValue()} Letters in large print (${javaScript}).`);
    await tom.locator("main form button[type=submit]").last().click();
    await tom.waitForURL((url) => !url.pathname.endsWith("/edit/needs"));

    await tom.goto("/staff/notifications");
    await expectNoAxeViolations(tom, "the outbox with a letter to post");
    await tom.getByRole("link", { name: /^Mark as posted/ }).click();
    await tom.waitForURL(/\/people\/[0-9a-f-]{36}\/notifications\/[0-9a-f-]{36}$/);
    await expect.poll(async () => plain(await tom.locator("h1").textContent())).toBe("Letter to Maya Rahman");
    await expectPageBasics(tom, "a letter to post");
    await expectNoAxeViolations(tom, "a letter to post");

    // Without the tick: an error, next to the box and in the summary.
    await tom.getByRole("button", { name: "Mark as posted" }).click();
    await expect.poll(() => tom.title()).toMatch(/^Error: /);
    expect(plain(await tom.locator(".error-summary").textContent())).toContain("Tick the box to say you have posted the letter");
    await expectNoAxeViolations(tom, "a letter to post with an error");
    await tom.getByLabel(/^I have posted a letter to .*Maya Rahman/).check();
    await tom.getByRole("button", { name: "Mark as posted" }).click();
    await tom.waitForURL((url) => url.pathname === "/staff/notifications");
    await expect.poll(async () => plain(await tom.locator("main").textContent())).toContain("The letter is marked as posted.");
    expect(plain(await tom.locator("main").textContent())).toMatch(/Posted by Tom Hughes on /);
    // At 320 px nothing scrolls sideways, and each cell says which column it is (a bare "0" means nothing).
    await tom.setViewportSize({ width: 320, height: 700 });
    expect(await tom.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const label = await tom.locator("main td[data-label]").last().evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toContain("Tries: ");
    await tom.setViewportSize({ width: 1280, height: 720 });

    // The email Notify refused: sent again, once. If its link is missing, say what the outbox
    // shows and what Notify was asked, rather than only that a link was not found.
    const sendAgain = tom.getByRole("link", { name: /^Send again/ });
    await sendAgain.waitFor({ timeout: 15_000 }).catch(async () => {
      const table = plain((await tom.locator("main table").textContent().catch(() => "")) ?? "");
      throw new Error(`No "Send again" link on ${tom.url()}. The outbox: ${table}. Notify was asked: ${JSON.stringify(fake.requests)}`);
    });
    await sendAgain.click();
    await tom.waitForURL(/\/notifications\/[0-9a-f-]{36}$/);
    await expect.poll(async () => plain(await tom.locator("h1").textContent())).toBe("Notification to Tom Hughes");
    await expectNoAxeViolations(tom, "a message that was not sent");
    await tom.getByRole("button", { name: "Send again" }).click();
    await tom.waitForURL((url) => url.pathname === "/staff/notifications");
    await expect.poll(async () => plain(await tom.locator("main").textContent())).toContain("The message will be sent again.");
    await expect.poll(() => toTom().length, { timeout: 20_000 }).toBe(sentBefore + 1);
    await expect.poll(async () => plain(await tom.locator("main").textContent())).toMatch(/Sent again by Tom Hughes on /);
    await context.close();
  });
});

// Last in the file: Notify's 500 leaves Tom's email waiting, and its retry a minute later must not count in the tests above.
describe("letters only, and a message that waits for its next try", () => {
  it("Maya is told the team writes to her, without 'too'; Tom sees the next try on a line of its own, at 320 px too", async () => {
    const mayaContext = await open(false);
    const maya = await mayaContext.newPage();
    await signIn(maya, demoPeople.maya.email, { open: "/account/notifications" });
    await expect.poll(async () => plain(await maya.locator("main").textContent())).toContain("Your care team will send you a letter when there is something new.");
    expect(plain(await maya.locator("main").textContent())).not.toContain("a letter too");

    // Notify answers 500 once: Tom's email waits for its next try.
    const refusedBefore = fake.requests.filter((r) => r.status === 500).length;
    fake.fail(500, 1);
    await maya.goto(`/people/${mayaRecord}/messages/new`);
    await maya.getByRole("textbox", { name: "Subject" }).fill("Next week");
    await maya.getByRole("textbox", { name: /^Your message/ }).fill("Please write to me again.");
    await Promise.all([maya.waitForURL(/\/messages\/[0-9a-f-]{36}$/), maya.getByRole("button", { name: "Send message" }).click()]);
    await mayaContext.close();
    await expect.poll(() => fake.requests.filter((r) => r.status === 500).length, { timeout: 20_000 }).toBe(refusedBefore + 1);

    const context = await open(true);
    const tom = await context.newPage();
    await signIn(tom, demoPeople.tom.email, { open: "/staff/notifications" });
    const status = tom.locator("main tr", { hasText: "Next try:" }).locator("td[data-label='Status']");
    await expect.poll(() => status.count()).toBe(1);
    // Two lines, to the eye and to a screen reader: never "Waiting Next try: …" run together.
    const lines = async () => (await status.innerText()).split("\n").map((line) => line.trim()).filter(Boolean);
    expect(await lines()).toEqual(["Waiting", expect.stringMatching(/^Next try: \d{1,2} \w+ \d{4} at \d{2}:\d{2}$/)]);
    await tom.setViewportSize({ width: 320, height: 700 });
    expect(await tom.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await status.evaluate((td) => getComputedStyle(td, "::before").content)).toContain("Status: ");
    expect(await lines()).toEqual(["Waiting", expect.stringMatching(/^Next try: \d{1,2} \w+ \d{4} at \d{2}:\d{2}$/)]);
    await context.close();
  });
});
