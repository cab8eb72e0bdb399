import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, keyGo, keyPress, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

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
    await keyGo(page, page.getByRole("link", { name: "How you need information" }));
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
    await keyGo(page, page.getByRole("button", { name: "Save" }));
    expect(await page.locator("main").textContent()).toContain("Your needs are saved");
    expect(await page.getByRole("checkbox", { name: "Large print" }).isChecked()).toBe(true);
    expect(await language.inputValue()).toBe("pl");
    expect(await page.locator("main").textContent()).toContain("Last checked:");
    await context.close();
  });

  it("an unknown language code is refused with a clear message, and nothing is lost", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email);
    await page.goto("/communication-needs");
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
    await signIn(sam, demoPeople.sam.email);
    await sam.goto("/communication-needs");
    await sam.getByRole("checkbox", { name: "British Sign Language interpreter" }).check();
    await Promise.all([sam.waitForURL(/saved=1/), sam.getByRole("button", { name: /^Save/ }).click()]);
    await own.close();

    const staff = await newContext(browser);
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email);
    await jo.goto("/staff");
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
