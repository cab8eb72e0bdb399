import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, keyGo, keyPress, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

/**
 * No lost updates: two members of staff open the same crisis plan and both save. The second is
 * told what the first saved, keeps what they typed, and can save again on top. JavaScript on for
 * one and off for the other, as two different computers would be.
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

async function openCrisisEdit(javaScript: boolean): Promise<Page> {
  const context = await newContext(browser, { javaScript });
  const page = await context.newPage();
  await signIn(page, demoPeople.jo.email, { open: `/people/${samId}/plan/edit/crisis` });
  return page;
}

const whatHelps = (page: Page) => page.getByRole("textbox", { name: "What helps" });

describe("two staff save the same crisis plan", () => {
  it("the second save shows the first one's words, keeps what was typed, and saves on top when asked", async () => {
    const first = await openCrisisEdit(true);
    const second = await openCrisisEdit(false);

    await whatHelps(first).fill("A walk by the river with Alex.");
    await Promise.all([first.waitForURL(/\/plan#crisis$/), first.getByRole("button", { name: "Save" }).click()]);

    await whatHelps(second).fill("Music, and time on his own.");
    await Promise.all([second.waitForLoadState("load"), second.getByRole("button", { name: "Save" }).click()]);
    expect(await second.title()).toMatch(/^Error: /);
    expect(await second.locator(".error-summary").textContent()).toContain("Someone else saved a change to this while you were working on it");
    const notice = second.locator("#conflict-heading").locator("..");
    expect(plain(await notice.textContent())).toContain("Jo Okafor saved this on");
    expect(plain(await notice.textContent())).toContain("A walk by the river with Alex.");
    // What this person typed is still there.
    expect(await whatHelps(second).inputValue()).toBe("Music, and time on his own.");
    await expectNoAxeViolations(second, "crisis plan edit after a conflict");

    // Saving again, having seen the other words, puts this version on top.
    await Promise.all([second.waitForURL(/\/plan#crisis$/), second.getByRole("button", { name: "Save" }).click()]);
    await second.goto(`/people/${samId}/plan/crisis`);
    expect(await second.locator("main").textContent()).toContain("Music, and time on his own.");
    await second.context().close();
    await first.context().close();
  });
});

describe("the person changes the same goal in two places", () => {
  it("the second save shows the words saved first, keeps what was typed, and saves on top when asked", async () => {
    const open = async (javaScript: boolean) => {
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
      const href = await page.locator("main a", { hasText: "Cook a meal for Alex once a month" }).first().getAttribute("href");
      await page.goto(`${href}/edit`);
      return page;
    };
    const first = await open(true);
    const second = await open(false);
    const what = (page: Page) => page.getByRole("textbox", { name: "What do you want to do?" });
    const firstStep = (page: Page) => page.getByRole("textbox", { name: /^What is a first small step\?/ });

    await what(first).fill("Cook a meal for Alex every fortnight");
    await Promise.all([first.waitForURL(/\/goals\/[^/]+$/), first.getByRole("button", { name: "Save" }).click()]);

    await firstStep(second).fill("Buy a cookbook.");
    await Promise.all([second.waitForLoadState("load"), second.getByRole("button", { name: "Save" }).click()]);
    expect(await second.title()).toMatch(/^Error: /);
    expect(await second.locator(".error-summary").textContent()).toContain("Someone else saved a change to this while you were working on it");
    const notice = plain(await second.locator("#conflict-heading").locator("..").textContent());
    expect(notice).toContain("Sam Taylor saved this on");
    expect(notice).toContain("Cook a meal for Alex every fortnight");
    // What this person typed is still there, and the words they did not change are as they opened them.
    expect(await firstStep(second).inputValue()).toBe("Buy a cookbook.");
    expect(await what(second).inputValue()).toBe("Cook a meal for Alex once a month");
    await expectNoAxeViolations(second, "goal edit after a conflict");

    // Saving again, having seen the other words, puts this version on top.
    await what(second).fill("Cook a meal for Alex every fortnight");
    await Promise.all([second.waitForURL(/\/goals\/[^/]+$/), second.getByRole("button", { name: "Save" }).click()]);
    await expect.poll(async () => plain(await second.locator("main").textContent())).toContain("Cook a meal for Alex every fortnight");
    const goal = plain(await second.locator("main").textContent());
    expect(goal).toContain("Buy a cookbook.");
    await second.context().close();
    await first.context().close();
  });
});

/** Two pages open on the same form, one with JavaScript and one without, both signed in as `email`. */
async function openTwice(email: string, path: string): Promise<[Page, Page]> {
  const pages: Page[] = [];
  for (const javaScript of [true, false]) {
    const page = await (await newContext(browser, { javaScript })).newPage();
    await signIn(page, email, { open: path });
    pages.push(page);
  }
  return [pages[0]!, pages[1]!];
}

/** Save `second` after `first` saved: it is told what was saved first, by whom, and keeps what it typed. */
async function expectConflict(second: Page, savedBy: string, theirs: string) {
  await Promise.all([second.waitForLoadState("load"), second.getByRole("button", { name: "Save" }).click()]);
  expect(await second.title()).toMatch(/^Error: /);
  expect(await second.locator(".error-summary").textContent()).toContain("Someone else saved a change to this while you were working on it");
  const notice = plain(await second.locator("#conflict-heading").locator("..").textContent());
  expect(notice).toContain(`${savedBy} saved this on`);
  expect(notice).toContain(theirs);
}

describe("the recovery statement and a care team member, saved in two places", () => {
  it("the recovery statement: the second save is told, keeps its words, and saves on top", async () => {
    const [first, second] = await openTwice(demoPeople.sam.email, `/people/${samId}/recovery`);
    const words = (page: Page) => page.getByRole("textbox", { name: /what does recovery mean to you\?/ });
    await words(first).fill("Being back at football on Saturdays.");
    await Promise.all([first.waitForURL(/\/plan#recovery$/), first.getByRole("button", { name: "Save" }).click()]);
    await words(second).fill("Seeing my friends again.");
    await expectConflict(second, "Sam Taylor", "Being back at football on Saturdays.");
    expect(await words(second).inputValue()).toBe("Seeing my friends again.");
    await Promise.all([second.waitForURL(/\/plan#recovery$/), second.getByRole("button", { name: "Save" }).click()]);
    await second.goto(`/people/${samId}/recovery`);
    expect(await words(second).inputValue()).toBe("Seeing my friends again.");
    await second.context().close();
    await first.context().close();
  });

  it("a care team member: the second save is told, keeps what was typed, and saves on top", async () => {
    const plan = await (await newContext(browser)).newPage();
    await signIn(plan, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    const href = await plan.locator('.team-list a[href*="/team/"]', { hasText: "Kerry Jones" }).first().getAttribute("href");
    await plan.context().close();
    const [first, second] = await openTwice(demoPeople.jo.email, href!);
    const when = (page: Page) => page.getByRole("textbox", { name: /^When to contact them/ });
    await when(first).fill("Thursdays and Fridays");
    await Promise.all([first.waitForURL(/\/plan#team$/), first.getByRole("button", { name: "Save" }).click()]);
    await when(second).fill("Thursday afternoons");
    await expectConflict(second, "Jo Okafor", "Thursdays and Fridays");
    expect(await when(second).inputValue()).toBe("Thursday afternoons");
    await expectNoAxeViolations(second, "care team member edit after a conflict");
    await Promise.all([second.waitForURL(/\/plan#team$/), second.getByRole("button", { name: "Save" }).click()]);
    await second.goto(href!);
    expect(await when(second).inputValue()).toBe("Thursday afternoons");
    await second.context().close();
    await first.context().close();
  });
});

describe("wishes, a request's status and sharing, saved in two places (issue 15)", () => {
  it("the person's wishes: the second save is told, keeps its words, and saves on top", async () => {
    const [first, second] = await openTwice(demoPeople.sam.email, `/people/${samId}/decisions/wishes`);
    const words = (page: Page) => page.getByRole("textbox", { name: /^What matters to me/ });
    await words(first).fill("My faith matters to me. I pray every morning.");
    await Promise.all([first.waitForURL(/\/decisions#wishes$/), first.getByRole("button", { name: "Save" }).click()]);
    await words(second).fill("Keep my cat at home with me.");
    await expectConflict(second, "Sam Taylor", "My faith matters to me. I pray every morning.");
    expect(await words(second).inputValue()).toBe("Keep my cat at home with me.");
    await expectNoAxeViolations(second, "wishes after a conflict");
    await Promise.all([second.waitForURL(/\/decisions#wishes$/), second.getByRole("button", { name: "Save" }).click()]);
    await second.goto(`/people/${samId}/decisions/wishes`);
    expect(await words(second).inputValue()).toBe("Keep my cat at home with me.");
    await second.context().close();
    await first.context().close();
  });

  it("a request's status: the second update is told what the first did, keeps its note, and saves on top; a cancelled request says so", async () => {
    const ask = async () => {
      const sam = await (await newContext(browser, { javaScript: false })).newPage();
      await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/requests/format` });
      await keyPress(sam, sam.getByRole("radio", { name: "Crisis plan" }), "Space");
      await keyPress(sam, sam.getByRole("radio", { name: "Translated into another language" }), "Space");
      await sam.getByRole("combobox", { name: "Which language should it be translated into?" }).selectOption("ti");
      await keyPress(sam, sam.getByRole("radio", { name: "By post" }), "Space");
      await keyGo(sam, sam.getByRole("button", { name: "Send the request" }));
      expect(await sam.locator("main").textContent()).toContain("Your request has been sent");
      return sam;
    };
    const sam = await ask();
    const path = new URL(sam.url()).pathname;
    const [first, second] = await openTwice(demoPeople.jo.email, path);
    const note = (page: Page) => page.getByRole("textbox", { name: /^A note for the person/ });
    const save = (page: Page) => Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Save" }).click()]);

    await first.getByRole("radio", { name: "Sent to you" }).check();
    await note(first).fill("Posted today, first class.");
    await first.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => plain(await first.locator(".tag").first().textContent())).toBe("Sent to you");
    await second.getByRole("radio", { name: "Could not be arranged" }).check();
    await note(second).fill("We cannot find a Tigrinya translator this month.");
    await expectConflict(second, "Jo Okafor", "Sent to you");
    expect(plain(await second.locator("#conflict-heading").locator("..").textContent())).toContain("Posted today, first class.");
    expect(await note(second).inputValue()).toBe("We cannot find a Tigrinya translator this month.");
    expect(await second.getByRole("radio", { name: "Could not be arranged" }).isChecked()).toBe(true);
    await expectNoAxeViolations(second, "request status after a conflict");
    await save(second);
    expect(await second.title()).not.toMatch(/^Error: /);
    expect(plain(await second.locator(".tag").first().textContent())).toBe("Could not be arranged");
    await Promise.all([first.context().close(), second.context().close()]);

    // Cancelled while a member of staff had the page open: a plain message, never "booked", never a 500.
    await sam.goto(path);
    const [withScript, staff] = await openTwice(demoPeople.jo.email, path);
    await withScript.context().close();
    await keyGo(sam, sam.getByRole("button", { name: "Cancel this request" }));
    await staff.getByRole("radio", { name: "Sent to you" }).check();
    await note(staff).fill("Posted today.");
    const [response] = await Promise.all([staff.waitForResponse((r) => r.request().method() === "POST"), save(staff)]);
    expect(response.status()).toBe(400);
    expect(plain(await staff.locator(".error-summary").textContent())).toContain("This request was cancelled, so it cannot be changed now.");
    expect(plain(await staff.locator(".tag").first().textContent())).toBe("Cancelled");
    expect(await staff.getByRole("button", { name: "Save" }).count()).toBe(0);
    await expectNoAxeViolations(staff, "request status after it was cancelled");
    await Promise.all([staff.context().close(), sam.context().close()]);
  });

  it("what a carer can see: the second choice is told what the first saved, keeps its ticks, and saves on top", async () => {
    const sharing = await (await newContext(browser)).newPage();
    await signIn(sharing, demoPeople.sam.email, { open: `/people/${samId}/sharing` });
    const href = await sharing.locator(".supporter", { hasText: "Alex Taylor" }).locator('a[href*="/sharing/"]').first().getAttribute("href");
    await sharing.context().close();
    const [first, second] = await openTwice(demoPeople.sam.email, href!);
    const box = (page: Page, name: string) => page.getByRole("checkbox", { name });

    await box(first, "Your goals and how they are going").check();
    await Promise.all([first.waitForURL(/\/sharing#supporter-/), first.getByRole("button", { name: "Save" }).click()]);
    await box(second, "What recovery means to you, in your words").check();
    await expectConflict(second, "Sam Taylor", "Your goals and how they are going");
    expect(await box(second, "What recovery means to you, in your words").isChecked()).toBe(true);
    expect(await box(second, "Your goals and how they are going").isChecked()).toBe(false);
    expect(await box(second, "Your crisis plan").isChecked()).toBe(true);
    await expectNoAxeViolations(second, "sharing after a conflict");

    // Having seen the other choice, this one goes on top: back to what Alex could see at the start.
    await box(second, "What recovery means to you, in your words").uncheck();
    await Promise.all([second.waitForURL(/\/sharing#supporter-/), second.getByRole("button", { name: "Save" }).click()]);
    await second.goto(href!);
    expect(await box(second, "Your goals and how they are going").isChecked()).toBe(false);
    expect(await box(second, "Your crisis plan").isChecked()).toBe(true);
    await second.context().close();
    await first.context().close();
  });
});

describe("staff check an attorney's registration while the details change", () => {
  it("the check is refused with the new details, keeps the date typed, and is recorded on top when asked", async () => {
    const sam = await (await newContext(browser, { javaScript: false })).newPage();
    await signIn(sam, demoPeople.sam.email);
    const names = () => sam.getByRole("textbox", { name: "Names of the attorneys or deputy" });
    await sam.goto(`/people/${samId}/decisions/attorney`);
    await keyPress(sam, sam.getByRole("radio", { name: "Lasting Power of Attorney for health and welfare" }), "Space");
    await names().fill("Alex Taylor");
    await keyPress(sam, sam.getByRole("radio", { name: "Not sure" }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Save" }));

    const [withScript, jo] = await openTwice(demoPeople.jo.email, `/people/${samId}/decisions/attorney-registered`);
    await withScript.context().close();
    await sam.goto(`/people/${samId}/decisions/attorney`);
    await names().fill("Alex Taylor and Chris Lee");
    await keyGo(sam, sam.getByRole("button", { name: "Save" }));

    await jo.getByRole("textbox", { name: "Day" }).fill("10");
    await jo.getByRole("textbox", { name: "Month" }).fill("11");
    await jo.getByRole("textbox", { name: "Year" }).fill("2026");
    await Promise.all([jo.waitForLoadState("load"), jo.getByRole("button", { name: "Record the check" }).click()]);
    expect(await jo.title()).toMatch(/^Error: /);
    expect(await jo.locator(".error-summary").textContent()).toContain("Someone else saved a change to this while you were working on it");
    const notice = plain(await jo.locator("#conflict-heading").locator("..").textContent());
    expect(notice).toContain("Sam Taylor saved this on");
    expect(notice).toContain("This cannot be used yet.");
    // The details on the page are the new ones; the date typed is still there.
    expect(plain(await jo.locator("main .summary-list").last().textContent())).toContain("Alex Taylor and Chris Lee");
    expect(await jo.getByRole("textbox", { name: "Day" }).inputValue()).toBe("10");
    await expectNoAxeViolations(jo, "registration check after a conflict");

    await Promise.all([jo.waitForURL(/\/decisions#attorney$/), jo.getByRole("button", { name: "Record the check" }).click()]);
    await expect.poll(async () => plain(await jo.locator("#attorney").locator("xpath=..").textContent())).toContain("on 10 November 2026 by Jo Okafor.");
    await jo.context().close();

    // Leave Sam's decisions as they were.
    await sam.goto(`/people/${samId}/decisions`);
    await keyGo(sam, sam.getByRole("link", { name: "Remove this record" }));
    await keyGo(sam, sam.getByRole("button", { name: "Yes, remove it" }));
    await sam.context().close();
  });
});
