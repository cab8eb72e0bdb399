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

describe("how I need information", () => {
  it("Alex records his communication needs with JavaScript off and the keyboard alone", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email);
    // Asked once, on the home page, until answered (AIS: identify).
    expect(await page.locator("#communication-prompt").textContent()).toBe("Do you need information in a different way?");
    await keyGo(page, page.getByRole("link", { name: "Tell us how you need information" }));
    await expectNoAxeViolations(page, "communication needs form");
    await keyPress(page, page.getByRole("checkbox", { name: "Large print" }), "Space");
    await keyPress(page, page.getByRole("checkbox", { name: "More time in appointments" }), "Space");
    // A native list: typing letters moves through it.
    const language = page.getByRole("combobox", { name: "Language (optional)" }).first();
    await language.focus();
    await page.keyboard.type("Polish");
    expect(await language.inputValue()).toBe("pl");
    await keyPress(page, page.getByRole("group", { name: /prefer/ }).getByRole("checkbox", { name: "Speaking" }), "Space");
    await keyPress(page, page.getByRole("group", { name: /prefer/ }).getByRole("radio", { name: "Yes" }), "Space");
    // How well he knows it (AD-04): optional, in plain words.
    await keyPress(page, page.getByRole("group", { name: /prefer/ }).getByRole("radio", { name: "Fairly well" }), "Space");
    await keyGo(page, page.getByRole("button", { name: "Save" }));
    expect(await page.locator("main").textContent()).toContain("Your needs are saved");
    expect(await page.getByRole("checkbox", { name: "Large print" }).isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: /prefer/ }).getByRole("radio", { name: "Fairly well" }).isChecked()).toBe(true);
    expect(await language.inputValue()).toBe("pl");
    expect(await page.locator("main").textContent()).toContain("Last checked:");
    await page.goto("/");
    expect(await page.locator("#communication-prompt").count()).toBe(0);
    await context.close();
  });

  it("an unknown language code is refused with a clear message, and nothing is lost", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email, { open: "/communication-needs" });
    await page.locator('select[name="languages[1].code"]').evaluate((select: HTMLSelectElement) => {
      select.add(new Option("Made up", "xx-Fake"));
      select.value = "xx-Fake";
    });
    await keyGo(page, page.getByRole("button", { name: /^Save/ }));
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").allTextContents()).toEqual(["Language 2: choose a language from the list"]);
    expect(await page.getByRole("checkbox", { name: "Large print" }).isChecked()).toBe(true);
    await context.close();
  });

  it("Sam needs a BSL interpreter; Jo sees the flag on the caseload and the plan, and the detail", async () => {
    const own = await newContext(browser);
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: "/communication-needs" });
    await sam.getByRole("checkbox", { name: "British Sign Language interpreter" }).check();
    await Promise.all([sam.waitForURL(/saved=1/), sam.getByRole("button", { name: /^Save/ }).click()]);
    await own.close();

    const staff = await newContext(browser);
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff" });
    const row = jo.locator("tr", { hasText: "Sam Taylor" });
    expect(plain(await row.locator(".comm-flag").textContent())).toContain("Communication needs: British Sign Language interpreter");
    await jo.goto(`/people/${samId}/plan`);
    const flag = jo.locator(".comm-flag");
    expect(plain(await flag.textContent())).toContain("British Sign Language interpreter");
    await flag.getByRole("link", { name: "See the detail" }).click();
    await expect.poll(() => jo.locator("h1").textContent()).toContain("needs information");
    expect(await jo.locator("main").textContent()).toContain("British Sign Language interpreter");
    await expectNoAxeViolations(jo, "communication needs detail");
    await staff.close();
  });
});

describe("an interpreter for an appointment", () => {
  it("Sam asks for a BSL interpreter; Jo books it; Sam sees it booked (JavaScript off, keyboard only)", async () => {
    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}` });
    await keyGo(sam, sam.getByRole("link", { name: "Interpreters, advocates and other support" }));
    await keyGo(sam, sam.getByRole("link", { name: "Ask for an interpreter" }));
    expect(await sam.locator("main").textContent()).toContain("We never ask family members, friends or children to interpret.");
    // A date in the past is explained, and what was typed is kept.
    await keyPress(sam, sam.getByRole("radio", { name: "British Sign Language interpreter" }), "Space");
    await keyPress(sam, sam.getByRole("radio", { name: "Face to face" }), "Space");
    await keyType(sam, sam.getByRole("textbox", { name: "What is the appointment?" }), "My review with Jo");
    await keyType(sam, sam.getByRole("textbox", { name: "Day" }), "1");
    await keyType(sam, sam.getByRole("textbox", { name: "Month" }), "1");
    await keyType(sam, sam.getByRole("textbox", { name: "Year" }), "2020");
    await keyType(sam, sam.getByRole("textbox", { name: "What time does it start?" }), "14:30");
    await keyGo(sam, sam.getByRole("button", { name: "Continue" }));
    expect(await sam.locator(".error-summary a").allTextContents()).toEqual(["The appointment must be today or in the future"]);
    expect(await sam.getByRole("textbox", { name: "What is the appointment?" }).inputValue()).toBe("My review with Jo");
    expect(await sam.getByRole("radio", { name: "British Sign Language interpreter" }).isChecked()).toBe(true);
    await expectNoAxeViolations(sam, "interpreter request with an error");
    await keyType(sam, sam.getByRole("textbox", { name: "Year" }), "2099");
    await keyGo(sam, sam.getByRole("button", { name: "Continue" }));

    // Check answers before it is sent (AX-12); a question left blank is not answered for him.
    expect(await sam.locator("h1").textContent()).toBe("Check your answers before you send them");
    const row = (label: string) => sam.locator(".summary-list__row", { has: sam.locator("dt", { hasText: label }) }).locator("dd").first();
    expect(plain(await row("What do you need?").textContent())).toBe("British Sign Language interpreter");
    expect(plain(await row("What is the appointment?").textContent())).toBe("My review with Jo");
    expect(plain(await row("When").textContent())).toBe("1 January 2099 at 14:30");
    expect(plain(await row("Would you prefer a woman or a man?").textContent())).toBe("Not given");
    await expectNoAxeViolations(sam, "interpreter request check answers");
    await keyGo(sam, sam.getByRole("button", { name: "Change your answer to “How should they join the appointment?”" }));
    expect(await sam.getByRole("radio", { name: "Face to face" }).isChecked()).toBe(true);
    expect(await sam.getByRole("textbox", { name: "Year" }).inputValue()).toBe("2099");
    await keyPress(sam, sam.getByRole("radio", { name: "Video call" }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Continue" }));
    expect(plain(await row("How should they join the appointment?").textContent())).toBe("Video call");
    expect(plain(await row("What is the appointment?").textContent())).toBe("My review with Jo");
    await keyGo(sam, sam.getByRole("button", { name: "Send request for an interpreter" }));
    expect(await sam.locator("main").textContent()).toContain("Your request has been sent");
    const requestPath = new URL(sam.url()).pathname;
    await expectNoAxeViolations(sam, "interpreter request sent");

    // Sam is not staff: a forged status change is refused, and nothing changes.
    const token = await sam.locator('header input[name="csrf"]').first().inputValue();
    const forged = await sam.request.post(`${baseURL()}${requestPath}`, { form: { csrf: token, status: "booked", note: "I booked it myself" }, maxRedirects: 0 });
    expect(forged.status()).toBe(404);

    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff" });
    await keyGo(jo, jo.getByRole("link", { name: "Requests for support to deal with" }));
    expect(plain(await jo.locator("main").textContent())).toContain("Sam Taylor: British Sign Language interpreter, video call");
    expect(plain(await jo.locator("main").textContent())).toContain("When: 1 January 2099 at 14:30.");
    await keyGo(jo, jo.getByRole("link", { name: /Sam Taylor.*British Sign Language interpreter/ }));
    await keyPress(jo, jo.getByRole("radio", { name: "Booked" }), "Space");
    await keyGo(jo, jo.getByRole("button", { name: "Save" }));
    expect(await jo.locator(".error-summary a").allTextContents()).toEqual(["Say who is coming and how"]);
    await keyType(jo, jo.getByRole("textbox", { name: "A note for the person (optional)" }), "Kim, a BSL interpreter, will meet you at reception.");
    await keyGo(jo, jo.getByRole("button", { name: "Save" }));
    await staff.close();

    await sam.goto(requestPath);
    expect(await sam.locator(".tag").first().textContent()).toBe("Booked");
    const history = plain(await sam.locator("main ol").textContent());
    expect(history).toContain("Booked (by Jo Okafor)");
    expect(history).toContain("Kim, a BSL interpreter, will meet you at reception.");
    await own.close();
  });
});

describe("an interpreter request shows every problem at once", () => {
  for (const javaScript of [false, true]) {
    it(`“Choose the language” comes with the other errors, in one round (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { javaScript });
      const sam = await context.newPage();
      await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/requests/interpreter` });
      await keyPress(sam, sam.getByRole("radio", { name: "Spoken language interpreter" }), "Space");
      await keyGo(sam, sam.getByRole("button", { name: "Continue" }));
      await expect.poll(() => sam.title()).toMatch(/^Error: /);
      expect(await sam.locator(".error-summary a").allTextContents()).toEqual([
        "Choose the language",
        "Choose how they should join",
        "Enter what the appointment is",
        "Enter the date of the appointment",
        "Enter the time, like 14:30",
      ]);
      expect(await sam.getByRole("radio", { name: "Spoken language interpreter" }).isChecked()).toBe(true);
      await context.close();
    });
  }
});

describe("information in the format that works", () => {
  it("Sam asks for his plan in easy read, and for his needs to be shared; Jo answers both (JavaScript off, keyboard only)", async () => {
    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    await keyGo(sam, sam.getByRole("link", { name: /Get this plan in another format/ }));
    expect(await sam.getByRole("radio", { name: "Care and support plan" }).isChecked()).toBe(true);
    await keyGo(sam, sam.getByRole("button", { name: "Send the request" }));
    expect(await sam.locator(".error-summary a").allTextContents()).toEqual(["Choose a format", "Choose how we should get it to you"]);
    expect(await sam.getByRole("radio", { name: "Care and support plan" }).isChecked()).toBe(true);
    await keyPress(sam, sam.getByRole("radio", { name: "Easy read" }), "Space");
    await keyPress(sam, sam.getByRole("radio", { name: "By post" }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Send the request" }));
    expect(await sam.locator("main").textContent()).toContain("Your request has been sent");
    const formatPath = new URL(sam.url()).pathname;
    await expectNoAxeViolations(sam, "format request sent");

    // Sam's needs (a BSL interpreter, from the test above) go to other services only with his yes.
    await sam.goto("/communication-needs");
    await keyGo(sam, sam.getByRole("link", { name: "Ask us to share your needs with other NHS services" }));
    expect(plain(await sam.locator(".inset").textContent())).toContain("British Sign Language interpreter");
    await keyGo(sam, sam.getByRole("button", { name: "Ask the team to share them" }));
    expect(await sam.locator(".error-summary a").allTextContents()).toEqual(["Tick the box to agree. Without it we cannot share your needs."]);
    await expectNoAxeViolations(sam, "share needs with an error");
    await keyPress(sam, sam.getByRole("checkbox", { name: /I agree that my needs can be shared/ }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Ask the team to share them" }));
    const sharePath = new URL(sam.url()).pathname;
    expect(await sam.locator("h1").textContent()).toBe("Request to share communication needs");

    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff/requests" });
    await keyGo(jo, jo.getByRole("link", { name: /Sam Taylor.*Care and support plan: Easy read/ }));
    await keyPress(jo, jo.getByRole("radio", { name: "Sent to you" }), "Space");
    await keyType(jo, jo.getByRole("textbox", { name: "A note for the person (optional)" }), "Posted on Tuesday.");
    await keyGo(jo, jo.getByRole("button", { name: "Save" }));
    await jo.goto("/staff/requests");
    await keyGo(jo, jo.getByRole("link", { name: /Sam Taylor.*Share my communication needs/ }));
    await keyPress(jo, jo.getByRole("radio", { name: "Shared" }), "Space");
    await keyType(jo, jo.getByRole("textbox", { name: "A note for the person (optional)" }), "Flag added today.");
    await keyGo(jo, jo.getByRole("button", { name: "Save" }));
    await staff.close();

    await sam.goto(formatPath);
    expect(await sam.locator(".tag").first().textContent()).toBe("Sent to you");
    await sam.goto(sharePath);
    expect(await sam.locator(".tag").first().textContent()).toBe("Shared");
    await own.close();
  });
});

describe("a translated plan", () => {
  it("Sam asks for his crisis plan in Tigrinya; the language is asked with the other answers (JavaScript off)", async () => {
    const context = await newContext(browser, { javaScript: false });
    const sam = await context.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/requests/format` });
    await keyPress(sam, sam.getByRole("radio", { name: "Crisis plan" }), "Space");
    await keyPress(sam, sam.getByRole("radio", { name: "Translated into another language" }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Send the request" }));
    expect(await sam.locator(".error-summary a").allTextContents()).toEqual(["Choose the language", "Choose how we should get it to you"]);
    await expectNoAxeViolations(sam, "format request, translation with errors");
    await sam.getByRole("combobox", { name: "Which language should it be translated into?" }).selectOption("ti");
    await keyPress(sam, sam.getByRole("radio", { name: "By post" }), "Space");
    await keyGo(sam, sam.getByRole("button", { name: "Send the request" }));
    expect(await sam.locator("main").textContent()).toContain("Your request has been sent");
    expect(plain(await sam.locator(".summary-list").textContent())).toContain("Translated into Tigrinya");
    await context.close();
  });
});

describe("get an advocate", () => {
  it("the guide suggests an IMHA for someone detained, keeps the answers out of the address, and never refuses", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto("/advocacy");
    await expectNoAxeViolations(page, "get an advocate");
    await keyPress(page, page.getByRole("radio", { name: /I am detained in hospital/ }), "Space");
    const answer = (question: RegExp, value: string) => page.getByRole("radiogroup", { name: question }).getByRole("radio", { name: value, exact: true });
    await keyPress(page, answer(/big decision/, "No"), "Space");
    await keyPress(page, answer(/very hard for you/, "No"), "Space");
    await keyPress(page, answer(/family member or friend/, "Yes"), "Space");
    await keyPress(page, answer(/16 or over/, "Yes"), "Space");
    await keyGo(page, page.getByRole("button", { name: "Show which advocates could help" }));
    expect(new URL(page.url()).search).toBe("");
    const result = page.getByRole("status");
    expect(await result.locator("li").allTextContents()).toEqual([
      "Independent Mental Health Advocate (IMHA): this is likely to be right for you.",
      "Community advocacy: this might be right for you. Ask, and the advocacy service will check.",
    ]);
    expect(await page.getByRole("radio", { name: /I am detained in hospital/ }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, "advocacy guide result");
    // Held only for a short time: not an IMHA, but still a way forward. Unanswered would count as "not sure".
    await keyPress(page, page.getByRole("radio", { name: /held for a short time only/ }), "Space");
    await keyGo(page, page.getByRole("button", { name: "Show which advocates could help" }));
    expect(await page.getByRole("status").locator("li").allTextContents()).toEqual(["Community advocacy: this is likely to be right for you."]);
    await context.close();
  });
});
