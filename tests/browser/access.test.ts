import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { baseURL, launch, newContext, recordIdFor, signIn, plain } from "../support/browser";

let browser: Browser;
let samId = "";
beforeAll(async () => {
  browser = await launch();
  samId = await recordIdFor(browser, demoPeople.sam.email);
});
afterAll(async () => {
  await browser?.close();
});

describe("who can open what", () => {
  it.each(["maya", "tom"] as const)("%s cannot open Sam's record: 404, and nothing of Sam's in the response", async (who) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople[who].email);
    const response = await page.goto(`/people/${samId}`);
    expect(response?.status()).toBe(404);
    const body = await response!.text();
    expect(body).not.toContain("Sam Taylor");
    expect(body).not.toContain("Jo Okafor");
    await expect.poll(() => page.locator("h1").textContent()).toBe("Page not found");
    await context.close();
  });

  it.each(["sam", "alex", "priya", "maya"] as const)("%s cannot open the caseload or the staff invitation page", async (who) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople[who].email);
    const response = await page.goto("/staff/invitations/new?kind=service_user");
    expect(response?.status()).toBe(404);
    expect((await page.goto("/staff"))?.status()).toBe(404);
    await context.close();
  });

  it("Alex sees Sam's care team (shared) but is told what is shared, nothing more", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.alex.email, { open: `/people/${samId}` });
    const main = plain((await page.locator("main").textContent()) ?? "");
    expect(main).toContain("You are looking at Sam Taylor’s record, as their carer.");
    expect(main).toContain("The crisis plan");
    expect(main).toContain("Care team contact details");
    expect(main).toContain("Jo Okafor");
    await context.close();
  });

  it("signed-out visitors are sent to sign in, and come back afterwards", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/people/${samId}`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.locator('input[name="email"]').fill(demoPeople.sam.email);
    await page.locator('input[name="password"]').fill("demo-portal-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === `/people/${samId}`);
    await context.close();
  });
});

describe("HTTP protections", () => {
  it("signed-in pages are never cached, and carry a CSP with a nonce", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email);
    const response = await page.goto("/");
    const headers = response!.headers();
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["x-powered-by"]).toBeUndefined();
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await context.close();
  });

  it("a form post without its CSRF token is refused", async () => {
    const response = await fetch(`${baseURL()}/login`, {
      method: "POST",
      body: new URLSearchParams({ email: demoPeople.sam.email, password: "demo-portal-pass" }),
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("__session");
  });

  it("/urgent-help works signed out and offers every number as a phone link", async () => {
    const response = await fetch(`${baseURL()}/urgent-help`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const tel of ["tel:999", "tel:111", "tel:116123", "tel:08001234567"]) expect(html).toContain(`href="${tel}"`);
  });
});
