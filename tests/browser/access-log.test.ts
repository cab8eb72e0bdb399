import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { expectNoAxeViolations, keyGo, launch, newContext, plain, recordIdFor, signIn, waitForHydration } from "../support/browser";

/** Who has looked at my record (SE-14, decision 050). */

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
  // Jo, Sam's care coordinator, opens his crisis plan.
  const staff = await newContext(browser);
  const jo = await staff.newPage();
  await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan/crisis` });
  expect(jo.url()).toContain("/plan/crisis");
  await staff.close();
});
afterAll(async () => {
  await browser?.close();
});

const joRead = /^Jo Okafor \(your care coordinator\) looked at your crisis plan on (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+ \d{4} at \d{2}:\d{2}\.$/;

async function entries(page: Page): Promise<string[]> {
  return (await page.locator("ol.access-log > li > p:first-child").allTextContents()).map(plain);
}

describe("who has looked at my record", () => {
  for (const javaScript of [true, false]) {
    it(`Sam sees Jo's read of his crisis plan, with why she could, and filters by who and month (JavaScript ${javaScript ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { javaScript });
      const page = await context.newPage();
      await signIn(page, demoPeople.sam.email, { open: `/people/${samId}` });
      if (javaScript) await waitForHydration(page);
      await keyGo(page, page.getByRole("link", { name: "See who has looked at your record" }));
      await page.locator("h1", { hasText: "Who has looked at your record" }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/people/${samId}/access-log`);
      await expect.poll(() => page.title()).toMatch(/^Who has looked at your record/);
      expect(await page.locator("h1").textContent()).toBe("Who has looked at your record");
      expect((await entries(page)).some((e) => joRead.test(e))).toBe(true);
      const joEntry = page.locator("ol.access-log > li", { hasText: "looked at your crisis plan" }).first();
      expect(plain(await joEntry.locator(".hint").textContent())).toBe("Why they could: they are in your care team.");
      // Sam's own reads are not listed.
      expect((await entries(page)).some((e) => e.startsWith("Sam Taylor"))).toBe(false);
      await expectNoAxeViolations(page, `access log, JavaScript ${javaScript ? "on" : "off"}`);

      // Only Jo, only this month: a GET with an opaque id and a month, no one's data.
      await page.getByRole("combobox", { name: "Who looked" }).selectOption({ label: "Jo Okafor" });
      const month = await page.getByRole("combobox", { name: "Month" }).locator("option").nth(1).getAttribute("value");
      await page.getByRole("combobox", { name: "Month" }).selectOption(month!);
      await Promise.all([page.waitForURL(/who=.*&month=/), page.getByRole("button", { name: "Show entries" }).click()]);
      expect(page.url()).toMatch(/who=[0-9a-f-]{36}&month=\d{4}-\d{2}$/);
      // With JavaScript the address changes a moment before the filtered list is drawn.
      const onlyJo = (shown: string[]) => shown.length > 0 && shown.every((e) => e.startsWith("Jo Okafor (your care coordinator)"));
      await expect.poll(async () => onlyJo(await entries(page))).toBe(true);
      expect(await page.getByRole("combobox", { name: "Who looked" }).inputValue()).not.toBe("");
      await Promise.all([page.waitForURL((url) => url.search === ""), keyGo(page, page.getByRole("link", { name: "Show everything again" }))]);
      await context.close();
    });
  }

  it("is linked from the sharing page; a carer is not shown it (not found)", async () => {
    const context = await newContext(browser, { javaScript: false });
    const sam = await context.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/sharing` });
    await keyGo(sam, sam.getByRole("link", { name: "See who has looked at your record" }));
    expect(new URL(sam.url()).pathname).toBe(`/people/${samId}/access-log`);
    await context.close();

    const carer = await newContext(browser, { javaScript: false });
    const alex = await carer.newPage();
    await signIn(alex, demoPeople.alex.email);
    const response = await alex.goto(`/people/${samId}/access-log`);
    expect(response?.status()).toBe(404);
    await carer.close();
  });

  it("the admin reaches it from Sam's account, and looking is in Sam's log", async () => {
    const context = await newContext(browser);
    const rowan = await context.newPage();
    await signIn(rowan, demoPeople.rowan.email, { open: "/admin/accounts?role=service_user" });
    await keyGo(rowan, rowan.getByRole("link", { name: "Sam Taylor" }));
    await rowan.locator("h1", { hasText: "Sam Taylor" }).waitFor();
    await keyGo(rowan, rowan.getByRole("link", { name: "See who has looked at this person’s record" }));
    await rowan.locator("h1", { hasText: "Who has looked at" }).waitFor();
    expect(new URL(rowan.url()).pathname).toBe(`/people/${samId}/access-log`);
    expect(plain(await rowan.locator("h1").textContent())).toBe("Who has looked at Sam Taylor’s record");
    expect((await entries(rowan)).some((e) => joRead.test(e))).toBe(true);
    await expectNoAxeViolations(rowan, "access log, the admin");
    await context.close();

    const own = await newContext(browser, { javaScript: false });
    const sam = await own.newPage();
    await signIn(sam, demoPeople.sam.email, { open: `/people/${samId}/access-log` });
    expect((await entries(sam))[0]).toMatch(/^Rowan Price \(runs the portal’s accounts\) looked at this list on /);
    await own.close();
  });
});
