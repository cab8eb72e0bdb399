import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, launch, newContext, plain, recordIdFor, signIn, waitForHydration } from "../support/browser";

let browser: Browser;
let samId = "";
// One appointment made here, found again by what it is for.
const purpose = `Talk about the new job and sleep (${Date.now()})`;

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

describe("appointments (issue 19 item 2)", () => {
  it("Jo records one for Sam, with JavaScript off: a date in the past is refused, what was typed kept", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.jo.email, { open: `/people/${samId}/appointments` });
    await page.getByRole("link", { name: "Record an appointment or review" }).click();
    await page.waitForURL(/\/appointments\/new$/);
    await page.getByRole("radio", { name: "Appointment" }).check();
    await page.getByRole("textbox", { name: "Day" }).fill("3");
    await page.getByRole("textbox", { name: "Month" }).fill("2");
    await page.getByRole("textbox", { name: "Year" }).fill("2020");
    await page.getByRole("textbox", { name: "Time" }).fill("14:30");
    await page.getByRole("radio", { name: "In person" }).check();
    await page.getByRole("textbox", { name: "With" }).fill("Jo Okafor, care coordinator");
    await page.getByRole("textbox", { name: "What it is for" }).fill(purpose);
    await submit(page, "Save appointment");
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").allTextContents()).toEqual([
      "The appointment must be today or in the future",
      "Enter where the appointment is",
    ]);
    expect(await page.getByRole("textbox", { name: "What it is for" }).inputValue()).toBe(purpose);
    expect(await page.getByRole("textbox", { name: "Year" }).inputValue()).toBe("2020");
    await expectNoAxeViolations(page, "recording an appointment, with errors");

    await page.getByRole("textbox", { name: "Year" }).fill("2099");
    await page.getByRole("textbox", { name: /^Where/ }).fill("Mill Lane clinic, room 4");
    await submit(page, "Save appointment");
    await page.waitForURL(/\/appointments$/);
    const card = page.locator(".supporter", { hasText: purpose });
    expect(await card.textContent()).toContain("3 February 2099 at 14:30");
    expect(await card.textContent()).toContain("Mill Lane clinic, room 4");
    await context.close();
  });

  it("Sam sees it, adds it to his calendar, and asks for an interpreter with the form filled in (JavaScript on)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}` });
    await waitForHydration(page);
    await page.getByRole("link", { name: "Your appointments" }).click();
    await page.waitForURL(/\/appointments$/);
    await waitForHydration(page);
    // Upcoming first: the heading for what is coming up comes before the past ones.
    expect(await page.locator("main h2").allTextContents()).toEqual(["Coming up", "Past appointments"]);
    const card = page.locator(".supporter", { hasText: purpose });
    await expectNoAxeViolations(page, "Sam's appointments");

    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "Add to your calendar" }).click()]);
    expect(download.suggestedFilename()).toBe("appointment.ics");
    const ics = await readFile((await download.path())!, "utf8");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("DTSTART:20990203T143000Z");
    expect(ics).toContain("LOCATION;LANGUAGE=en-GB:Mill Lane clinic\\, room 4");
    expect(ics.replace(/\r\n /g, "")).toContain("3 February 2099 at 14:30");
    // Each line's label and its colon (common:colon): in English as it always was.
    expect(ics.replace(/\r\n /g, "")).toContain("\\nHow: In person\\n");

    await card.getByRole("link", { name: "Ask for an interpreter for this appointment" }).click();
    await page.waitForURL(/\/requests\/interpreter\?appointment=[0-9a-f-]+$/);
    await waitForHydration(page);
    expect(await page.getByRole("textbox", { name: "Year" }).inputValue()).toBe("2099");
    expect(await page.getByRole("textbox", { name: "Month" }).inputValue()).toBe("2");
    expect(await page.getByRole("textbox", { name: "Day" }).inputValue()).toBe("3");
    expect(await page.locator('input[name="appointmentTime"]').inputValue()).toBe("14:30");
    expect(await page.locator('input[name="appointment"]').inputValue()).toContain(purpose);
    expect(await page.getByRole("radio", { name: "Face to face" }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, "interpreter form filled in from an appointment");
    await context.close();
  });

  it("Sam asks to change it (JavaScript off): the request is in Jo's queue", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/appointments` });
    await page.locator(".supporter", { hasText: purpose }).getByRole("link", { name: "Ask to change or cancel it" }).click();
    await submit(page, "Send request");
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Choose change or cancel"]);
    await expectNoAxeViolations(page, "asking to change an appointment, with an error");
    await page.getByRole("radio", { name: "Change the time, place or way" }).check();
    await page.getByRole("textbox", { name: /^Anything the team should know/ }).fill("Mornings are better for me");
    await submit(page, "Send request");
    await page.waitForURL(/\/requests\/[0-9a-f-]+\?sent=1$/);
    await expect.poll(async () => await page.locator("main").textContent()).toContain("Mornings are better for me");
    // Which appointment: its kind, when and how, each said once and joined by commas, not "2099, 14:30".
    expect(plain(await page.locator(".summary-list").textContent())).toContain("Appointment, 3 February 2099 at 14:30, In person");
    await context.close();

    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff/requests" });
    expect(await jo.locator("main").textContent()).toContain("Change an appointment");
    await staff.close();
  });

  it("Alex, who Sam shares appointments with, sees it (JavaScript off)", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email, { open: "/carer" });
    await page.getByRole("link", { name: "Their appointments" }).first().click();
    await page.waitForURL(/\/appointments$/);
    await expect.poll(() => page.locator(".supporter", { hasText: purpose }).count()).toBe(1);
    // Nothing to ask for or change: those are Sam's and his team's.
    expect(await page.getByRole("link", { name: "Ask to change or cancel it" }).count()).toBe(0);
    await expectNoAxeViolations(page, "Alex sees Sam's appointments");
    await context.close();
  });
});
