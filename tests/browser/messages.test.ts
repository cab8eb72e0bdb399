import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { baseURL, expectNoAxeViolations, expectPageBasics, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

/**
 * Issue 19 item 1, messages with the care team (decision 055): Sam writes to his team, Jo answers
 * from the team inbox, Sam sees the answer unread and then read; with JavaScript on and off. Bad
 * input keeps what was typed. A carer writes once Sam lets him, and sees only his own thread.
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

async function signedIn(email: string, javaScript: boolean) {
  const context = await newContext(browser, { javaScript });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

const submit = (page: Page, name: string) => Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name }).click()]);
const threadItem = (page: Page, subject: string) => page.locator("main li.supporter", { hasText: subject });

describe.each([true, false])("messages with the care team (JavaScript %s)", (javaScript) => {
  const subject = `My medication (${javaScript ? "on" : "off"} ${Date.now()})`;

  it("Sam writes, Jo answers from the inbox, Sam sees the answer unread and then read", async () => {
    const sam = await signedIn(demoPeople.sam.email, javaScript);
    await sam.page.goto(`/people/${samId}`);
    await Promise.all([sam.page.waitForURL(/\/messages$/), sam.page.getByRole("link", { name: "Messages with the care team" }).click()]);
    // The address changes a moment before a client-side navigation draws the page: wait for the page.
    await expect.poll(async () => plain(await sam.page.locator("main").textContent())).toContain("Messages are not for emergencies.");
    const main = plain(await sam.page.locator("main").textContent());
    expect(main).toContain("The team usually answers within 2 working days.");
    expect(main).toContain("You cannot send files or photos here.");
    expect(await sam.page.locator("main").getByRole("link", { name: "Get help now" }).getAttribute("href")).toBe("/urgent-help");
    await expectPageBasics(sam.page, "messages");
    await expectNoAxeViolations(sam.page, "messages");

    await Promise.all([sam.page.waitForURL(/\/messages\/new$/), sam.page.getByRole("link", { name: "Write a new message" }).click()]);
    // Nothing typed: both errors, next to the fields and in the summary.
    await submit(sam.page, "Send message");
    await sam.page.locator(".error-summary").waitFor();
    await expect.poll(() => sam.page.title()).toMatch(/^Error: /);
    const summary = plain(await sam.page.locator(".error-summary").textContent());
    expect(summary).toContain("Enter a subject");
    expect(summary).toContain("Enter your message");
    await expectNoAxeViolations(sam.page, "new message with errors");
    // Far too long: the error, and what was typed is kept.
    const long = "a".repeat(50_000);
    await sam.page.getByRole("textbox", { name: "Subject" }).fill(subject);
    await sam.page.getByRole("textbox", { name: /^Your message/ }).fill(long);
    await submit(sam.page, "Send message");
    await expect.poll(async () => plain(await sam.page.locator(".error-summary").textContent())).toContain("Your message must be 5,000 characters or fewer");
    expect(await sam.page.getByRole("textbox", { name: "Subject" }).inputValue()).toBe(subject);
    expect((await sam.page.getByRole("textbox", { name: /^Your message/ }).inputValue()).length).toBe(50_000);

    await sam.page.getByRole("textbox", { name: /^Your message/ }).fill("Can we talk about my dose before the review?");
    await Promise.all([sam.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/), sam.page.getByRole("button", { name: "Send message" }).click()]);
    const threadUrl = new URL(sam.page.url()).pathname;
    await expect.poll(async () => plain(await sam.page.locator("main").textContent())).toContain("Can we talk about my dose before the review?");
    await expectNoAxeViolations(sam.page, "a thread");

    // Jo: the team inbox lists it, unread; she opens it, takes it and answers.
    const jo = await signedIn(demoPeople.jo.email, javaScript);
    await jo.page.goto("/staff/messages");
    await expectPageBasics(jo.page, "team inbox");
    await expectNoAxeViolations(jo.page, "team inbox");
    const inboxItem = plain(await threadItem(jo.page, subject).textContent());
    expect(inboxItem).toContain("Unread");
    // In English, still an English colon after the name and a full stop after how long it has waited (common:colon, common:fullStop).
    expect(inboxItem).toContain(`Sam Taylor: ${subject}`);
    expect(inboxItem).toMatch(/Waiting for an answer since \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d\./);
    await Promise.all([jo.page.waitForURL(new RegExp(`${threadUrl}$`)), threadItem(jo.page, subject).getByRole("link").click()]);
    await expect.poll(async () => plain(await jo.page.locator("main").textContent())).toContain("Sam Taylor");
    await jo.page.getByRole("combobox", { name: /^Who is dealing with it/ }).selectOption({ label: "Jo Okafor" });
    await submit(jo.page, "Save who is dealing with it");
    await expect.poll(async () => plain(await jo.page.locator("main").textContent())).toContain("Jo Okafor is dealing with this.");
    await jo.page.getByRole("textbox", { name: /^Your reply/ }).fill("Yes. I will call you on Tuesday morning.");
    await submit(jo.page, "Send reply");
    await expect.poll(async () => plain(await jo.page.locator("main").textContent())).toContain("I will call you on Tuesday morning.");
    await expectNoAxeViolations(jo.page, "a thread, as the team");

    // Sam: the answer is unread in the list, new in the thread, and read afterwards.
    await sam.page.goto(`/people/${samId}/messages`);
    expect(plain(await threadItem(sam.page, subject).textContent())).toContain("Unread");
    await Promise.all([sam.page.waitForURL(new RegExp(`${threadUrl}$`)), threadItem(sam.page, subject).getByRole("link").click()]);
    const answer = sam.page.locator("main li.supporter", { hasText: "Tuesday morning" });
    expect(plain(await answer.textContent())).toContain("Jo Okafor (care team)");
    expect(plain(await answer.textContent())).toContain("New");
    await sam.page.goto(`/people/${samId}/messages`);
    await expect.poll(async () => plain(await threadItem(sam.page, subject).textContent())).not.toContain("Unread");
    await sam.context.close();

    // Jo marks it done: it leaves the inbox.
    await jo.page.goto(threadUrl);
    await Promise.all([jo.page.waitForURL(/\/staff\/messages$/), jo.page.getByRole("button", { name: "Mark as done" }).click()]);
    await expect.poll(() => threadItem(jo.page, subject).count()).toBe(0);
    await jo.context.close();
  });
});

describe("a carer writes to the team once the person lets him", () => {
  it("Alex is refused, then writes, and sees only his own thread; Sam sees it", async () => {
    const alex = await signedIn(demoPeople.alex.email, true);
    expect((await alex.page.request.get(`${baseURL()}/people/${samId}/messages`)).status()).toBe(404);

    const sam = await signedIn(demoPeople.sam.email, true);
    const sharing = async (on: boolean) => {
      await sam.page.goto(`/people/${samId}/sharing`);
      const href = await sam.page.locator(".supporter", { hasText: "Alex Taylor" }).locator('a[href*="/sharing/"]').first().getAttribute("href");
      await sam.page.goto(href!);
      const box = sam.page.getByRole("checkbox", { name: /Writing to your care team/ });
      if (on) await box.check();
      else await box.uncheck();
      await Promise.all([sam.page.waitForURL(/\/sharing(#.*)?$/), sam.page.getByRole("button", { name: "Save", exact: true }).click()]);
    };
    await sharing(true);
    try {
      const subject = `Sam's sleep ${Date.now()}`;
      await alex.page.goto(`/people/${samId}/messages`);
      const main = plain(await alex.page.locator("main").textContent());
      expect(main).toContain("You see only the messages you started.");
      expect(main).toContain("Tell the team something");
      // Sam's own threads are not Alex's to see.
      expect(await alex.page.locator("main li.supporter").count()).toBe(0);
      await expectNoAxeViolations(alex.page, "messages, as a carer");
      await alex.page.goto(`/people/${samId}/messages/new`);
      await alex.page.getByRole("textbox", { name: "Subject" }).fill(subject);
      await alex.page.getByRole("textbox", { name: /^Your message/ }).fill("He has not slept for three nights.");
      await Promise.all([alex.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/), alex.page.getByRole("button", { name: "Send message" }).click()]);
      await expect.poll(async () => plain(await alex.page.locator("main").textContent())).toContain("Alex Taylor (carer)");

      await sam.page.goto(`/people/${samId}/messages`);
      expect(plain(await threadItem(sam.page, subject).textContent())).toContain("Started by Alex Taylor.");
    } finally {
      await sharing(false);
      await alex.context.close();
      await sam.context.close();
    }
  });
});
