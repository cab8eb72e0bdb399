import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { formatDate } from "~/utils/locale-format";
import { baseURL, expectNoAxeViolations, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

async function submit(page: Page, name: string) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name }).click()]);
}

describe("Sam's goals, with JavaScript off", () => {
  it("adds a goal (fixing a mistake first) and records progress", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    await page.getByRole("link", { name: "Add a goal" }).click();
    await page.waitForURL(/\/goals\/new$/);

    // A date in the past, and no goal: both explained, and what was typed is kept.
    await page.getByRole("textbox", { name: "Why does it matter to you? (optional)" }).fill("I love singing");
    await page.getByRole("textbox", { name: "Day" }).fill("1");
    await page.getByRole("textbox", { name: "Month" }).fill("1");
    await page.getByRole("textbox", { name: "Year" }).fill("2020");
    await submit(page, "Save goal");
    expect(await page.title()).toMatch(/^Error: Add a goal/);
    expect(await page.locator(".error-summary a").allTextContents()).toEqual([
      "Enter what you want to do",
      "The date must be today or in the future",
    ]);
    expect(await page.getByRole("textbox", { name: "Why does it matter to you? (optional)" }).inputValue()).toBe("I love singing");
    expect(await page.getByRole("textbox", { name: "Year" }).inputValue()).toBe("2020");
    await expectNoAxeViolations(page, "goal form with errors");

    await page.getByRole("textbox", { name: "What do you want to do?" }).fill("Join a community choir");
    await page.getByRole("textbox", { name: "Year" }).fill("2099");
    await submit(page, "Save goal");
    expect(plain(await page.locator("h1").textContent())).toBe("Goal: Join a community choir");

    // A rating of 11 is explained; 7 is saved and shown in the table.
    await page.getByRole("textbox", { name: "How is it going, from 0 to 10?" }).fill("11");
    await page.getByRole("textbox", { name: "Anything you want to add? (optional)" }).fill("Went to the first practice");
    await submit(page, "Save");
    expect(await page.locator(".error-summary").textContent()).toContain("Enter a number from 0 to 10");
    expect(await page.getByRole("textbox", { name: "Anything you want to add? (optional)" }).inputValue()).toBe(
      "Went to the first practice",
    );
    await page.getByRole("textbox", { name: "How is it going, from 0 to 10?" }).fill("7");
    await submit(page, "Save");
    const table = page.getByRole("table", { name: "Every rating, newest first" });
    expect(await table.textContent()).toContain("7 out of 10");
    expect(await table.textContent()).toContain("Went to the first practice");

    // Sam changes the words: an empty goal is explained, then the new words are kept.
    await page.getByRole("link", { name: "Change the words of this goal" }).click();
    await page.waitForURL(/\/edit$/);
    expect(await page.getByRole("textbox", { name: "Year" }).inputValue()).toBe("2099");
    await page.getByRole("textbox", { name: "What do you want to do?" }).fill("");
    await submit(page, "Save changes");
    expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Enter what you want to do"]);
    await expectNoAxeViolations(page, "changing a goal, with an error");
    await page.getByRole("textbox", { name: "What do you want to do?" }).fill("Sing in a community choir");
    await submit(page, "Save changes");
    expect(plain(await page.locator("h1").textContent())).toBe("Goal: Sing in a community choir");
    await context.close();
  });

  it("the chart has a text alternative and the same data as a table", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    await page.getByRole("link", { name: "Walk to the park three times a week" }).click();
    const chart = page.getByRole("img", { name: "How it is going over time, 0 to 10" });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-labelledby")).toContain("desc");
    const rows = await page.getByRole("table", { name: "Every rating, newest first" }).locator("tbody tr").count();
    expect(rows).toBe(await page.locator(".chart__point").count());
    await context.close();
  });
});

describe("what recovery means to Sam", () => {
  it("Sam changes it with JavaScript off, and the plan shows his new words first", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/recovery` });
    const box = page.getByRole("textbox", { name: "In your own words, what does recovery mean to you?" });
    await box.fill("");
    await submit(page, "Save");
    expect(await page.locator(".error-summary").textContent()).toContain("Write what recovery means to you");
    await box.fill("Having good days more often than bad ones.");
    await submit(page, "Save");
    expect(new URL(page.url()).pathname).toBe(`/people/${samId}/plan`);
    const firstSection = page.locator("main section").first();
    expect(await firstSection.textContent()).toContain("Having good days more often than bad ones.");
    await context.close();
  });

  it("Jo can read it but has no way to change it, and a forged post is refused", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.jo.email, { open: `/people/${samId}/recovery` });
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("Only the person can write or change this");
    // A post with a valid CSRF token still cannot change it.
    // The sign-out form in the header carries this browser's CSRF token.
    const token = await page.locator('header input[name="csrf"]').first().inputValue();
    const response = await page.request.post(`${baseURL()}/people/${samId}/recovery`, {
      form: { csrf: token, body: "Words Jo wrote" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    await context.close();
  });
});

describe("who can open what in the plan", () => {
  it("Maya gets 404 on Sam's plan, crisis plan, goal and calendar file, with nothing of Sam's", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    const goalHref = await page.locator('main a[href*="/goals/"]:not([href$="/new"])').first().getAttribute("href");
    await context.close();

    const maya = await newContext(browser);
    const mayaPage = await maya.newPage();
    await signIn(mayaPage, demoPeople.maya.email);
    const paths = [
      `/people/${samId}/plan`,
      `/people/${samId}/plan/crisis`,
      goalHref!,
      `${goalHref!}/edit`,
      `/people/${samId}/plan/next-review.ics`,
      `/people/${samId}/plan/coordinator`,
      `/people/${samId}/team/new`,
      `/people/${samId}/plan/edit/support`,
    ];
    for (const path of paths) {
      const response = await mayaPage.request.get(`${baseURL()}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain("Sam Taylor");
    }
    await maya.close();
  });

  it("Alex sees only the crisis plan and care team Sam shares", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email, { open: `/people/${samId}/plan` });
    const headings = await page.locator("main h2").allTextContents();
    expect(headings).toEqual(expect.arrayContaining(["Keeping safe: the crisis plan", "The care team"]));
    expect(headings).not.toContain("Sam Taylor’s goals");
    expect(headings).not.toContain("What help is needed");
    const goal = await page.request.get(`${baseURL()}/people/${samId}/goals/new`);
    expect(goal.status()).toBe(404);
    await context.close();
  });

  it("Sam can download the next review as a calendar file", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email);
    const response = await page.request.get(`${baseURL()}/people/${samId}/plan/next-review.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const body = await response.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
    expect(body).toContain("SUMMARY;LANGUAGE=en-GB:Care plan review");
    // The date in words, then the words, in the language the person reads the portal in.
    const day = /DTSTART;VALUE=DATE:(\d{4})(\d{2})(\d{2})/.exec(body)!;
    const iso = `${day[1]}-${day[2]}-${day[3]}`;
    // (Commas are escaped in calendar text.)
    const inCalendar = (text: string) => text.replace(/,/g, "\\,");
    expect(body).toContain(`DESCRIPTION;LANGUAGE=en-GB:${inCalendar(formatDate(iso, "en-GB"))}\\n`);
    await context.addCookies([{ name: "lng", value: "bn", url: baseURL() }]);
    const bengali = await (await page.request.get(`${baseURL()}/people/${samId}/plan/next-review.ics`)).text();
    const unfolded = bengali.replace(/\r\n /g, "");
    expect(unfolded).toContain(`DESCRIPTION;LANGUAGE=bn:${inCalendar(formatDate(iso, "bn"))}\\n`);
    // Long lines are folded at 75 octets without splitting a letter.
    for (const line of bengali.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(bengali).not.toContain("\uFFFD");
    await context.close();
  });
});

describe("Jo changes the crisis plan, and Sam sees what changed", () => {
  it("works with JavaScript off from Jo's caseload to Sam's plan", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff" });
    await expectNoAxeViolations(jo, "caseload");
    await jo.getByRole("link", { name: "Sam Taylor" }).click();
    await jo.getByRole("link", { name: "Change the crisis plan" }).click();
    await jo.waitForURL(/\/plan\/edit\/crisis$/);
    await expectNoAxeViolations(jo, "edit crisis plan");
    const helps = jo.getByRole("textbox", { name: "What helps (optional)" });
    await helps.fill("x".repeat(5001));
    await submit(jo, "Save changes");
    expect(await jo.locator(".error-summary").textContent()).toContain("This must be 5,000 characters or fewer");
    expect((await helps.inputValue()).length).toBe(5001);
    await helps.fill("A call from Alex. A walk by the river. Music.");
    await submit(jo, "Save changes");
    expect(new URL(jo.url()).pathname).toBe(`/people/${samId}/plan`);
    await staff.close();

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/plan" });
    const notice = sam.getByRole("region", { name: "Changed since you last looked" });
    expect(await notice.textContent()).toContain("Keeping safe: the crisis plan");
    await sam.goto(`/people/${samId}/plan/crisis`);
    expect(await sam.locator("main").textContent()).toContain("A walk by the river.");
    // Opening the plan changes nothing (no state change on GET): the notice goes when Sam says he has seen it.
    await sam.goto("/plan");
    const again = sam.getByRole("region", { name: "Changed since you last looked" });
    expect(await again.count()).toBe(1);
    await submit(sam, "I have seen these changes");
    expect(await sam.getByRole("region", { name: "Changed since you last looked" }).count()).toBe(0);
    // Sam has no way to edit the staff-written plan.
    const edit = await sam.request.get(`${baseURL()}/people/${samId}/plan/edit/crisis`);
    expect(edit.status()).toBe(404);
    await own.close();
  });
});

describe("versions and reviews, with JavaScript off", () => {
  it("Sam says what he thinks of a version of his plan", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: "/plan" });
    await page.getByRole("link", { name: /See earlier versions/ }).click();
    await page.getByRole("link", { name: "Version 1 of the plan" }).click();
    await submit(page, "Send");
    expect(await page.locator(".error-summary").textContent()).toContain("Choose whether you agree");
    await page.getByText("I agree with some of it").click();
    await page.getByRole("textbox", { name: "Anything you want to say about it? (optional)" }).fill("Please add music.");
    await submit(page, "Send");
    // Sam's own page speaks to him (issue 12, item 9): not "What the person thinks".
    const comments = page.getByRole("region", { name: "What you think" });
    expect(await comments.textContent()).toContain("You agree with some of this version");
    expect(await comments.textContent()).toContain("Please add music.");
    await context.close();
  });

  it("Jo records a review, fixing a next review date in the past", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    await page.getByRole("link", { name: "Record a review" }).click();
    const fieldset = (name: string) => page.getByRole("group", { name });
    const today = new Date();
    await fieldset("When was the review?").getByRole("textbox", { name: "Day" }).fill(String(today.getUTCDate()));
    await fieldset("When was the review?").getByRole("textbox", { name: "Month" }).fill(String(today.getUTCMonth() + 1));
    await fieldset("When was the review?").getByRole("textbox", { name: "Year" }).fill(String(today.getUTCFullYear()));
    await page.getByRole("textbox", { name: "Who came?" }).fill("Sam, Alex and Jo");
    await page.getByRole("textbox", { name: "What was agreed?" }).fill("Sam will try the choir.");
    await fieldset("When is the next review?").getByRole("textbox", { name: "Day" }).fill("1");
    await fieldset("When is the next review?").getByRole("textbox", { name: "Month" }).fill("1");
    await fieldset("When is the next review?").getByRole("textbox", { name: "Year" }).fill("2020");
    await submit(page, "Save review");
    expect(await page.locator(".error-summary").textContent()).toContain("The next review must be today or in the future");
    expect(await page.getByRole("textbox", { name: "What was agreed?" }).inputValue()).toBe("Sam will try the choir.");
    await fieldset("When is the next review?").getByRole("textbox", { name: "Year" }).fill("2099");
    await submit(page, "Save review");
    const reviews = page.locator("section", { has: page.locator("#reviews") });
    expect(await reviews.textContent()).toContain("Sam will try the choir.");
    expect(await reviews.textContent()).toContain("2099");
    await context.close();
  });
});

describe("a suggested goal, with JavaScript off", () => {
  it("Jo suggests a goal; Sam changes the words and takes it up", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    await jo.getByRole("link", { name: "Suggest a goal" }).click();
    await submit(jo, "Send suggestion");
    expect(await jo.locator(".error-summary").textContent()).toContain("Enter the goal you would suggest");
    await jo.getByRole("textbox", { name: "What goal would you suggest?" }).fill("Visit the library reading group");
    await submit(jo, "Send suggestion");
    await staff.close();

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/plan" });
    await sam.getByRole("link", { name: "Visit the library reading group" }).click();
    await expectNoAxeViolations(sam, "answer a suggested goal");
    await sam.getByRole("textbox", { name: "The goal, in your words" }).fill("Go to the reading group once");
    await sam.getByText("Yes, I will work on it").click();
    await submit(sam, "Save my answer");
    expect(plain(await sam.locator("h1").textContent())).toBe("Goal: Go to the reading group once");
    expect(await sam.locator(".caption").textContent()).toBe("Working on it");
    await own.close();
  });
});

describe("moving between levels of care, with JavaScript off", () => {
  it("Jo moves Sam to Lead Professional Care and Sam reads why", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    await Promise.all([jo.waitForURL(/\/plan\/level$/), jo.getByRole("link", { name: "Change the level of care" }).click()]);
    await jo.getByText("Lead Professional Care").click();
    await submit(jo, "Save change");
    const errors = await jo.locator(".error-summary a").allTextContents();
    expect(errors).toEqual(["Enter why the level of care is changing", "Enter the date the change starts"]);
    await jo.getByRole("textbox", { name: "Why is it changing?" }).fill("Sam needs less support now.");
    await jo.getByRole("textbox", { name: "Day" }).fill("1");
    await jo.getByRole("textbox", { name: "Month" }).fill("12");
    await jo.getByRole("textbox", { name: "Year" }).fill("2026");
    await submit(jo, "Save change");
    await staff.close();

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/plan" });
    const changes = sam.locator("section", { has: sam.locator("#changes") });
    expect(await changes.textContent()).toContain("moved from Care Programme Approach (CPA) to Lead Professional Care");
    expect(await changes.textContent()).toContain("Sam needs less support now.");
    expect(await sam.locator("main").textContent()).toContain("This plan is led by one named professional");
    await own.close();
  });
});

describe("how the team will help, with JavaScript off", () => {
  it("Jo adds a line, fixing a half-filled one first; Sam sees it in his plan", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    await jo.getByRole("link", { name: "Change how the team will help" }).click();
    await jo.waitForURL(/\/plan\/edit\/support$/);
    const lines = await jo.locator("fieldset.support-line").count();
    const spare = jo.locator("fieldset.support-line").nth(lines - 2);
    await spare.getByRole("textbox", { name: "Who" }).fill("Chris Lee (housing support)");
    await submit(jo, "Save changes");
    expect(await jo.title()).toMatch(/^Error: /);
    expect(await jo.locator(".error-summary a").allTextContents()).toEqual([`Line ${lines - 1}: enter what they do`]);
    expect(await spare.getByRole("textbox", { name: "Who" }).inputValue()).toBe("Chris Lee (housing support)");
    await expectNoAxeViolations(jo, "support form with an error");
    await spare.getByRole("textbox", { name: "What they do" }).fill("Help with the tenancy");
    await submit(jo, "Save changes");
    expect(new URL(jo.url()).pathname).toBe(`/people/${samId}/plan`);
    await staff.close();

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/plan" });
    const table = sam.locator("section", { has: sam.locator("#support") }).getByRole("table");
    expect(await table.textContent()).toContain("Help with the tenancy");
    expect(await sam.locator("section", { has: sam.locator("#support") }).getByRole("link").count()).toBe(0);
    await own.close();
  });
});

describe("the care team, with JavaScript off", () => {
  it("Jo adds a member (after an error), changes their number, then removes them after checking", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan` });
    await jo.getByRole("link", { name: "Add someone to the care team" }).click();
    await jo.waitForURL(/\/team\/new$/);
    await jo.getByRole("textbox", { name: "Name" }).fill("Chris Lee");
    await submit(jo, "Add to the care team");
    expect(await jo.locator(".error-summary a").allTextContents()).toEqual([
      "Enter their job or role",
      "Enter their team or organisation",
      "Choose who they work for",
      "Enter how to contact them",
    ]);
    expect(await jo.getByRole("textbox", { name: "Name" }).inputValue()).toBe("Chris Lee");
    await expectNoAxeViolations(jo, "care team form with errors");
    await jo.getByRole("textbox", { name: "Job or role" }).fill("Housing support worker");
    await jo.getByRole("textbox", { name: "Team or organisation" }).fill("Riverside Housing Association");
    await jo.getByText("A charity").click();
    await jo.getByRole("textbox", { name: "How to contact them" }).fill("01632 960555");
    await submit(jo, "Add to the care team");
    const team = jo.locator("section", { has: jo.locator("#team") });
    expect(await team.textContent()).toContain("Housing support worker, Riverside Housing Association (charity)");

    await team.getByRole("link", { name: /^Change the details for \u2068?Chris Lee\u2069?$/ }).click();
    await jo.getByRole("textbox", { name: "How to contact them" }).fill("07700 900123");
    await submit(jo, "Save changes");
    expect(await jo.locator("section", { has: jo.locator("#team") }).textContent()).toContain("07700 900123");

    await jo.locator("section", { has: jo.locator("#team") }).getByRole("link", { name: /^Change the details for \u2068?Chris Lee\u2069?$/ }).click();
    await jo.getByRole("link", { name: /^Remove \u2068?Chris Lee\u2069? from the care team$/ }).click();
    expect(plain(await jo.locator("h1").textContent())).toBe("Remove Chris Lee from the care team?");
    await submit(jo, "Yes, remove them");
    expect(await jo.locator("section", { has: jo.locator("#team") }).textContent()).not.toContain("Chris Lee");
    await staff.close();
  });
});

describe("changing the care coordinator", () => {
  it("Tom hands Maya to Jo with a reason; Maya reads it; Jo hands her back", async () => {
    const mayaId = await recordIdFor(browser, demoPeople.maya.email);
    const handOver = async (from: Page, to: string, reason: string) => {
      await from.goto(`/people/${mayaId}/plan`);
      await from.getByRole("link", { name: "Change the care coordinator" }).click();
      await expect.poll(() => from.locator("h1").textContent()).toContain("care coordinator");
      // What is typed before a search is kept; Enter in the search field searches (it does not save).
      await from.getByRole("textbox", { name: "Why is it changing?" }).fill(reason);
      const search = from.getByRole("textbox", { name: "Search for a member of staff" });
      await search.fill(to.split(" ")[1]!.toLowerCase());
      await search.press("Enter");
      await from.getByRole("radio", { name: to }).click();
      await expectNoAxeViolations(from, "coordinator search results");
      expect(await from.getByRole("textbox", { name: "Why is it changing?" }).inputValue()).toBe(reason);
      await from.getByRole("textbox", { name: "Job or role" }).fill("Care coordinator (nurse)");
      await from.getByRole("textbox", { name: "How to contact them" }).fill("01632 960888");
      await from.getByRole("textbox", { name: "Day" }).fill("1");
      await from.getByRole("textbox", { name: "Month" }).fill("12");
      await from.getByRole("textbox", { name: "Year" }).fill("2026");
      await submit(from, "Save change");
      await expect.poll(() => new URL(from.url()).pathname).toBe("/staff");
      await expect.poll(() => from.locator("main").textContent()).toContain("The change is saved.");
    };

    const tomContext = await newContext(browser);
    const tom = await tomContext.newPage();
    await signIn(tom, demoPeople.tom.email);
    // Nothing chosen or written: every question is explained.
    await tom.goto(`/people/${mayaId}/plan/coordinator`);
    await submit(tom, "Save change");
    await expect.poll(() => tom.locator(".error-summary a").allTextContents()).toEqual([
      "Search for who will take over, then choose them",
      "Enter their job or role",
      "Enter how to contact them",
      "Enter why it is changing",
      "Enter the date the change starts",
    ]);
    expect(await tom.title()).toMatch(/^Error: /);
    // A search that finds no one says so; Maya (a service user) is never offered.
    await tom.getByRole("textbox", { name: "Search for a member of staff" }).fill("maya");
    await submit(tom, "Search");
    await expect.poll(async () => plain(await tom.getByRole("status").filter({ hasText: "No staff found" }).textContent())).toContain("No staff found for “maya”.");
    expect(await tom.getByRole("radio").count()).toBe(0);
    await expectNoAxeViolations(tom, "coordinator search with no staff found");
    await handOver(tom, "Jo Okafor", "Tom is going on leave for six months.");
    expect(await tom.locator("main table").count()).toBe(0);
    expect((await tom.request.get(`${baseURL()}/people/${mayaId}/plan`)).status()).toBe(404);
    await tomContext.close();

    const mayaContext = await newContext(browser, { javaScript: false });
    const maya = await mayaContext.newPage();
    await signIn(maya, demoPeople.maya.email, { open: "/plan" });
    const changes = plain(await maya.locator("section", { has: maya.locator("#changes") }).textContent());
    expect(changes).toContain("your care coordinator changed from Tom Hughes to Jo Okafor.");
    expect(changes).toContain("Tom is going on leave for six months.");
    expect(plain(await maya.locator(".coordinator__name").textContent())).toBe("Jo Okafor");
    await mayaContext.close();

    // Jo hands Maya back without JavaScript: the search is a plain form post.
    const joContext = await newContext(browser, { javaScript: false });
    const jo = await joContext.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff" });
    expect(plain(await jo.locator("main table").textContent())).toContain("Maya Rahman");
    await jo.getByRole("link", { name: "Sam Taylor" }).waitFor();
    // Jo keeps Sam and now has Maya; she hands Maya back so later tests see the demo as seeded.
    await handOver(jo, "Tom Hughes", "Tom is back.");
    expect(plain(await jo.locator("main table").textContent())).not.toContain("Maya Rahman");
    await joContext.close();
  });
});
