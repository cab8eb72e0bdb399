import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, keyGo, keyPress, keyType, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

const attribution = "Entered by Priya Shah (advocate) on behalf of Sam Taylor.";

describe("asking for an advocate", () => {
  it("Priya asks for an IMHA on Sam's behalf and both see the attribution (JavaScript off, keyboard only)", async () => {
    const advocate = await newContext(browser, { javaScript: false });
    const priya = await advocate.newPage();
    await signIn(priya, demoPeople.priya.email, { open: `/people/${samId}` });
    await keyGo(priya, priya.getByRole("link", { name: "Interpreters, advocates and other support" }));
    await keyGo(priya, priya.getByRole("link", { name: "Ask for an advocate" }));
    // Every page of Sam's record says whose record Priya is in.
    expect(plain(await priya.getByRole("note", { name: "Whose record this is" }).textContent())).toBe("You are looking at Sam Taylor’s record, as their advocate.");

    // Nothing filled in: each missing answer is explained, and nothing is sent.
    await keyGo(priya, priya.getByRole("button", { name: "Continue" }));
    expect(await priya.title()).toMatch(/^Error: /);
    expect(await priya.locator(".error-summary a").allTextContents()).toEqual([
      "Choose who is asking",
      "Choose which kind of advocate, or “I am not sure”",
      "Say what you need help with",
      "Choose how the advocacy service should contact you",
      "Give a phone number, email or address they can use",
      "Tick the box to confirm the person agrees, or that the law allows the request",
    ]);
    await expectNoAxeViolations(priya, "advocate request with errors");

    await keyPress(priya, priya.getByRole("radio", { name: "Their advocate" }), "Space");
    await keyPress(priya, priya.getByRole("radio", { name: /^Independent Mental Health Advocate/ }), "Space");
    await keyType(priya, priya.getByRole("textbox", { name: "What do they need help with?" }), "The tribunal on 3 March");
    await keyPress(priya, priya.getByRole("radio", { name: /^Kept in hospital under a section/ }), "Space");
    await keyPress(priya, priya.getByRole("radio", { name: "Phone call" }), "Space");
    await keyType(priya, priya.getByRole("textbox", { name: "Phone number, email or address to use" }), "Ward 3, 020 7946 0000");
    await keyPress(priya, priya.getByRole("checkbox", { name: /agrees, or the law allows/ }), "Space");
    await keyGo(priya, priya.getByRole("button", { name: "Continue" }));

    // Check answers, change them, and come back with everything kept.
    expect(await priya.locator("h1").textContent()).toBe("Check your answers before you send them");
    const answers = plain(await priya.locator(".summary-list").textContent());
    expect(answers).toContain("Independent Mental Health Advocate (IMHA)");
    expect(answers).toContain("The tribunal on 3 March");
    expect(answers).toContain("Their advocate");
    await expectNoAxeViolations(priya, "advocate request check answers");
    await keyGo(priya, priya.getByRole("button", { name: "Change your answer to “What do they need help with?”" }));
    expect(await priya.getByRole("textbox", { name: "What do they need help with?" }).inputValue()).toBe("The tribunal on 3 March");
    expect(await priya.getByRole("checkbox", { name: /agrees, or the law allows/ }).isChecked()).toBe(true);
    await keyGo(priya, priya.getByRole("button", { name: "Continue" }));
    await keyGo(priya, priya.getByRole("button", { name: "Send request for an advocate" }));

    expect(await priya.locator("main").textContent()).toContain("Your request has been sent");
    expect(await priya.locator("main").textContent()).toContain("What happens next");
    expect(plain(await priya.locator(".entered-by").textContent())).toBe(attribution);
    const requestPath = new URL(priya.url()).pathname;
    await expectNoAxeViolations(priya, "advocate request sent");
    await advocate.close();

    // Sam sees who asked, on his behalf, in his list and on the request.
    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/requests` });
    const item = sam.locator(".supporter", { hasText: "Independent Mental Health Advocate (IMHA)" });
    expect(plain(await item.locator(".entered-by").textContent())).toBe(attribution);
    await keyGo(sam, item.getByRole("link", { name: "Independent Mental Health Advocate (IMHA)" }));
    expect(sam.url()).toContain(requestPath);
    expect(plain(await sam.locator(".entered-by").textContent())).toBe(attribution);
    expect(await sam.getByRole("note", { name: "Whose record this is" }).count()).toBe(0);

    // Jo finds it in the queue and says an advocate was found; Sam sees it in the same words.
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff/requests" });
    await keyGo(jo, jo.getByRole("link", { name: /Sam Taylor.*Independent Mental Health Advocate \(IMHA\)/ }));
    await keyPress(jo, jo.getByRole("radio", { name: "Advocate found" }), "Space");
    await keyType(jo, jo.getByRole("textbox", { name: "A note for the person (optional)" }), "Lee from the IMHA service will phone on Monday.");
    await keyGo(jo, jo.getByRole("button", { name: "Save" }));
    await staff.close();
    await sam.goto(requestPath);
    expect(await sam.locator(".tag").first().textContent()).toBe("Advocate found");
    expect(plain(await sam.locator("main ol").last().textContent())).toContain("Lee from the IMHA service will phone on Monday.");
    await own.close();
  });

  for (const javaScript of [false, true]) {
    it(`Sam asks for an advocate for himself with every question answered; only our own words ever show (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { javaScript });
      const sam = await context.newPage();
      await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/requests/advocate` });
      await keyPress(sam, sam.getByRole("radio", { name: /^Community advocate/ }), "Space");
      await keyType(sam, sam.getByRole("textbox", { name: "What do you want help with?" }), "Getting my housing sorted");
      await keyPress(sam, sam.getByRole("radio", { name: "No, not under a section" }), "Space");
      const share = sam.getByRole("radiogroup", { name: /Share these needs/ });
      if (await share.count()) await keyPress(sam, share.getByRole("radio", { name: "Yes" }), "Space");
      await keyType(sam, sam.getByRole("textbox", { name: /Anything else the advocate should know/ }), "Short sentences, please");
      await keyPress(sam, sam.getByRole("radio", { name: "Text message" }), "Space");
      await keyType(sam, sam.getByRole("textbox", { name: "Phone number, email or address to use" }), "07700 900123");
      await keyType(sam, sam.getByRole("textbox", { name: /When is it safe to contact you/ }), "After 4pm");
      await keyPress(sam, sam.getByRole("radiogroup", { name: /leave a message/ }).getByRole("radio", { name: "No" }), "Space");
      await keyPress(sam, sam.getByRole("checkbox", { name: "I agree that my request can be shared with the advocacy service" }), "Space");
      await keyGo(sam, sam.getByRole("button", { name: "Continue" }));

      // No error, and above all none about a question Sam is never asked. (With JavaScript the page changes in place: wait for it.)
      await expect.poll(() => sam.locator("h1").textContent()).toBe("Check your answers before you send them");
      expect(await sam.locator(".error-summary").count()).toBe(0);
      const answers = plain(await sam.locator(".summary-list").textContent());
      expect(answers).toContain("Getting my housing sorted");
      expect(answers).toContain("After 4pm");
      expect(answers).not.toContain("Who is asking");
      await expectNoAxeViolations(sam, "advocate request check answers, own");

      // Each answer has its own Change button, named for it; it brings back everything typed.
      await keyGo(sam, sam.getByRole("button", { name: "Change your answer to “When is it safe to contact you?”" }));
      await expect.poll(() => sam.getByRole("textbox", { name: /When is it safe to contact you/ }).inputValue()).toBe("After 4pm");
      expect(await sam.getByRole("radio", { name: /^Community advocate/ }).isChecked()).toBe(true);
      expect(await sam.getByRole("checkbox", { name: "I agree that my request can be shared with the advocacy service" }).isChecked()).toBe(true);
      await keyGo(sam, sam.getByRole("button", { name: "Continue" }));
      await expect.poll(() => sam.locator("h1").textContent()).toBe("Check your answers before you send them");
      await keyGo(sam, sam.getByRole("button", { name: "Send request for an advocate" }));
      await expect.poll(() => sam.locator("main").textContent()).toContain("Your request has been sent");
      expect(plain(await sam.locator(".summary-list").textContent())).toContain("Getting my housing sorted");
      await context.close();
    });
  }

  it("a safe time to contact left blank stays blank: “Not given”, never “Any time” (JavaScript off)", async () => {
    const context = await newContext(browser, { javaScript: false });
    const sam = await context.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/requests/advocate` });
    await keyPress(sam, sam.getByRole("radio", { name: /^Community advocate/ }), "Space");
    await keyType(sam, sam.getByRole("textbox", { name: "What do you want help with?" }), "A letter from the council");
    await keyPress(sam, sam.getByRole("radio", { name: "Letter" }), "Space");
    await keyType(sam, sam.getByRole("textbox", { name: "Phone number, email or address to use" }), "1 High Street");
    await keyPress(sam, sam.getByRole("checkbox", { name: "I agree that my request can be shared with the advocacy service" }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Continue" }));
    const row = (label: string) => sam.locator(".summary-list__row", { has: sam.locator("dt", { hasText: label }) }).locator("dd").first();
    expect(plain(await row("When is it safe to contact you?").textContent())).toBe("Not given");
    expect(plain(await row("Can they leave a message?").textContent())).toBe("Not given");
    expect(await sam.locator(".summary-list").textContent()).not.toContain("Any time");
    await keyGo(sam, sam.getByRole("button", { name: "Send request for an advocate" }));
    expect(plain(await row("When is it safe to contact you?").textContent())).toBe("Not given");
    await context.close();
  });

  it("the guide's suggestion starts the request, without putting it in the address", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: "/advocacy" });
    await keyPress(page, page.getByRole("radio", { name: /I am detained in hospital/ }), "Space");
    await keyGo(page, page.getByRole("button", { name: "Show which advocates could help" }));
    await keyGo(page, page.getByRole("status").getByRole("button", { name: "Ask for an advocate for yourself" }));
    expect(new URL(page.url()).search).toBe("");
    expect(await page.locator("h1").textContent()).toBe("Ask for an advocate");
    expect(await page.getByRole("radio", { name: /^Independent Mental Health Advocate/ }).isChecked()).toBe(true);
    // Sam is asking for himself: he is not asked who is asking.
    expect(await page.getByRole("radiogroup", { name: "Who is asking?" }).count()).toBe(0);
    await context.close();
  });
});

describe("acting on someone's behalf", () => {
  it("Priya records progress on Sam's goal; Sam sees who entered it; Sam can stop it and Priya can then only read", async () => {
    const advocate = await newContext(browser);
    const priya = await advocate.newPage();
    await signIn(priya, demoPeople.priya.email, { open: `/people/${samId}/plan` });
    const goalHref = await priya.locator('main a[href*="/goals/"]:not([href$="/new"])').first().getAttribute("href");
    await priya.goto(goalHref!);
    const progress = priya.locator("form", { has: priya.locator('input[name="rating"]') });
    await progress.locator('input[name="rating"]').fill("7");
    await progress.locator('textarea[name="note"]').fill("Sam told me he went twice this week");
    await Promise.all([priya.waitForURL(/#progress/), progress.getByRole("button").click()]);
    const row = priya.locator("tr", { hasText: "Sam told me he went twice this week" });
    expect(plain(await row.locator(".entered-by").textContent())).toBe(attribution);

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: goalHref! });
    expect(plain(await sam.locator("tr", { hasText: "Sam told me he went twice this week" }).locator(".entered-by").textContent())).toBe(attribution);
    // Sam stops Priya filling in forms for him, with the keyboard alone.
    await sam.goto(`/people/${samId}/sharing`);
    await keyGo(sam, sam.locator(".supporter", { hasText: "Priya Shah" }).getByRole("link").first());
    await expectNoAxeViolations(sam, "change what Priya can do");
    await keyPress(sam, sam.getByRole("radio", { name: "No", exact: true }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Save this choice" }));

    await priya.goto(goalHref!);
    expect(await priya.locator('input[name="rating"]').count()).toBe(0);
    expect(await priya.locator("h1").count()).toBe(1);

    // Put it back as the demo had it.
    await sam.goto(`/people/${samId}/sharing`);
    await keyGo(sam, sam.locator(".supporter", { hasText: "Priya Shah" }).getByRole("link").first());
    await keyPress(sam, sam.getByRole("radio", { name: /can fill in forms for me/ }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Save this choice" }));
    await priya.goto(goalHref!);
    expect(await priya.locator('input[name="rating"]').count()).toBe(1);
    await own.close();
    await advocate.close();
  });
});

describe("staff record someone acting for the person, for one decision", () => {
  it("Jo records that Priya can act for Sam on one decision; Sam sees it in those words; Jo ends it (JavaScript off, keyboard only)", async () => {
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/carers` });
    await keyGo(jo, jo.getByRole("link", { name: "Record that an advocate or attorney can act for them" }));
    await keyGo(jo, jo.getByRole("button", { name: "Record this" }));
    expect(await jo.locator(".error-summary a").allTextContents()).toEqual([
      "Choose who will act for them",
      "Choose the legal basis",
      "Say which decision this is for",
      "Enter the date this ends",
    ]);
    await expectNoAxeViolations(jo, "acting for someone with errors");
    await keyPress(jo, jo.getByRole("radio", { name: /Priya Shah/ }), "Space");
    await keyPress(jo, jo.getByRole("radio", { name: /^Best interests/ }), "Space");
    await keyType(jo, jo.getByRole("textbox", { name: "Which decision is it for?" }), "Asking for an IMHA before the tribunal");
    await keyType(jo, jo.getByRole("textbox", { name: "Day" }), "31");
    await keyType(jo, jo.getByRole("textbox", { name: "Month" }), "3");
    await keyType(jo, jo.getByRole("textbox", { name: "Year" }), "2099");
    await keyGo(jo, jo.getByRole("button", { name: "Record this" }));
    expect(new URL(jo.url()).pathname).toBe(`/people/${samId}/carers`);

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/sharing` });
    const priya = plain(await sam.locator(".supporter", { hasText: "Priya Shah" }).textContent());
    expect(priya).toContain("Recorded by your care team for one decision: Asking for an IMHA before the tribunal.");
    expect(priya).not.toMatch(/lack(s|ing)? capacity/i);

    await jo.goto(`/people/${samId}/acting-for`);
    await keyGo(jo, jo.getByRole("button", { name: /End this now for/ }));
    await sam.goto(`/people/${samId}/sharing`);
    expect(plain(await sam.locator(".supporter", { hasText: "Priya Shah" }).textContent())).not.toContain("Recorded by your care team");
    await own.close();
    await staff.close();
  });
});
