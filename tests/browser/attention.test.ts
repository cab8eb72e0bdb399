import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { formatDate } from "~/utils/locale-format";
import { baseURL, expectNoAxeViolations, expectPageBasics, keyGo, keyPress, keyType, launch, newContext, plain, recordIdFor, signIn } from "../support/browser";

/**
 * Issue 12 item 2: a carer's worry must not sit unseen. With JavaScript off and by keyboard alone,
 * Alex tells the team something; Jo sees it counted on her home page and caseload, finds it on
 * "What needs your attention", opens it and marks it done. Sam saying he does not agree with a
 * version of his plan shows there too. Tom, Maya's coordinator, sees none of it.
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

const WORRY = "Sam has not been answering his phone since Sunday and I am worried";

async function signedIn(email: string) {
  const context = await newContext(browser, { javaScript: false });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

const waiting = (page: Page) => page.locator("section[aria-labelledby='open-heading'] .attention-item");
const doneItems = (page: Page) => page.locator("section[aria-labelledby='done-heading'] .attention-item");
const homeCount = (n: number) => (n === 0 ? "Nothing needs your attention now." : n === 1 ? "1 thing needs your attention." : `${n} things need your attention.`);
const rowCount = (n: number) => (n === 1 ? "1 thing needs attention" : `${n} things need attention`);

describe("what needs staff attention, with JavaScript off and by keyboard", () => {
  it("Alex's worry shows on Jo's home page, caseload and attention page; Jo opens it and marks it done", async () => {
    const jo = await signedIn(demoPeople.jo.email);
    await jo.page.goto("/staff/attention");
    const before = await waiting(jo.page).count();
    const samBefore = await waiting(jo.page).filter({ hasText: "Sam Taylor" }).count();

    // Alex tells the team something, as a carer does.
    const alex = await signedIn(demoPeople.alex.email);
    await alex.page.goto("/carer");
    await keyGo(alex.page, alex.page.getByRole("link", { name: /^Tell the team something about .?Sam Taylor/ }));
    await keyType(alex.page, alex.page.getByRole("textbox", { name: "What do you want to tell the team?" }), WORRY);
    await keyGo(alex.page, alex.page.getByRole("button", { name: "Send to the team" }));
    expect(await alex.page.locator("h1").textContent()).toBe("Your message has been sent");
    // The attention page is for staff only.
    expect((await alex.page.request.get(`${baseURL()}/staff/attention`)).status()).toBe(404);
    await alex.context.close();

    // Jo's home page says how many things wait, and links to them.
    await jo.page.goto("/");
    const region = jo.page.getByRole("region", { name: "What needs your attention" });
    expect(plain(await region.textContent())).toContain(homeCount(before + 1));
    await expectNoAxeViolations(jo.page, "staff home page with things waiting");

    // Her caseload counts them on Sam's row.
    await jo.page.goto("/staff");
    const samRow = jo.page.getByRole("row", { name: /Sam Taylor/ });
    expect(plain(await samRow.textContent())).toContain(rowCount(samBefore + 1));
    await expectNoAxeViolations(jo.page, "caseload with counts");
    // The count leads to what is about Sam only.
    await keyGo(jo.page, samRow.getByRole("link", { name: rowCount(samBefore + 1) }));
    expect(new URL(jo.page.url()).search).toBe(`?person=${samId}`);
    expect(plain(await jo.page.locator("main").textContent())).toContain("Showing only what is about Sam Taylor.");
    expect(await waiting(jo.page).count()).toBe(samBefore + 1);
    await expectNoAxeViolations(jo.page, "what needs attention for Sam");

    await jo.page.goto("/");
    await keyGo(jo.page, region.getByRole("link", { name: "See what needs your attention" }));
    expect(new URL(jo.page.url()).pathname).toBe("/staff/attention");
    await expectPageBasics(jo.page, "what needs your attention");
    expect(await jo.page.title()).toMatch(/^What needs your attention – /);
    await expectNoAxeViolations(jo.page, "what needs your attention");
    expect(await waiting(jo.page).count()).toBe(before + 1);
    // Oldest first: Alex's message, the newest thing, is last.
    const item = waiting(jo.page).last();
    expect(plain(await item.textContent())).toContain("Message from Alex Taylor, who cares for Sam Taylor");
    expect(plain(await item.textContent())).toContain(WORRY);
    const today = formatDate(new Date().toISOString(), "en-GB");
    expect(plain(await item.textContent())).toContain(`Sent by Alex Taylor on ${today}`);

    // Open it where it is dealt with: the carers page, with the message.
    await keyGo(jo.page, item.getByRole("link", { name: /^Message from .?Alex Taylor/ }));
    expect(new URL(jo.page.url()).pathname).toBe(`/people/${samId}/carers`);
    expect(await jo.page.locator(".message", { hasText: WORRY }).textContent()).toContain("New");

    // Back on the attention page, mark it done: a POST, then it is listed as done by Jo today.
    await jo.page.goto("/staff/attention");
    const recordId = await waiting(jo.page).last().locator('input[name="recordId"]').getAttribute("value");
    await keyGo(jo.page, waiting(jo.page).last().getByRole("button", { name: /^Mark as done: Message from .?Alex Taylor/ }));
    expect(new URL(jo.page.url()).search).toBe("?done=1");
    expect(await jo.page.getByRole("main").getByRole("status").textContent()).toContain("Marked as done.");
    expect(await waiting(jo.page).count()).toBe(before);
    expect(await waiting(jo.page).filter({ hasText: WORRY }).count()).toBe(0);
    const done = doneItems(jo.page).filter({ hasText: /Message from .?Alex Taylor/ }).first();
    expect(plain(await done.textContent())).toContain(`Marked done by Jo Okafor on ${today}`);
    await expectNoAxeViolations(jo.page, "what needs your attention, after marking done");
    // The carers page now shows it read; the home page count is back.
    await jo.page.goto(`/people/${samId}/carers`);
    expect(await jo.page.locator(".message", { hasText: WORRY }).textContent()).toContain("Read on");
    await jo.page.goto("/");
    expect(plain(await region.textContent())).toContain(homeCount(before));

    // Tom, Maya's coordinator, never sees Sam's items and cannot mark them done.
    const tom = await signedIn(demoPeople.tom.email);
    await tom.page.goto("/staff/attention");
    expect(plain(await tom.page.locator("main").textContent())).not.toContain("Sam Taylor");
    await expectNoAxeViolations(tom.page, "what needs Tom's attention");
    const csrf = await tom.page.locator('input[name="csrf"]').first().getAttribute("value");
    const refused = await tom.page.request.post(`${baseURL()}/staff/attention`, {
      form: { csrf: csrf ?? "", kind: "carer_message", recordId: recordId ?? "" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(404);
    expect((await tom.page.request.get(`${baseURL()}/staff/attention?person=${samId}`)).status()).toBe(404);
    // Nothing changes on a GET.
    expect((await tom.page.request.get(`${baseURL()}/staff/attention?kind=carer_message&recordId=${recordId}`)).status()).toBe(200);
    await tom.context.close();
    await jo.context.close();
  });

  it("Sam saying he does not agree with a version of his plan shows on Jo's attention page", async () => {
    const sam = await signedIn(demoPeople.sam.email);
    await sam.page.goto(`/people/${samId}/plan/versions/2`);
    await keyPress(sam.page, sam.page.getByRole("radio", { name: "No, I do not agree" }), "Space");
    await keyType(sam.page, sam.page.getByRole("textbox", { name: /Anything you want to say about it/ }), "I did not say that about music.");
    await keyGo(sam.page, sam.page.getByRole("button", { name: "Send" }));
    await sam.context.close();

    const jo = await signedIn(demoPeople.jo.email);
    await jo.page.goto("/staff/attention");
    const item = waiting(jo.page).filter({ hasText: "I did not say that about music." });
    expect(plain(await item.textContent())).toContain("Sam Taylor does not agree with version 2 of the plan");
    await keyGo(jo.page, item.getByRole("link", { name: /does not agree with version 2/ }));
    expect(new URL(jo.page.url()).pathname).toBe(`/people/${samId}/plan/versions/2`);
    await jo.context.close();
  });
});
