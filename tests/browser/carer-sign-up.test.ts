import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, launch, newContext, plain, signIn } from "../support/browser";

/** Words as a page shows them, where a name in them is wrapped in bidi isolates (U+2066 to U+2069). */
function isolated(words: string): RegExp {
  return new RegExp(
    [...words].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\u2066-\u2069]*"),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const password = "kettle river spoon";

/** "I look after someone" from the sign-in page, to the one answer every email gets. */
async function signUp(page: Page, name: string, email: string, withAxe: boolean) {
  await page.goto("/login");
  await page.getByRole("link", { name: "I look after someone: make a carer account" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("I look after someone");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator(".error-summary").waitFor();
  expect(await page.title()).toMatch(/^Error: /);
  expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Enter your name", "Enter your email address"]);
  if (withAxe) await expectNoAxeViolations(page, "carer sign-up with errors");
  await page.getByRole("textbox", { name: "Your name" }).fill(name);
  await page.getByRole("textbox", { name: "Your email address" }).fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Check your answers");
  expect(await page.locator("main dl").textContent()).toContain(email);
  if (withAxe) await expectNoAxeViolations(page, "carer sign-up check answers");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("Choose a password");
  await page.locator('input[name="password"]').fill("password123");
  await page.getByRole("button", { name: "Make my account" }).click();
  await page.locator(".error-summary").waitFor();
  expect(await page.locator(".error-summary").textContent()).toContain("This password is too easy to guess");
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole("button", { name: "Make my account" }).click();
  await expect.poll(() => page.locator("h1").textContent()).toBe("You can now sign in");
}

describe("a carer who finds us on their own (decision 060)", () => {
  it.each([false, true])("signs up, tells the team about someone, is linked by staff and shared with (JavaScript %s)", async (javaScript) => {
    const email = `robin.${javaScript ? "js" : "nojs"}@example.org`;
    const name = javaScript ? "Robin Js" : "Robin Nojs";
    const context = await newContext(browser, { javaScript });
    const carer = await context.newPage();
    await signUp(carer, name, email, !javaScript);
    const doneText = await carer.locator("main").textContent();
    if (!javaScript) await expectNoAxeViolations(carer, "carer signed up");

    // An email that already has an account gets the very same page, and nothing changes.
    const other = await newContext(browser, { javaScript });
    const again = await other.newPage();
    await signUp(again, "Someone Else", demoPeople.sam.email, false);
    expect(await again.locator("main").textContent()).toBe(doneText);
    await other.close();

    await signIn(carer, email, { password, open: "/" });
    await expect.poll(() => new URL(carer.url()).pathname).toBe("/carer");
    // With JavaScript the address changes before React draws the new page: wait for its words.
    await expect.poll(() => carer.locator("main").textContent()).toContain("No one is linked to your account yet");
    await carer.getByRole("link", { name: "Tell the team about someone you look after" }).first().click();
    await expect.poll(() => carer.locator("h1").textContent()).toBe("Tell the team about someone you look after");
    if (!javaScript) await expectNoAxeViolations(carer, "tell the team about someone");
    await carer.getByRole("textbox", { name: "Their full name" }).fill("Sam Taylor");
    await carer.getByRole("textbox", { name: "Year" }).fill("1980");
    await carer.getByRole("textbox", { name: "What do you want to tell the team?" }).fill("Sam has not slept for three nights.");
    await carer.getByRole("button", { name: "Send to the team" }).click();
    await carer.locator(".error-summary").waitFor();
    expect(await carer.title()).toMatch(/^Error: /);
    expect(await carer.locator(".error-summary").textContent()).toContain("Enter the day, month and year");
    await carer.getByRole("textbox", { name: "Day" }).fill("3");
    await carer.getByRole("textbox", { name: "Month" }).fill("2");
    await carer.getByRole("button", { name: "Send to the team" }).click();
    await expect.poll(() => carer.locator("h1").textContent()).toBe("Your message has been sent");
    // The same words whoever is named: never whether the person is known.
    expect(await carer.locator("main").textContent()).toContain("we cannot tell you if this person uses our service");

    // Jo finds Robin in the queue, reads the note, and links Robin to Sam.
    const staff = await newContext(browser, { javaScript });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff/carers" });
    await jo.getByRole("link", { name }).click();
    await expect.poll(async () => plain(await jo.locator("h1").textContent())).toBe(`Carer: ${name}`);
    expect(await jo.locator("main").textContent()).toContain("Sam has not slept for three nights.");
    if (!javaScript) await expectNoAxeViolations(jo, "a signed-up carer for staff");
    await jo.getByRole("button", { name: "Mark as read" }).click();
    await jo.getByText("The message is marked as read.").waitFor();
    await jo.getByRole("textbox", { name: "Search your caseload by name" }).fill("Sam");
    await jo.getByRole("button", { name: "Search" }).click();
    await jo.getByRole("button", { name: isolated(`Link ${name} to Sam Taylor`) }).click();
    await jo.getByText("The carer is linked.").waitFor();
    expect(await jo.locator("main").textContent()).toContain("the person has not answered yet");
    await staff.close();

    // Linked, Robin sees Sam with nothing shared, and can tell Sam's team.
    await carer.goto("/carer");
    expect(plain(await carer.locator("main").textContent())).toContain("Tell the team something about Sam Taylor");

    // Sam is asked, and shares the crisis plan.
    const person = await newContext(browser, { javaScript });
    const sam = await person.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/carers" });
    await expect.poll(() => sam.locator("h1").textContent()).toBe("People who support you");
    await sam.getByText(isolated(`${name} says they look after you`)).waitFor();
    if (!javaScript) await expectNoAxeViolations(sam, "sharing question");
    await sam.getByRole("link", { name: isolated(`Choose what to share with ${name}`) }).click();
    await sam.getByRole("checkbox", { name: /Your crisis plan/ }).check({ force: true });
    await sam.getByRole("button", { name: "Save", exact: true }).click();
    await sam.waitForURL(/\/sharing(#[\w-]+)?$/);
    await expect.poll(async () => plain(await sam.locator("h1").textContent())).toBe("People who support you");
    expect(plain(await sam.locator("main").textContent())).not.toContain(`${name} says they look after you`);
    await person.close();

    await carer.goto("/carer");
    expect(plain(await carer.locator("main").textContent())).toContain("crisis plan");
    await context.close();
  });

  it("a carer already registered is invited for a second person and accepts signed in", async () => {
    const context = await newContext(browser, { javaScript: true });
    const carer = await context.newPage();
    await signUp(carer, "Casey Moss", "casey.moss@example.org", false);

    const staff = await newContext(browser, { javaScript: false });
    const tom = await staff.newPage();
    await signIn(tom, demoPeople.tom.email, { open: "/staff/invitations/new?kind=carer_of" });
    await tom.getByRole("textbox", { name: "Full name" }).fill("Casey Moss");
    await tom.getByRole("textbox", { name: "Email address" }).fill("casey.moss@example.org");
    await tom.locator('select[name="serviceUserId"]').selectOption({ label: "Maya Rahman" });
    await tom.getByRole("button", { name: "Create invitation" }).click();
    const link = new URL((await tom.locator("main code").textContent({ timeout: 10_000 }))!).pathname;
    await staff.close();

    await carer.goto(link);
    await expect.poll(() => carer.locator("h1").textContent()).toBe("Add this to your account");
    await expectNoAxeViolations(carer, "invitation for an existing account");
    await carer.getByRole("link", { name: "Sign in to add this to your account" }).click();
    await carer.locator('input[name="email"]').fill("casey.moss@example.org");
    await carer.locator('input[name="password"]').fill(password);
    await carer.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => new URL(carer.url()).pathname).toBe(link);
    await carer.getByRole("button", { name: "Add to my account" }).click();
    await expect.poll(() => new URL(carer.url()).pathname).toBe("/carer");
    await expect.poll(async () => plain(await carer.locator("main").textContent())).toContain("Maya Rahman");
    await context.close();
  });
});
