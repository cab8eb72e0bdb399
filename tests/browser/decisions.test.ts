import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { baseURL, expectNoAxeViolations, keyGo, keyPress, keyType, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

// Wishes versions and best-interests decisions are append-only by design, so those stay; the
// person to consult and the attorney record added here are removed again, as the demo data was.
describe("decisions about me (JavaScript off, keyboard only)", () => {
  it("Sam writes his wishes and adds a person to consult, then removes them after a check", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}` });
    await keyGo(page, page.getByRole("link", { name: "Decisions about me" }));
    expect(await page.locator("h1").textContent()).toBe("Decisions about me");
    const main = plain(await page.locator("main").textContent());
    expect(main).toContain("When the team asks you to make a decision");
    expect(main).not.toMatch(/lacks? capacity|non-?compliant/i);
    await expectNoAxeViolations(page, "decisions overview");

    // Wishes: an empty save is explained; then saved as a dated version.
    await keyGo(page, page.locator("#wishes").locator("xpath=..").getByRole("link", { name: /Write your wishes|Change/ }));
    await expectNoAxeViolations(page, "wishes form");
    const box = page.getByRole("textbox", { name: "What matters to me" });
    await keyType(page, box, "");
    await keyGo(page, page.getByRole("button", { name: "Save" }));
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Write what matters to you, or go back without saving"]);
    await expectNoAxeViolations(page, "wishes form with an error");
    const words = `My faith matters to me. Please keep my cat Pepper with me. (${Date.now()})`;
    await keyType(page, box, words);
    await keyGo(page, page.getByRole("button", { name: "Save" }));
    expect(new URL(page.url()).pathname).toBe(`/people/${samId}/decisions`);
    expect(await page.locator("#wishes").locator("xpath=..").textContent()).toContain(words);

    // A person to consult: the missing answers are explained, and what was typed is kept.
    await keyGo(page, page.getByRole("link", { name: "Add a person to consult" }));
    await expectNoAxeViolations(page, "add a person to consult");
    await keyType(page, page.getByRole("textbox", { name: "Their name" }), "Ruth Evans");
    await keyGo(page, page.getByRole("button", { name: "Add this person" }));
    expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Say how they know the person"]);
    expect(await page.getByRole("textbox", { name: "Their name" }).inputValue()).toBe("Ruth Evans");
    await expectNoAxeViolations(page, "add a person to consult, with an error");
    await keyType(page, page.getByRole("textbox", { name: "How do they know you?" }), "My neighbour");
    await keyPress(page, page.getByRole("checkbox", { name: "Where I live" }), "Space");
    await keyPress(page, page.getByRole("checkbox", { name: "Money and bills" }), "Space");
    await keyGo(page, page.getByRole("button", { name: "Add this person" }));
    const consult = page.locator("#consult").locator("xpath=..");
    expect(plain(await consult.textContent())).toContain("Ruth Evans");
    // Two answers are two bullet points, not one run-on line.
    expect(await consult.locator("dd ul li").allTextContents()).toEqual(expect.arrayContaining(["Where I live", "Money and bills"]));

    // Remove, after a check page.
    await keyGo(page, consult.getByRole("link", { name: /^Remove .*Ruth Evans.*$/ }));
    expect(plain(await page.locator("h1").textContent())).toBe("Remove Ruth Evans from people to consult?");
    await expectNoAxeViolations(page, "remove a person to consult");
    await keyGo(page, page.getByRole("button", { name: "Yes, remove them" }));
    expect(plain(await page.locator("#consult").locator("xpath=..").textContent())).not.toContain("Ruth Evans");
    await context.close();
  });

  it("Jo records a best-interests decision; Sam reads it as one decision at one time, never as a label", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/decisions` });
    await expectNoAxeViolations(jo, "decisions overview for staff");
    await keyGo(jo, jo.getByRole("link", { name: "Record a best-interests decision" }));
    await expectNoAxeViolations(jo, "best-interests form");
    const decision = `Whether to stay on the ward for two more nights (${Date.now()})`;
    await keyType(jo, jo.getByRole("textbox", { name: "What was the decision about?" }), decision);
    await keyType(jo, jo.getByRole("textbox", { name: "Day" }), "3");
    await keyType(jo, jo.getByRole("textbox", { name: "Month" }), "3");
    await keyType(jo, jo.getByRole("textbox", { name: "Year" }), "2026");
    await keyType(jo, jo.getByRole("textbox", { name: "Who was consulted" }), "Alex Taylor (brother); Priya Shah (advocate). Sam said he wanted to go home.");
    await keyType(jo, jo.getByRole("textbox", { name: "Less restrictive options considered" }), "Going home with daily visits from the home treatment team.");
    await keyType(jo, jo.getByRole("textbox", { name: "What was decided" }), "Two more nights on the ward, then home with visits.");
    // Without confirming it is about this one decision, it is not saved.
    await keyGo(jo, jo.getByRole("button", { name: "Save the decision" }));
    expect(await jo.locator(".error-summary a").allTextContents()).toEqual(["Confirm this is about this one decision, at this time only"]);
    expect(await jo.getByRole("textbox", { name: "What was the decision about?" }).inputValue()).toBe(decision);
    await expectNoAxeViolations(jo, "best-interests form with an error");
    await keyPress(jo, jo.getByRole("checkbox", { name: "This is about this one decision, at this time only" }), "Space");
    await keyGo(jo, jo.getByRole("button", { name: "Save the decision" }));
    expect(plain(await jo.locator("main").textContent())).toContain(decision);
    await staff.close();

    // Sam cannot record one, even by posting the form himself.
    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email);
    expect((await sam.goto(`/people/${samId}/decisions/best-interests/new`))?.status()).toBe(404);
    const token = await sam.locator('header input[name="csrf"]').first().inputValue();
    const forged = await sam.request.post(`${baseURL()}/people/${samId}/decisions/best-interests/new`, {
      form: { csrf: token, decision: "x", "decidedOn.day": "1", "decidedOn.month": "1", "decidedOn.year": "2026", oneDecision: "yes", consulted: "x", lessRestrictive: "x", outcome: "x" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(404);

    await sam.goto(`/people/${samId}/decisions`);
    const section = plain(await sam.locator("#best-interests").locator("xpath=..").textContent());
    expect(section).toContain(decision);
    expect(section).toContain("On 3 March 2026 the team made this decision for you. This was because you could not make this one decision at that time.");
    expect(section).toContain("Going home with daily visits from the home treatment team.");
    expect(plain(await sam.locator("main").textContent())).not.toMatch(/lacks? capacity|lack of capacity|incapable|non-?compliant/i);
    await expectNoAxeViolations(sam, "decisions overview with a best-interests decision");
    await own.close();
  });

  it("Priya records Sam's LPA on his behalf; it cannot be used until Jo checks the registration; Sam removes it", async () => {
    const advocate = await newContext(browser, { javaScript: false });
    const priya = await advocate.newPage();
    await signIn(priya, demoPeople.priya.email, { open: `/people/${samId}/decisions` });
    await keyGo(priya, priya.getByRole("link", { name: "Record an attorney or deputy" }));
    await expectNoAxeViolations(priya, "attorney form");
    await keyPress(priya, priya.getByRole("radio", { name: "Lasting Power of Attorney for health and welfare" }), "Space");
    await keyType(priya, priya.getByRole("textbox", { name: "Names of the attorneys or deputy" }), "Alex Taylor");
    await keyPress(priya, priya.getByRole("radio", { name: "Not sure" }), "Space");
    await keyGo(priya, priya.getByRole("button", { name: "Save" }));
    const section = async (page: typeof priya) => plain(await page.locator("#attorney").locator("xpath=..").textContent());
    expect(await section(priya)).toContain("This cannot be used yet.");
    expect(await section(priya)).toContain("Entered by Priya Shah (advocate) on behalf of Sam Taylor");
    await advocate.close();

    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/decisions` });
    await keyGo(jo, jo.getByRole("link", { name: "Mark as checked with the Office of the Public Guardian" }));
    await expectNoAxeViolations(jo, "registration check");
    await keyType(jo, jo.getByRole("textbox", { name: "Day" }), "10");
    await keyType(jo, jo.getByRole("textbox", { name: "Month" }), "11");
    await keyType(jo, jo.getByRole("textbox", { name: "Year" }), "2026");
    await keyGo(jo, jo.getByRole("button", { name: "Record the check" }));
    expect(await section(jo)).toContain("Checked as registered with the Office of the Public Guardian on 10 November 2026 by Jo Okafor.");
    await staff.close();

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/decisions` });
    expect(await section(sam)).not.toContain("This cannot be used yet.");
    await keyGo(sam, sam.getByRole("link", { name: "Remove this record" }));
    await keyGo(sam, sam.getByRole("button", { name: "Yes, remove it" }));
    expect(await section(sam)).toContain("Nothing recorded.");
    await own.close();
  });

  it("Alex (carer) and Maya cannot open Sam's decisions", async () => {
    for (const email of [demoPeople.alex.email, demoPeople.maya.email]) {
      const context = await newContext(browser, { javaScript: false });
      const page = await context.newPage();
      await signIn(page, email);
      expect((await page.goto(`/people/${samId}/decisions`))?.status()).toBe(404);
      expect((await page.goto(`/people/${samId}/decisions/wishes`))?.status()).toBe(404);
      await context.close();
    }
  });
});
