import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
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
    await signIn(page, demoPeople.sam.email);
    await page.goto(`/people/${samId}/plan`);
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
    await context.close();
  });

  it("the chart has a text alternative and the same data as a table", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email);
    await page.goto(`/people/${samId}/plan`);
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
    await signIn(page, demoPeople.sam.email);
    await page.goto(`/people/${samId}/recovery`);
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
    await signIn(page, demoPeople.jo.email);
    await page.goto(`/people/${samId}/recovery`);
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.locator("main").textContent()).toContain("Only the person can write or change this");
    // A post with a valid CSRF token still cannot change it.
    // The sign-out form in the header carries this browser's CSRF token.
    const token = await page.locator('header input[name="csrf"]').inputValue();
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
    await signIn(page, demoPeople.sam.email);
    await page.goto(`/people/${samId}/plan`);
    const goalHref = await page.locator('main a[href*="/goals/"]:not([href$="/new"])').first().getAttribute("href");
    await context.close();

    const maya = await newContext(browser);
    const mayaPage = await maya.newPage();
    await signIn(mayaPage, demoPeople.maya.email);
    for (const path of [`/people/${samId}/plan`, `/people/${samId}/plan/crisis`, goalHref!, `/people/${samId}/plan/next-review.ics`]) {
      const response = await mayaPage.request.get(`${baseURL()}${path}`);
      expect(response.status(), path).toBe(404);
      expect(await response.text(), path).not.toContain("Sam Taylor");
    }
    await maya.close();
  });

  it("Alex sees only the crisis plan and care team Sam shares", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email);
    await page.goto(`/people/${samId}/plan`);
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
    expect(body).toContain("SUMMARY:Care plan review");
    await context.close();
  });
});

describe("Jo changes the crisis plan, and Sam sees what changed", () => {
  it("works with JavaScript off from Jo's caseload to Sam's plan", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email);
    await jo.goto("/staff");
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
    await signIn(sam, demoPeople.sam.email);
    await sam.goto("/plan");
    const notice = sam.getByRole("region", { name: "Changed since you last looked" });
    expect(await notice.textContent()).toContain("Keeping safe: the crisis plan");
    await sam.goto(`/people/${samId}/plan/crisis`);
    expect(await sam.locator("main").textContent()).toContain("A walk by the river.");
    // Once seen, the notice goes.
    await sam.goto("/plan");
    expect(await sam.getByRole("region", { name: "Changed since you last looked" }).count()).toBe(0);
    // Sam has no way to edit the staff-written plan.
    const edit = await sam.request.get(`${baseURL()}/people/${samId}/plan/edit/crisis`);
    expect(edit.status()).toBe(404);
    await own.close();
  });
});
