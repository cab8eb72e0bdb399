import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { languages } from "~/i18n";
import { expectNoAxeViolations, expectPageBasics, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

/** Issue 12, items 6, 7, 15 and 16: the crisis plan one step away, small screens, and markup. */

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 320, height: 640 };

async function phoneContext(lng: string, javaScript = true) {
  const context = await newContext(browser, { lng, javaScript, width: PHONE.width });
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  return { context, page };
}

/** Nothing scrolls sideways: the page is no wider than the screen. */
async function expectNoSidewaysScrolling(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label}: scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
}

describe("the crisis plan one step from every page (CP-04)", () => {
  it("Sam has 'My crisis plan' in the header of every page, and urgent help links to it", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email);
    for (const path of ["/", "/privacy", `/people/${samId}/plan`, "/communication-needs"]) {
      await page.goto(path);
      const link = page.locator("header").getByRole("link", { name: "My crisis plan" });
      expect(await link.getAttribute("href"), path).toBe(`/people/${samId}/plan/crisis`);
    }
    await page.goto("/urgent-help");
    await expectPageBasics(page, "urgent help signed in");
    const own = page.locator("main").getByRole("link", { name: "See your crisis plan" });
    expect(await own.getAttribute("href")).toBe(`/people/${samId}/plan/crisis`);
    // 999 still comes first.
    const order = await page.locator('main a[href^="tel:"], main a[href$="/plan/crisis"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(order[0]).toBe("tel:999");
    await expectNoAxeViolations(page, "urgent help signed in");
    await own.click();
    await page.waitForURL(`**/people/${samId}/plan/crisis`);
    expect(await page.locator("h1").textContent()).toBe("My crisis plan");
    await context.close();
  });

  it("Alex's header names whose crisis plan it is; Jo's and a signed-out header have none", async () => {
    const carer = await newContext(browser, { lng: "ar" });
    const alex = await carer.newPage();
    await signIn(alex, demoPeople.alex.email, { open: "/carer" });
    const link = alex.locator("header a.site-header__crisis");
    expect(plain(await link.textContent())).toBe("خطة الأزمات لـ Sam Taylor");
    expect(await link.getAttribute("href")).toBe(`/people/${samId}/plan/crisis`);
    // Alex is not Sam: urgent help has no "your crisis plan" for him.
    await alex.goto("/urgent-help");
    expect(await alex.locator('main a[href$="/plan/crisis"]').count()).toBe(0);
    await carer.close();

    const staff = await newContext(browser);
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: "/staff" });
    expect(await jo.locator("header a.site-header__crisis").count()).toBe(0);
    await staff.close();

    const anonymous = await newContext(browser);
    const page = await anonymous.newPage();
    await page.goto("/urgent-help");
    expect(await page.locator("header a.site-header__crisis").count()).toBe(0);
    expect(await page.locator('main a[href$="/plan/crisis"]').count()).toBe(0);
    await anonymous.close();
  });

  it("phone numbers in the crisis plan and the care team are tap-to-call links, left to right in Arabic", async () => {
    const context = await newContext(browser, { lng: "ar", javaScript: false });
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan/crisis` });
    const day = page.locator('main a[href="tel:01632960000"]');
    expect(await day.textContent()).toBe("01632 960000");
    expect(await day.getAttribute("dir")).toBe("ltr");
    expect(await page.locator('main a[href="tel:08001234567"]').textContent()).toBe("0800 123 4567");
    await expectNoAxeViolations(page, "crisis plan in Arabic");

    await page.goto(`/people/${samId}/plan`);
    const team = page.locator("#team").locator("..");
    // Jo (the coordinator), Ben and Kerry have numbers; Dr Patel is reached "through Jo or the team office".
    expect(await team.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => `${a.getAttribute("href")} ${a.textContent}`))).toEqual([
      "tel:01632960000 01632 960000",
      "tel:01632960555 01632 960555",
      "tel:01632960777 01632 960777",
    ]);
    await expectNoAxeViolations(page, "plan in Arabic");
    await context.close();
  });
});

describe("urgent help on a 320 × 640 phone", () => {
  it.each(["en-GB", "ar"])("in %s, the first call is in view without scrolling, and the languages fold away", async (lng) => {
    const { context, page } = await phoneContext(lng, false);
    await page.goto("/urgent-help");
    await expectPageBasics(page, `urgent help at 320 in ${lng}`);
    await expectNoSidewaysScrolling(page, `urgent help in ${lng}`);
    const call = page.locator('main a[href="tel:999"]');
    const box = (await call.boundingBox())!;
    expect(box.y + box.height, `Call 999 ends at ${Math.round(box.y + box.height)} px`).toBeLessThanOrEqual(PHONE.height);
    // "Exit this page" is shown here too, on the service name's row (decision 059).
    const exit = page.locator("header form.exit-this-page button");
    expect(await exit.isVisible(), "Exit this page is visible").toBe(true);
    const exitBox = (await exit.boundingBox())!;
    expect(exitBox.y + exitBox.height, "Exit this page in view").toBeLessThanOrEqual(PHONE.height);
    // Few stops before it for someone using a keyboard: skip link, Get help now, Exit this page, Language
    // (the service name is not a link on this page; decision 059).
    let stops = 0;
    for (; stops < 20; stops++) {
      await page.keyboard.press("Tab");
      if (await call.evaluate((a) => a === document.activeElement)) break;
    }
    expect(stops).toBeLessThanOrEqual(4);
    // The ten languages are behind one "Language" control until it is opened (no JavaScript here).
    const welsh = page.locator('header button[name="lng"][value="cy"]');
    expect(await welsh.isVisible()).toBe(false);
    const control = page.locator("header summary");
    expect(await control.count()).toBe(1);
    await expectNoAxeViolations(page, `urgent help at 320 in ${lng}`);
    await control.click();
    expect(await welsh.isVisible()).toBe(true);
    expect(await page.locator('header button[name="lng"]').count()).toBe(languages.length);
    await expectNoAxeViolations(page, `urgent help at 320 in ${lng}, languages open`);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith("/language")), welsh.click()]);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("cy");
    await context.close();
  });

  it("in every language, Call 999 is in view without scrolling, on urgent help and its Easy Read version", async () => {
    const { context, page } = await phoneContext("en-GB", false);
    const late: string[] = [];
    for (const path of ["/urgent-help", "/urgent-help/easy-read"]) {
      for (const { code } of languages) {
        await page.goto(`${path}?lng=${code}`);
        const box = (await page.locator('main a[href="tel:999"]').first().boundingBox())!;
        if (box.y + box.height > PHONE.height) late.push(`${path} in ${code}: ends at ${Math.round(box.y + box.height)} px`);
      }
    }
    expect(late).toEqual([]);
    await context.close();
  });

  it("on a wide screen the languages are all shown, with no control to open", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/urgent-help");
    expect(await page.locator("header summary").isVisible()).toBe(false);
    for (const { code } of languages) expect(await page.locator(`header button[name="lng"][value="${code}"]`).isVisible(), code).toBe(true);
    await context.close();
  });
});

describe("small screens", () => {
  it.each(["en-GB", "ar"])("the progress chart is drawn for the width: labels readable at 320 px in %s", async (lng) => {
    const { context, page } = await phoneContext(lng);
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    const goal = await page.locator(".goal-list a").first().getAttribute("href");
    await page.goto(goal!);
    await expectPageBasics(page, `goal at 320 in ${lng}`);
    await expectNoSidewaysScrolling(page, `goal in ${lng}`);
    const labels = await page.locator(".chart__label").evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
    expect(labels.length).toBeGreaterThan(3);
    // About the size of small print: never the 5 px it was.
    for (const height of labels) expect(height).toBeGreaterThanOrEqual(14);
    await expectNoAxeViolations(page, `goal at 320 in ${lng}`);
    await context.close();
  });

  it.each(languages.map((l) => l.code))("the caseload fits 320 px in %s", async (lng) => {
    const { context, page } = await phoneContext(lng);
    await signIn(page, demoPeople.jo.email, { open: "/staff" });
    await expectNoSidewaysScrolling(page, `caseload in ${lng}`);
    const wider = await page.locator("header, main").evaluateAll((parts) =>
      parts
        .flatMap((part) => [part, ...part.querySelectorAll("*")])
        .filter((e) => !e.closest(".visually-hidden, thead") && e.getBoundingClientRect().width > 0)
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 || e.getBoundingClientRect().left < -0.5)
        .map((e) => `${e.tagName}.${e.className}`),
    );
    expect(wider, `caseload in ${lng}`).toEqual([]);
    expect(await page.locator("h1").evaluate((h) => h.scrollWidth - h.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe("what changed since you last looked", () => {
  it("links to each changed part and stays until Sam says he has seen it (a POST), with JavaScript off", async () => {
    // Jo changes the crisis plan and the care team.
    const staff = await newContext(browser, { javaScript: false });
    const jo = await staff.newPage();
    await signIn(jo, demoPeople.jo.email, { open: `/people/${samId}/plan/edit/crisis` });
    await jo.getByRole("textbox", { name: "What helps (optional)" }).fill("Music, and a walk with Alex.");
    await Promise.all([jo.waitForURL((url) => url.pathname === `/people/${samId}/plan`), jo.getByRole("button", { name: "Save changes" }).click()]);
    await staff.close();

    const { context, page } = await phoneContext("en-GB", false);
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    const notice = page.getByRole("region", { name: "Changed since you last looked" });
    const link = notice.getByRole("link", { name: "Keeping safe: the crisis plan" });
    expect(await link.getAttribute("href")).toBe("#crisis");
    expect(await page.locator("#crisis").count()).toBe(1);
    await expectPageBasics(page, "plan with changes at 320");
    await expectNoSidewaysScrolling(page, "plan with changes");
    await expectNoAxeViolations(page, "plan with changes at 320");
    // Opening the plan again, or the crisis plan, changes nothing: the notice is still there.
    await page.goto(`/people/${samId}/plan/crisis`);
    await page.goto(`/people/${samId}/plan`);
    expect(await notice.count()).toBe(1);
    // A GET to the address the button posts to changes nothing either.
    await page.goto(`/people/${samId}/plan/seen`);
    expect(new URL(page.url()).pathname).toBe(`/people/${samId}/plan`);
    expect(await notice.count()).toBe(1);
    await Promise.all([page.waitForLoadState("load"), notice.getByRole("button", { name: "I have seen these changes" }).click()]);
    expect(new URL(page.url()).pathname).toBe(`/people/${samId}/plan`);
    expect(await notice.count()).toBe(0);
    await page.reload();
    expect(await notice.count()).toBe(0);
    await context.close();
  });
});

describe("markup", () => {
  it("a goal page uses each id once (the progress heading and its form had the same id)", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email, { open: `/people/${samId}/plan` });
    await page.goto((await page.locator(".goal-list a").first().getAttribute("href"))!);
    await expectPageBasics(page, "goal page");
    // The link after saving progress still lands on the progress heading.
    expect(await page.locator("#progress").evaluate((e) => e.tagName)).toBe("H2");
    await context.close();
  });

  it("/?lng=ar signed out goes to the sign-in page in Arabic", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto("/?lng=ar");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    // And a page that needs signing in keeps the language too.
    await context.clearCookies();
    await page.goto(`/people/${samId}/plan?lng=cy`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    await context.close();
  });
});
