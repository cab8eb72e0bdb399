import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

/**
 * Issue 12: each page speaks to whoever reads it (item 9), one advance statement section (item 5),
 * and "entered by … on behalf of …" wherever an entry is shown (item 14). JavaScript off throughout.
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

async function as(email: string): Promise<Page> {
  const context = await newContext(browser, { javaScript: false });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

async function go(page: Page, target: ReturnType<Page["getByRole"]>) {
  await Promise.all([page.waitForLoadState("load"), target.click()]);
}

const main = async (page: Page) => plain(await page.locator("main").textContent());
const attribution = "Entered by Priya Shah (advocate) on behalf of Sam Taylor.";

describe("Priya, Sam's advocate, reads words about Sam, not words written to him", () => {
  it("on the plan, the recovery page, a goal and the advocate request", async () => {
    const priya = await as(demoPeople.priya.email);
    await priya.goto(`/people/${samId}/plan`);
    const plan = await main(priya);
    expect(await priya.getByRole("heading", { name: "Care coordinator", exact: true }).count()).toBe(1);
    expect(plan).not.toContain("Your care coordinator");
    expect(plan).toContain("Add Sam Taylor’s next review to your calendar");
    expect(plan).not.toContain("Add the next review to your calendar");
    expect(plan).toContain("Change what recovery means to Sam Taylor");
    expect(plan).not.toContain("Change what recovery means to me");

    await priya.goto(`/people/${samId}/recovery`);
    expect(await priya.getByRole("textbox", { name: /^In .?Sam Taylor.?’s own words, what does recovery mean to them\?/ }).count()).toBe(1);
    expect(await main(priya)).not.toContain("In your own words");

    await priya.goto(`/people/${samId}/requests/advocate`);
    const advocate = await main(priya);
    expect(advocate).toContain("Is Sam Taylor under a section of the Mental Health Act? (optional)");
    expect(advocate).not.toContain("Are you under a section");
    expect(advocate).toContain("When is it safe to contact them? (optional)");
    // Limits are in the hint before anything is typed.
    expect(advocate).toContain("You can write up to 2,000 characters.");

    // A goal Priya enters for Sam says so in the goal list on the plan (item 14).
    await priya.goto(`/people/${samId}/goals/new`);
    expect(await main(priya)).toContain("Use Sam Taylor’s own words.");
    await priya.getByRole("textbox", { name: /^What does .?Sam Taylor.? want to do\?/ }).fill("Go to the tribunal with Priya");
    await go(priya, priya.getByRole("button", { name: "Save goal" }));
    await priya.goto(`/people/${samId}/plan`);
    const item = priya.locator(".goal-list li", { hasText: "Go to the tribunal with Priya" });
    expect(plain(await item.locator(".entered-by").textContent())).toBe(attribution);
    expect(await priya.locator(".goal-list li", { hasText: "Walk to the park" }).locator(".entered-by").count()).toBe(0);
    await expectNoAxeViolations(priya, "Sam's plan as Priya");

    // A request with no appointment: the staff queue never reads "When: Sent", and says who asked.
    await priya.goto(`/people/${samId}/requests/format`);
    await priya.getByRole("radio", { name: "Care and support plan" }).check();
    await priya.getByRole("radio", { name: "Large print" }).check();
    await priya.getByRole("radio", { name: "By post" }).check();
    await go(priya, priya.getByRole("button", { name: "Send the request" }));
    await priya.context().close();

    const jo = await as(demoPeople.jo.email);
    await jo.goto("/staff/requests");
    // Other test files may have sent requests for Sam too: the row of a request Priya sent for him.
    const row = jo.locator("main li").filter({ hasText: "Sam Taylor" }).filter({ hasText: "Priya Shah" }).first();
    const rowText = plain(await row.textContent());
    expect(rowText).not.toContain("When:");
    expect(rowText).toContain(attribution);
    // Jo reads the goal's attribution in the plan's goal list too.
    await jo.goto(`/people/${samId}/plan`);
    expect(plain(await jo.locator(".goal-list li", { hasText: "Go to the tribunal with Priya" }).locator(".entered-by").textContent())).toBe(attribution);
    await jo.context().close();

    // Sam's copy of the request has no appointment to cancel before.
    const sam = await as(demoPeople.sam.email);
    await sam.goto(`/people/${samId}/requests`);
    await go(sam, sam.locator("main .supporter a").first());
    const request = await main(sam);
    expect(request).not.toContain("before the appointment");
    expect(request).toContain("You can cancel this request while it is still open.");
    await sam.context().close();
  });
});

describe("Jo, Sam's care coordinator, reads words about Sam", () => {
  it("on the plan and the caseload", async () => {
    const jo = await as(demoPeople.jo.email);
    await jo.goto("/staff");
    // What Priya sees is a list, not "The whole care plan, Goals and progress and …".
    const priyaRow = jo.locator("main td li", { hasText: "Priya Shah" });
    expect(await priyaRow.locator("li").allTextContents()).toContain("The whole care plan");
    expect(plain(await priyaRow.textContent())).not.toMatch(/ and [A-Z]/);
    await jo.goto(`/people/${samId}/plan`);
    const plan = await main(jo);
    expect(plan).not.toContain("Your care coordinator");
    expect(plan).not.toContain("Add the next review to your calendar");
    // The crisis plan's headings are about Sam, not in his voice.
    await jo.goto(`/people/${samId}/plan/crisis`);
    expect(await jo.getByRole("heading", { name: "Who they listen to most" }).count()).toBe(1);
    expect(await main(jo)).not.toContain("Who I listen to most");
    await jo.context().close();
  });
});

describe("Sam reads his own pages spoken to him", () => {
  it("on a version of his plan, before and after he says what he thinks", async () => {
    const sam = await as(demoPeople.sam.email);
    await sam.goto(`/people/${samId}/plan/versions/2`);
    expect(await sam.getByRole("heading", { name: "What you think" }).count()).toBe(1);
    expect(await main(sam)).not.toContain("What the person thinks");
    await sam.getByRole("radio", { name: "I agree with some of it" }).check();
    expect(await main(sam)).toContain("You can write up to 2,000 characters.");
    await go(sam, sam.getByRole("button", { name: "Send" }));
    const after = await main(sam);
    expect(after).toContain("You agree with some of this version");
    expect(after).not.toContain("Agrees with some of this version");
    await expectNoAxeViolations(sam, "a version of the plan after a comment");
    await sam.context().close();
  });

  it("on his plan: one advance statement section, and it does not contradict itself (item 5)", async () => {
    const sam = await as(demoPeople.sam.email);
    await sam.goto(`/people/${samId}/plan`);
    expect(await sam.getByRole("heading", { name: "Advance statement and advance decision" }).count()).toBe(1);
    expect(await sam.getByRole("heading", { name: "Wishes and advance statement" }).count()).toBe(0);
    const section = plain(await sam.getByRole("region", { name: "Advance statement and advance decision" }).textContent());
    expect(section).toContain("If I am unwell, please talk to Alex.");
    expect(section).toContain("Your care team wrote this in your plan.");
    expect(section).not.toMatch(/No advance statement|not written an advance statement/);
    expect(section).toContain("The team has recorded that there is no advance decision to refuse treatment.");
    expect(section).not.toContain("The team has not recorded whether there is one.");
    // The same one section on the crisis plan.
    await sam.goto(`/people/${samId}/plan/crisis`);
    expect(await sam.getByRole("heading", { name: "Advance statement and advance decision" }).count()).toBe(1);
    expect(plain(await sam.locator("main").textContent())).not.toContain("No advance statement");
    await sam.context().close();
  });

  it("on what Alex can see: no “(optional)” on a question where ticking nothing means share nothing", async () => {
    const sam = await as(demoPeople.sam.email);
    await sam.goto(`/people/${samId}/sharing`);
    await go(sam, sam.getByRole("link", { name: /^Change what .?Alex Taylor.? can see$/ }));
    // The whole accessible name: the question, with nothing after it.
    expect(await sam.getByRole("group", { name: /^What can .?Alex Taylor.? see\?$/ }).count()).toBe(1);
    await sam.context().close();
  });
});
