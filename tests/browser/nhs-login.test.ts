import { cpSync, mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accounts, externalIdentities } from "#db/schema/index";
import { demoPeople } from "#db/seed";
import { createInvitation } from "~/models/invitation.server";
import { openDatabase, setDatabase } from "~/utils/db.server";
import { RECORD_VTR } from "~/web/nhs-login.server";
import { actorFor } from "../support/actors";
import { baseURL, expectNoAxeViolations, expectPageBasics, launch, newContext, plain } from "../support/browser";
import { startTestNhsLogin, type TestNhsLogin, type TestNhsPerson } from "../support/oidc-provider";
import { startServer, type RunningServer } from "../support/server";

/**
 * Signing in with NHS login end to end (SE-01 to SE-03, decision 051): a portal of this file's own,
 * set up for NHS login, and a real OpenID provider on loopback set up as NHS login is.
 */

const person = (sub: string, level: "P9" | "P5", givenName: string, familyName: string): TestNhsPerson => ({
  sub,
  level,
  givenName,
  familyName,
  nhsNumber: "9999999999",
  birthdate: "1990-01-01",
  email: `${givenName.toLowerCase()}@nhs-login.example`,
});
const people = [
  person("nhs-sam", "P9", "Sam", "Taylor"),
  // Maya's NHS login is linked, but her identity was checked only to P5.
  person("nhs-maya", "P5", "Maya", "Patel"),
  person("nhs-ruth", "P9", "Ruth", "Evans"),
  person("nhs-stranger", "P9", "Lee", "Stranger"),
];

let browser: Browser;
let nhsLogin: TestNhsLogin;
let portal: RunningServer;
let ruthInvitation: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  browser = await launch();
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/login/nhs/callback`;
  nhsLogin = await startTestNhsLogin({ redirectUri, people });

  // A copy of the seeded database where Sam's and Maya's NHS logins are already linked, and Jo has invited Ruth.
  const dataDir = path.join(mkdtempSync(path.join(inject("runDir"), "nhs-login-")), "pglite");
  cpSync(inject("seededDataDir"), dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  setDatabase(handle);
  try {
    for (const [sub, email] of [["nhs-sam", demoPeople.sam.email], ["nhs-maya", demoPeople.maya.email]] as const) {
      const [account] = await handle.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
      await handle.db.insert(externalIdentities).values({ provider: "nhs-login", subject: sub, accountId: account!.id });
    }
    const jo = await actorFor(demoPeople.jo.email);
    ruthInvitation = (
      await createInvitation(handle.db, jo, { kind: "service_user", displayName: "Ruth Evans", email: "ruth.nhs@example.org", planLevel: "cpa" })
    ).token;
  } finally {
    await handle.close();
    setDatabase(undefined);
  }
  portal = await startServer(
    {
      PORT: String(port),
      NHS_LOGIN_ISSUER: nhsLogin.issuer,
      NHS_LOGIN_CLIENT_ID: nhsLogin.clientId,
      NHS_LOGIN_PRIVATE_KEY: nhsLogin.portalKeyPem,
      NHS_LOGIN_REDIRECT_URI: redirectUri,
    },
    { from: dataDir, tmpRoot: inject("runDir") },
  );
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await nhsLogin?.stop();
});

const openPortal = (javaScript: boolean): Promise<BrowserContext> => newContext(browser, { javaScript, baseURL: portal.url });

/** "Continue with NHS login" on the page, then at (test) NHS login, sign in as `sub`. */
async function continueWithNhsLogin(page: Page, sub: string): Promise<void> {
  await page.getByRole("button", { name: "Continue with NHS login" }).click();
  await page.waitForURL((url) => url.origin === nhsLogin.issuer);
  await page.getByLabel("Test person").fill(sub);
  await page.getByRole("button", { name: "Sign in to NHS login" }).click();
  await page.waitForURL((url) => url.origin === portal.url);
}

/** A new browser on the portal's sign-in page, through NHS login as `sub`, back at the portal. */
async function fromSignInPage(javaScript: boolean, sub: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openPortal(javaScript);
  const page = await context.newPage();
  await page.goto("/login");
  await continueWithNhsLogin(page, sub);
  return { context, page };
}

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "__session");
}

describe.each([true, false])("signing in with NHS login (JavaScript %s)", (javaScript) => {
  it("offers NHS login above the email and password, and signs Sam in to his home", async () => {
    const context = await openPortal(javaScript);
    const page = await context.newPage();
    await page.goto("/login");
    const order = await page.evaluate(() => {
      const button = [...document.querySelectorAll("main button")].find((b) => b.textContent === "Continue with NHS login");
      const email = document.querySelector('main input[name="email"]');
      return button && email ? button.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING : -1;
    });
    expect(order, "the NHS login button comes before the email field").toBeGreaterThan(0);
    await expectPageBasics(page, "sign in with NHS login on");
    await expectNoAxeViolations(page, "sign in with NHS login on");

    await continueWithNhsLogin(page, "nhs-sam");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(async () => plain(await page.locator("h1").textContent())).toBe("Hello, Sam Taylor");
    // The portal asked for the identity level a record needs (P9 with two factors).
    expect(JSON.parse(nhsLogin.requestedVtr.at(-1)!)).toEqual([...RECORD_VTR]);
    expect(await sessionCookie(context)).toBeDefined();
    // The flow's cookie is cleared: its state, nonce and verifier serve once.
    expect((await context.cookies()).find((c) => c.name === "nhs_login_flow")).toBeUndefined();
    await context.close();
  });

  it("refuses a P5 identity for the record, saying plainly why and what to do", async () => {
    const { context, page } = await fromSignInPage(javaScript, "nhs-maya");
    expect(new URL(page.url()).pathname).toBe("/login/nhs/callback");
    expect(await page.locator("h1").textContent()).toBe("You need to prove who you are to see your record");
    expect(await page.title()).toBe("You need to prove who you are to see your record – Care portal");
    expect(await page.locator("main").textContent()).toContain("Prove who you are in the NHS App or on the NHS login website.");
    await expectPageBasics(page, "P5 refused");
    await expectNoAxeViolations(page, "P5 refused");
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto("/plan");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("refuses an answer meant for another flow (state that does not match)", async () => {
    const context = await openPortal(javaScript);
    const page = await context.newPage();
    // A first flow reaches NHS login's page; a second one starts, replacing this browser's flow.
    await page.goto("/login");
    await page.getByRole("button", { name: "Continue with NHS login" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    const firstFlow = page.url();
    await page.goto(`${portal.url}/login`);
    await page.getByRole("button", { name: "Continue with NHS login" }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    // The first flow's answer comes back, with its own state.
    await page.goto(firstFlow);
    await page.getByLabel("Test person").fill("nhs-sam");
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url);
    expect(new URL(page.url()).searchParams.get("code")).toBeTruthy();
    expect(await page.locator("h1").textContent()).toBe("Signing in with NHS login did not work");
    await expectNoAxeViolations(page, "NHS login failed");
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });

  it("tells someone NHS login knows but the portal does not that it could not find their record", async () => {
    const { context, page } = await fromSignInPage(javaScript, "nhs-stranger");
    expect(await page.locator("h1").textContent()).toBe("We could not find your record");
    expect(await page.locator("main").textContent()).toContain("Ask your care team for an invitation.");
    await expectPageBasics(page, "no record");
    await expectNoAxeViolations(page, "no record");
    expect(await sessionCookie(context)).toBeUndefined();
    await context.close();
  });
});

describe("in other languages", () => {
  it.each([
    ["ar", "rtl", "المتابعة باستخدام NHS login", "لم نتمكن من العثور على سجلك"],
    ["cy", "ltr", "Parhau gyda NHS login", "Doedden ni ddim yn gallu dod o hyd i'ch cofnod"],
  ])("the button and the no-record page in %s", async (lng, dir, button, heading) => {
    const context = await newContext(browser, { baseURL: portal.url, lng });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("dir")).toBe(dir);
    await page.getByRole("button", { name: button }).click();
    await page.waitForURL((url) => url.origin === nhsLogin.issuer);
    await page.getByLabel("Test person").fill("nhs-stranger");
    await page.getByRole("button", { name: "Sign in to NHS login" }).click();
    await page.waitForURL((url) => url.origin === portal.url);
    expect(await page.locator("h1").textContent()).toBe(heading);
    await expectNoAxeViolations(page, `no record (${lng})`);
    await context.close();
  });
});

describe("linking through an invitation", () => {
  it("Ruth accepts her invitation with NHS login, and next time NHS login alone signs her in", async () => {
    const context = await openPortal(true);
    const page = await context.newPage();
    await page.goto(`/invitations/${ruthInvitation}`);
    expect(await page.locator("h1").textContent()).toBe("Set up your account");
    await expectNoAxeViolations(page, "invitation with NHS login");
    await continueWithNhsLogin(page, "nhs-ruth");
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(async () => plain(await page.locator("h1").textContent())).toBe("Hello, Ruth Evans");
    await context.close();

    const again = await openPortal(false);
    const next = await again.newPage();
    await next.goto("/login");
    await continueWithNhsLogin(next, "nhs-ruth");
    await next.waitForURL((url) => url.pathname === "/");
    expect(plain(await next.locator("h1").textContent())).toBe("Hello, Ruth Evans");
    // The invitation is spent: opening it again says so.
    await next.goto(`/invitations/${ruthInvitation}`);
    expect(await next.locator("h1").textContent()).toBe("This invitation has already been used");
    await again.close();
  });
});

describe("with NHS login not set up", () => {
  it("the sign-in page has no NHS login button, and its routes are not there", async () => {
    const context = await newContext(browser, {});
    const page = await context.newPage();
    await page.goto(`${baseURL()}/login`);
    expect(await page.getByRole("button", { name: "Continue with NHS login" }).count()).toBe(0);
    const callback = await page.goto(`${baseURL()}/login/nhs/callback?code=x&state=y`);
    expect(callback?.status()).toBe(404);
    await context.close();
  });
});
