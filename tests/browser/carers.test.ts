import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { baseURL, expectNoAxeViolations, keyGo, keyPress, keyType, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

/**
 * The carers journeys, each with JavaScript off and by keyboard alone: every control is reached
 * and used with keys (focus, Space, Enter, typing), never clicked.
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

async function signedIn(email: string, javaScript = false) {
  const context = await newContext(browser, { javaScript });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

describe("Sam changes what Alex sees", () => {
  it("stops sharing the crisis plan; Alex's next page is refused; Sam shares it again", async () => {
    const sam = await signedIn(demoPeople.sam.email);
    await sam.page.goto("/carers");
    await expect.poll(() => new URL(sam.page.url()).pathname).toBe(`/people/${samId}/sharing`);
    await expectNoAxeViolations(sam.page, "people who support you");
    await keyGo(sam.page, sam.page.getByRole("link", { name: /^Change what .?Alex Taylor.? can see$/ }));
    const crisis = sam.page.getByRole("checkbox", { name: /^Your crisis plan/ });
    expect(await crisis.isChecked()).toBe(true);
    await keyPress(sam.page, crisis, "Space");
    expect(await crisis.isChecked()).toBe(false);
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Save" }));
    await expect.poll(() => new URL(sam.page.url()).pathname).toBe(`/people/${samId}/sharing`);
    const alexCard = sam.page.locator(".supporter", { hasText: "Alex Taylor" });
    const shared = () => alexCard.locator("li > strong").allTextContents();
    expect(await shared()).toEqual(["Your care team’s names and contact details", "Your appointments and reviews"]);

    const alex = await signedIn(demoPeople.alex.email);
    const refused = await alex.page.request.get(`${baseURL()}/people/${samId}/plan/crisis`);
    expect(refused.status()).toBe(404);
    await alex.page.goto("/carer");
    const samSection = alex.page.locator("section", { has: alex.page.getByRole("heading", { name: "Sam Taylor" }) });
    expect(await samSection.textContent()).not.toContain("Their crisis plan");
    expect(await samSection.textContent()).toContain("Their care team’s contact details");

    // The change is listed with who made it; then Sam shares the crisis plan again.
    await keyPress(sam.page, alexCard.locator("summary"), "Enter");
    expect(plain(await alexCard.textContent())).toContain("changed by you");
    expect(plain(await alexCard.textContent())).toContain("Stopped sharing: Your crisis plan");
    await keyGo(sam.page, sam.page.getByRole("link", { name: /^Change what .?Alex Taylor.? can see$/ }));
    await keyPress(sam.page, sam.page.getByRole("checkbox", { name: /^Your crisis plan/ }), "Space");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Save" }));
    expect((await shared()).sort()).toEqual(["Your appointments and reviews", "Your care team’s names and contact details", "Your crisis plan"]);
    expect((await alex.page.request.get(`${baseURL()}/people/${samId}/plan/crisis`)).status()).toBe(200);
    await sam.context.close();
    await alex.context.close();
  });

  it("an end date in the past is explained, with the ticks kept", async () => {
    const sam = await signedIn(demoPeople.sam.email);
    await sam.page.goto(`/people/${samId}/sharing`);
    await keyGo(sam.page, sam.page.getByRole("link", { name: /^Change what .?Alex Taylor.? can see$/ }));
    await keyPress(sam.page, sam.page.getByRole("checkbox", { name: /^Your goals/ }), "Space");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Day" }), "1");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Month" }), "1");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Year" }), "2020");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Save" }));
    expect(await sam.page.title()).toMatch(/^Error: /);
    expect(await sam.page.locator(".error-summary a").allTextContents()).toEqual(["The end date must be today or in the future"]);
    expect(await sam.page.getByRole("checkbox", { name: /^Your goals/ }).isChecked()).toBe(true);
    expect(await sam.page.getByRole("textbox", { name: "Year" }).inputValue()).toBe("2020");
    await expectNoAxeViolations(sam.page, "sharing form with an error");
    await sam.context.close();
  });
});

describe("Sam invites a carer", () => {
  it("fixes a mistake, checks the answers, and the carer signs up with their own password", async () => {
    const sam = await signedIn(demoPeople.sam.email);
    await sam.page.goto(`/people/${samId}/sharing/invite`);
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Their name" }), "Chris Lee");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Their email address" }), demoPeople.sam.email);
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Continue" }));
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Make the invitation" }));
    expect(await sam.page.locator(".error-summary a").allTextContents()).toEqual([
      "You cannot invite yourself. Enter the email address of the person you want to invite",
    ]);
    expect(await sam.page.getByRole("textbox", { name: "Their name" }).inputValue()).toBe("Chris Lee");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Their email address" }), "chris.lee@example.org");
    await keyPress(sam.page, sam.page.getByRole("checkbox", { name: /^Your crisis plan/ }), "Space");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Continue" }));
    expect(await sam.page.locator("h1").textContent()).toBe("Check before you send the invitation");
    expect(await sam.page.locator("main").textContent()).toContain("chris.lee@example.org");
    await expectNoAxeViolations(sam.page, "check before inviting");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Make the invitation" }));
    const link = await sam.page.locator(".copyable code").textContent();
    expect(link).toMatch(/\/invitations\//);
    // How long the link works comes from the server (it was read from a .server module in the browser).
    expect(await sam.page.locator("main").textContent()).toMatch(/The link works for \d+ days, once\./);
    await sam.context.close();

    const chrisContext = await newContext(browser, { javaScript: false });
    const chris = await chrisContext.newPage();
    await chris.goto(new URL(link!).pathname);
    await keyType(chris, chris.locator('input[name="password"]'), "a long and private phrase");
    await keyGo(chris, chris.locator('main button[type="submit"]'));
    await chris.goto("/carer");
    const samSection = chris.locator("section", { has: chris.getByRole("heading", { name: "Sam Taylor" }) });
    expect(await samSection.textContent()).toContain("Their crisis plan");
    expect(await samSection.textContent()).not.toContain("Their goals");
    await chrisContext.close();
  });
});

describe("Alex's own needs, and a carer's assessment", () => {
  it("records needs in two sittings, then asks for an assessment after checking the answers", async () => {
    const first = await signedIn(demoPeople.alex.email);
    await first.page.goto("/carer");
    await keyGo(first.page, first.page.getByRole("link", { name: "Your needs as a carer" }));
    expect(await first.page.locator("main").textContent()).toContain("You have completed 0 of 10 parts.");
    await keyGo(first.page, first.page.getByRole("link", { name: "The caring you do" }));
    await keyType(first.page, first.page.getByRole("textbox", { name: "What do you do to help? (optional)" }), "Cooking, medicines, lifts.");
    await keyPress(first.page, first.page.getByRole("radio", { name: "20 to 34 hours a week" }), "Space");
    await keyGo(first.page, first.page.getByRole("button", { name: "Save and come back later" }));
    // Two of the three questions answered: the part is in progress, not completed (AX-13).
    expect(await first.page.locator("main").textContent()).toContain("You have completed 0 of 10 parts.");
    await first.context.close();

    // A second sitting, another day: the first part is still there.
    const second = await signedIn(demoPeople.alex.email);
    await second.page.goto("/carer/needs");
    const caring = second.page.locator(".task-list__item", { hasText: "The caring you do" });
    expect(await caring.locator(".task-list__status").textContent()).toBe("In progress");
    expect(await second.page.getByRole("link", { name: "The caring you do" }).getAttribute("aria-describedby")).toBe("status-caring");
    expect(await second.page.locator(".task-list__item", { hasText: "Breaks" }).locator(".task-list__status").textContent()).toBe("Not started");
    await keyGo(second.page, second.page.getByRole("link", { name: "Breaks" }));
    await keyType(second.page, second.page.getByRole("textbox", { name: /Do you get breaks/ }), "I never get a weekend off.");
    await keyGo(second.page, second.page.getByRole("button", { name: "Save and go to the next part" }));
    expect(await second.page.locator("h1").textContent()).toBe("If you could not care");
    await expectNoAxeViolations(second.page, "a needs part");
    await second.page.goto("/carer/needs");
    // Breaks has one question, now answered: completed; the caring part is still in progress.
    expect(await second.page.locator("main").textContent()).toContain("You have completed 1 of 10 parts.");
    expect(await second.page.locator(".task-list__item", { hasText: "Breaks" }).locator(".task-list__status").textContent()).toBe("Completed");
    expect(await caring.locator(".task-list__status").textContent()).toBe("In progress");

    await keyGo(second.page, second.page.getByRole("link", { name: "Ask for a carer’s assessment" }));
    await keyGo(second.page, second.page.getByRole("button", { name: "Continue" }));
    expect(await second.page.locator(".error-summary a").allTextContents()).toEqual([
      "Choose how we should contact you",
      "Choose yes if you would like an advocate",
    ]);
    await keyType(second.page, second.page.getByRole("textbox", { name: "When is a good time to contact you? (optional)" }), "Weekday mornings");
    await keyPress(second.page, second.page.getByRole("radio", { name: "Phone" }), "Space");
    await keyPress(second.page, second.page.getByRole("radio", { name: "Yes" }), "Space");
    await keyGo(second.page, second.page.getByRole("button", { name: "Continue" }));
    expect(await second.page.locator("h1").textContent()).toBe("Check your answers before you ask");
    // Changing an answer goes back with everything kept.
    await keyGo(second.page, second.page.getByRole("button", { name: "Change your answers" }));
    expect(await second.page.getByRole("textbox", { name: "When is a good time to contact you? (optional)" }).inputValue()).toBe("Weekday mornings");
    await keyPress(second.page, second.page.getByRole("radio", { name: "Email" }), "Space");
    await keyGo(second.page, second.page.getByRole("button", { name: "Continue" }));
    expect(await second.page.locator("main").textContent()).toContain("Email");
    await keyGo(second.page, second.page.getByRole("button", { name: "Ask for the assessment" }));
    expect(await second.page.locator("h1").textContent()).toBe("You have asked for a carer’s assessment");
    await expectNoAxeViolations(second.page, "assessment requested");
    await second.context.close();

    // Jo sees the request and Alex's needs, and moves it on; Alex reads the note.
    const jo = await signedIn(demoPeople.jo.email);
    await jo.page.goto(`/people/${samId}/carers`);
    await keyGo(jo.page, jo.page.getByRole("link", { name: /^See .?Alex Taylor.?’s request and needs$/ }));
    expect(await jo.page.locator("main").textContent()).toContain("I never get a weekend off.");
    await expectNoAxeViolations(jo.page, "assessment request for the team");
    await keyPress(jo.page, jo.page.getByRole("radio", { name: "In progress" }), "Space");
    await keyType(jo.page, jo.page.getByRole("textbox", { name: "A note for the carer (optional)" }), "Pat will call you on Monday.");
    await keyGo(jo.page, jo.page.getByRole("button", { name: "Save" }));
    await jo.context.close();

    const later = await signedIn(demoPeople.alex.email);
    await later.page.goto("/carer/needs");
    expect(await later.page.locator("#assessment-heading + p + ul").textContent()).toContain("In progress");
    expect(await later.page.locator("main").textContent()).toContain("Pat will call you on Monday.");
    await later.context.close();

    // Sam can never open Alex's needs, nor the request.
    const sam = await signedIn(demoPeople.sam.email);
    for (const path of ["/carer/needs", "/carer/needs/breaks", `/people/${samId}/carers`]) {
      expect((await sam.page.request.get(`${baseURL()}${path}`)).status(), path).toBe(404);
    }
    await sam.context.close();
  });
});

describe("Alex's open assessment request (issue 12, item 4)", () => {
  it("with a request still open, Alex sees it and its status instead of the form, and a second is refused", async () => {
    const alex = await signedIn(demoPeople.alex.email);
    const requests = () => alex.page.locator("#assessment-heading + p + ul > li");
    const openRequests = async () => (await requests().allTextContents()).filter((text) => /Received|In progress/.test(text));
    await alex.page.goto("/carer/needs");
    if (!(await openRequests()).length) {
      // Run on its own: Alex asks first, and is told it was sent.
      await alex.page.goto("/carer/assessment");
      await keyPress(alex.page, alex.page.getByRole("radio", { name: "Phone" }), "Space");
      await keyPress(alex.page, alex.page.getByRole("radio", { name: "No" }), "Space");
      await keyGo(alex.page, alex.page.getByRole("button", { name: "Continue" }));
      await keyGo(alex.page, alex.page.getByRole("button", { name: "Ask for the assessment" }));
      expect(await alex.page.locator(".success-banner").textContent()).toContain("It has been sent to the care team.");
      await alex.page.goto("/carer/needs");
    }
    const before = await requests().count();
    const open = await openRequests();
    expect(open).toHaveLength(1);

    await alex.page.goto("/carer/assessment");
    expect(await alex.page.locator("h1").textContent()).toBe("You have asked for a carer’s assessment");
    const status = open[0]!.includes("In progress") ? "In progress" : "Received";
    expect(await alex.page.locator("main .tag").allTextContents()).toEqual([status]);
    expect(await alex.page.locator("main form").count()).toBe(0);
    expect(await alex.page.locator("main").textContent()).toContain("You can ask for another carer’s assessment when this one is completed.");
    expect(await alex.page.title()).toMatch(/^You have asked for a carer’s assessment – /);
    await expectNoAxeViolations(alex.page, "an open assessment request");

    // A second request sent anyway (an old page, another tab) is refused and lands on the open one.
    const csrf = await alex.page.locator('header input[name="csrf"]').first().inputValue();
    const second = await alex.page.request.post(`${baseURL()}/carer/assessment`, {
      form: { csrf, formToken: "another-page-token-1234567890", intent: "send", serviceUserId: samId, contactBy: "email", bestTime: "", wantsAdvocate: "no" },
      maxRedirects: 0,
    });
    expect(second.status()).toBe(302);
    expect(second.headers()["location"]).toBe("/carer/assessment");
    await alex.page.goto("/carer/needs");
    expect(await requests().count()).toBe(before);
    await alex.context.close();
  });
});

describe("Alex tells the team something", () => {
  it("a 50,000-character message is explained and kept; a short one is sent and Jo reads it", async () => {
    const alex = await signedIn(demoPeople.alex.email);
    await alex.page.goto("/carer");
    await keyGo(alex.page, alex.page.getByRole("link", { name: /^Tell the team something about .?Sam Taylor/ }));
    expect(plain(await alex.page.locator("main").textContent())).toContain("It will not be shown to Sam Taylor automatically.");
    const box = alex.page.getByRole("textbox", { name: "What do you want to tell the team?" });
    await keyType(alex.page, box, "x".repeat(50_000));
    await keyGo(alex.page, alex.page.getByRole("button", { name: "Send to the team" }));
    expect(await alex.page.locator(".error-summary a").allTextContents()).toEqual(["This must be 5,000 characters or fewer"]);
    expect((await box.inputValue()).length).toBe(50_000);
    await keyType(alex.page, box, "Sam has not been sleeping and stopped cooking.");
    await keyGo(alex.page, alex.page.getByRole("button", { name: "Send to the team" }));
    expect(await alex.page.locator("h1").textContent()).toBe("Your message has been sent");
    await alex.context.close();

    const jo = await signedIn(demoPeople.jo.email);
    await jo.page.goto(`/people/${samId}/plan`);
    await keyGo(jo.page, jo.page.getByRole("link", { name: "Carers and their messages" }));
    const message = jo.page.locator(".message", { hasText: "Sam has not been sleeping" });
    expect(await message.textContent()).toContain("New");
    await keyGo(jo.page, message.getByRole("button", { name: "Mark as read" }));
    expect(await jo.page.locator(".message", { hasText: "Sam has not been sleeping" }).textContent()).toContain("Read on");
    await jo.context.close();
  });
});

describe("family and dependants", () => {
  it("Sam adds a child, who then shows in the crisis plan", async () => {
    const sam = await signedIn(demoPeople.sam.email);
    await sam.page.goto(`/people/${samId}/family`);
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Their age (optional)" }), "seven");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Add", exact: true }));
    expect(await sam.page.locator(".error-summary a").allTextContents()).toEqual([
      "Enter their first name or initials",
      "Enter their age as a number, like 7",
      "Choose yes if they live with you",
    ]);
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Their first name or initials" }), "J");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: "Their age (optional)" }), "7");
    const addForm = sam.page.locator("form", { has: sam.page.locator('input[name="name"]') });
    await keyPress(sam.page, addForm.getByRole("radio", { name: "No" }), "Space");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: /Who looks after them/ }), "Her mum, Dee, 07700 900456");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Add", exact: true }));
    expect(await sam.page.locator("main").textContent()).toContain("7 years old");
    await sam.page.goto(`/people/${samId}/plan/crisis`);
    expect(await sam.page.locator("main").textContent()).toContain("Her mum, Dee, 07700 900456");
    await sam.context.close();
  });
});

describe("who is a carer", () => {
  it("Priya is an advocate, not a carer: no carer page, and Sam's list calls her an advocate", async () => {
    const priya = await signedIn(demoPeople.priya.email);
    for (const path of ["/carer", "/carer/needs", "/carer/assessment", `/people/${samId}/tell-the-team`]) {
      expect((await priya.page.request.get(`${baseURL()}${path}`)).status(), path).toBe(404);
    }
    await priya.context.close();
    const sam = await signedIn(demoPeople.sam.email);
    await sam.page.goto(`/people/${samId}/sharing`);
    expect(plain(await sam.page.locator(".supporter", { hasText: "Priya Shah" }).locator("h2").textContent())).toBe("Priya Shah – advocate");
    await sam.context.close();
  });
});
