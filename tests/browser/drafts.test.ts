import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoPeople, demoStaffEmails } from "#db/seed";
import { createPgCluster, type PgCluster } from "../support/pg-cluster";
import { eventually, runPortal, status, type PortalProcess } from "../support/portal-process";
import { completeSecondStep, expectNoAxeViolations, launch, plain, withoutBundles } from "../support/browser";
import { forgetDemoTotpSteps } from "../support/second-factor";

/**
 * Answers survive a session ending (decision 033). The session has to end on the server while a
 * form is open, so this runs its own portal on a PostgreSQL of its own: the test can age the
 * session row there, as 30 minutes of doing nothing would.
 */
const database = "drafts";
let cluster: PgCluster;
let portal: PortalProcess;
let base = "";
let browser: Browser;
let samId = "";

beforeAll(async () => {
  cluster = await createPgCluster();
  cluster.start();
  cluster.psql(`CREATE DATABASE ${database}`);
  const env = {
    DATABASE_URL: cluster.url(database),
    SESSION_SECRET: "d".repeat(40),
    PUBLIC_URL: "http://127.0.0.1",
    ALLOW_DEMO_DATA: "true",
  };
  const seeded = runPortal(env, ["seed", "--demo"]);
  expect(await seeded.exited).toBe(0);
  samId = cluster.psql(`SELECT id FROM service_users WHERE display_name = '${demoPeople.sam.displayName}'`, database);
  portal = runPortal({ ...env, PORT: "0" });
  base = await portal.listening;
  await eventually(async () => (await status(`${base}/readyz`)) === 200, 120_000, "the portal is ready");
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  cluster?.destroy();
});

async function newContext(javaScript: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1024, height: 800 } });
  if (!javaScript) withoutBundles(context);
  return context;
}

async function signInWithForm(page: Page, email: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
  if (demoStaffEmails.includes(email)) {
    // Jo signs in about 14 times here, and a code works once: two a 30-second step at most, so this
    // would wait minutes for new codes. This database is the test's own, so it clears the last step
    // taken instead (that a code works only once is checked in app/models/account-security.db.test.ts).
    cluster.psql(`UPDATE accounts SET totp_last_step = NULL WHERE email = '${email}'`, database);
    forgetDemoTotpSteps(base, email);
  }
  await completeSecondStep(page, email);
}

/** How many forms are kept for this account. */
function draftsOf(email: string): string {
  return cluster.psql(`SELECT count(*) FROM form_drafts WHERE account_id = (SELECT id FROM accounts WHERE email = '${email}')`, database);
}

/** What 31 minutes of doing nothing does to every session of this account. */
function endSessionsOf(email: string): void {
  cluster.psql(
    `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE account_id = (SELECT id FROM accounts WHERE email = '${email}')`,
    database,
  );
}

describe.each([false, true])("a form saved after the session ended (JavaScript %s)", (javaScript) => {
  it("keeps what was typed, encrypted, and brings it back on the form after signing in again", async () => {
    const context = await newContext(javaScript);
    const page = await context.newPage();
    const form = `/people/${samId}/plan/edit/crisis`;
    await page.goto(form);
    expect(new URL(page.url()).pathname).toBe("/login");
    await signInWithForm(page, demoPeople.jo.email);
    expect(new URL(page.url()).pathname).toBe(form);

    const typed = `Phone Alex first, then the crisis line. (${javaScript ? "with" : "without"} JavaScript)`;
    const whatHelps = page.getByRole("textbox", { name: "What helps" });
    await whatHelps.fill(typed);
    endSessionsOf(demoPeople.jo.email);
    await Promise.all([page.waitForURL((url) => url.pathname === "/login"), page.getByRole("button", { name: "Save" }).click()]);

    // The sign-in page says what happened; the address names the form but holds nothing typed.
    const address = new URL(page.url());
    expect(address.searchParams.get("redirectTo")).toBe(form);
    expect(address.searchParams.get("reason")).toBe("kept");
    expect(decodeURIComponent(page.url())).not.toContain("Phone Alex");
    const notice = page.getByRole("region", { name: "Your session ended" });
    await expect.poll(async () => plain(await notice.textContent())).toContain("Sign in again and we will bring back what you typed.");
    await expectNoAxeViolations(page, "sign-in page after a form was kept");

    // Kept on the server, encrypted; nothing in the browser's storage.
    const stored = cluster.psql(
      `SELECT fields FROM form_drafts WHERE account_id = (SELECT id FROM accounts WHERE email = '${demoPeople.jo.email}')`,
      database,
    );
    expect(stored).not.toBe("");
    expect(stored).not.toContain("Phone Alex");
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain("Phone");
    // The plan itself is unchanged: nothing was saved for them.
    expect(cluster.psql(`SELECT count(*) FROM care_plan_versions WHERE strpos(content::text, '${typed}') > 0`, database)).toBe("0");

    await signInWithForm(page, demoPeople.jo.email);
    expect(new URL(page.url()).pathname).toBe(form);
    expect(await page.getByRole("textbox", { name: "What helps" }).inputValue()).toBe(typed);
    const restored = page.getByRole("region", { name: "We kept what you typed" });
    expect(plain(await restored.textContent())).toContain("Check your answers, then save them.");
    await expectNoAxeViolations(page, "crisis plan edit with what was typed brought back");
    // Given back once: it is no longer kept.
    expect(draftsOf(demoPeople.jo.email)).toBe("0");

    await Promise.all([page.waitForURL(/\/plan#crisis$/), page.getByRole("button", { name: "Save" }).click()]);
    await page.goto(`/people/${samId}/plan/crisis`);
    expect(await page.locator("main").textContent()).toContain(typed);
    await context.close();
  });
});

describe("a kept form is only for the person who typed it", () => {
  it("someone else signing in on the same browser does not get it", async () => {
    const context = await newContext(false);
    const page = await context.newPage();
    const form = `/people/${samId}/recovery`;
    await page.goto(form);
    await signInWithForm(page, demoPeople.sam.email);
    await page.getByRole("textbox", { name: /recovery/i }).first().fill("Back at the allotment by spring.");
    endSessionsOf(demoPeople.sam.email);
    await Promise.all([page.waitForURL((url) => url.pathname === "/login"), page.getByRole("button", { name: /save/i }).click()]);
    expect(draftsOf(demoPeople.sam.email)).toBe("1");

    // Alex (Sam's carer) signs in next on this browser, and goes to the same page.
    await signInWithForm(page, demoPeople.alex.email);
    await page.goto(form);
    expect(await page.locator("main").textContent()).not.toContain("Back at the allotment");
    expect(await page.getByRole("region", { name: "We kept what you typed" }).count()).toBe(0);
    expect(draftsOf(demoPeople.sam.email)).toBe("1");
    await context.close();
  });
});

describe("a kept form with a date", () => {
  it("brings back each part of the date and the words, and saves them", async () => {
    const context = await newContext(false);
    const page = await context.newPage();
    const form = `/people/${samId}/goals/new`;
    await page.goto(form);
    await signInWithForm(page, demoPeople.sam.email);
    expect(new URL(page.url()).pathname).toBe(form);
    await page.getByRole("textbox", { name: "What do you want to do?" }).fill("Swim once a week");
    await page.locator('input[name="targetDate.day"]').fill("27");
    await page.locator('input[name="targetDate.month"]').fill("3");
    await page.locator('input[name="targetDate.year"]').fill("2027");
    endSessionsOf(demoPeople.sam.email);
    await Promise.all([page.waitForURL((url) => url.pathname === "/login"), page.getByRole("button", { name: "Save goal" }).click()]);
    expect(new URL(page.url()).searchParams.get("reason")).toBe("kept");

    await signInWithForm(page, demoPeople.sam.email);
    expect(new URL(page.url()).pathname).toBe(form);
    expect(await page.getByRole("textbox", { name: "What do you want to do?" }).inputValue()).toBe("Swim once a week");
    expect(await page.locator('input[name="targetDate.day"]').inputValue()).toBe("27");
    expect(await page.locator('input[name="targetDate.month"]').inputValue()).toBe("3");
    expect(await page.locator('input[name="targetDate.year"]').inputValue()).toBe("2027");
    await Promise.all([page.waitForURL((url) => url.pathname !== form), page.getByRole("button", { name: "Save goal" }).click()]);
    expect(cluster.psql(`SELECT count(*) FROM goals WHERE what = 'Swim once a week'`, database)).toBe("1");
    await context.close();
  });
});

/**
 * Every other form that keeps what was typed (issue 15 item 5): one round trip each, without
 * JavaScript (the same posts; the JavaScript path is shown on the crisis plan above). One browser
 * context per person, signed in once; each sign-in after a kept form also brings them back.
 * app/web/drafts-forms.db.test.ts checks the loaders of these pages and the earlier ones.
 */
describe("every form that keeps what was typed", () => {
  interface Ids {
    sam: string;
    goal: string;
    priyaRel: string;
    request: string;
  }
  interface Row {
    name: string;
    path: (ids: Ids) => string;
    /** The field's name; a radio button is given by its value too. */
    field: string;
    value: string;
    radio?: boolean;
  }
  const forSam: Row[] = [
    { name: "interpreter request", path: (i) => `/people/${i.sam}/requests/interpreter`, field: "dialect", value: "Sylheti, from Sylhet town" },
    { name: "advocate request", path: (i) => `/people/${i.sam}/requests/advocate`, field: "about", value: "My review next month" },
    { name: "format request", path: (i) => `/people/${i.sam}/requests/format`, field: "attachmentFormat", value: "Large print PDF" },
    { name: "sharing with Priya", path: (i) => `/people/${i.sam}/sharing/${i.priyaRel}`, field: "endsOn.day", value: "12" },
    { name: "Priya acting for Sam", path: (i) => `/people/${i.sam}/sharing/${i.priyaRel}`, field: "act", value: "no", radio: true },
    { name: "inviting a carer", path: (i) => `/people/${i.sam}/sharing/invite`, field: "displayName", value: "Robin Taylor" },
    { name: "someone to consult", path: (i) => `/people/${i.sam}/decisions/consult/new`, field: "name", value: "Auntie Grace" },
    { name: "attorney", path: (i) => `/people/${i.sam}/decisions/attorney`, field: "names", value: "Alex Taylor and Grace Taylor" },
    { name: "nominated person", path: (i) => `/people/${i.sam}/decisions/nominated-person`, field: "name", value: "Grace Taylor" },
    { name: "goal progress", path: (i) => `/people/${i.sam}/goals/${i.goal}`, field: "note", value: "Walked to the park twice" },
    { name: "family", path: (i) => `/people/${i.sam}/family`, field: "name", value: "Mia" },
    { name: "comment on a plan version", path: (i) => `/people/${i.sam}/plan/versions/1`, field: "comment", value: "The crisis part is right" },
  ];
  const forAlex: Row[] = [{ name: "carer's assessment", path: () => "/carer/assessment", field: "bestTime", value: "Weekday mornings" }];
  const forJo: Row[] = [
    { name: "plan level", path: (i) => `/people/${i.sam}/plan/level`, field: "reason", value: "Sam is doing well with less support" },
    { name: "care coordinator", path: (i) => `/people/${i.sam}/plan/coordinator`, field: "reason", value: "Jo is moving team" },
    { name: "acting for Sam", path: (i) => `/people/${i.sam}/acting-for`, field: "decision", value: "Where to live after hospital" },
    { name: "best interests decision", path: (i) => `/people/${i.sam}/decisions/best-interests/new`, field: "decision", value: "A flu jab this winter" },
    { name: "advance decision", path: (i) => `/people/${i.sam}/decisions/adrt`, field: "whereKept", value: "In the GP record" },
    { name: "attorney check", path: (i) => `/people/${i.sam}/decisions/attorney-registered`, field: "checkedOn.day", value: "2" },
    { name: "request status", path: (i) => `/people/${i.sam}/requests/${i.request}`, field: "note", value: "Easy read version ordered" },
    { name: "suggest a goal", path: (i) => `/people/${i.sam}/goals/suggest`, field: "what", value: "Join the walking group" },
    { name: "staff invitation", path: () => "/staff/invitations/new?kind=service_user", field: "displayName", value: "Kim Lee" },
  ];

  function seededIds(): Ids {
    const sql = (query: string) => cluster.psql(query, database).split("\n")[0]!;
    // An attorney to check and a request to update, as Sam would have made them.
    sql(`INSERT INTO health_attorneys (service_user_id, kind, names, life_sustaining) VALUES ('${samId}', 'lpa', 'Alex Taylor', 'not_sure') ON CONFLICT DO NOTHING`);
    const request = sql(
      `INSERT INTO support_requests (service_user_id, kind, details) VALUES ('${samId}', 'format', '{"document":"plan","format":"easy_read","attachmentFormat":"","delivery":"post"}') RETURNING id`,
    );
    return {
      sam: samId,
      goal: sql(`SELECT id FROM goals WHERE service_user_id = '${samId}' AND status = 'active' ORDER BY created_at LIMIT 1`),
      priyaRel: sql(`SELECT id FROM relationships WHERE service_user_id = '${samId}' AND kind = 'advocate_for'`),
      request,
    };
  }

  it.each([
    ["sam", forSam],
    ["alex", forAlex],
    ["jo", forJo],
  ] as const)("for %s, each form comes back after signing in again", async (who, rows) => {
    const ids = seededIds();
    const email = demoPeople[who].email;
    const context = await newContext(false);
    const page = await context.newPage();
    // A draft an earlier test left (Sam's, not given to Alex) stays; these are each given back once.
    const keptBefore = draftsOf(email);
    let signedIn = false;
    for (const row of rows) {
      const path = row.path(ids);
      await page.goto(path);
      if (!signedIn) {
        await signInWithForm(page, email);
        signedIn = true;
      }
      expect(new URL(page.url()).pathname, row.name).toBe(new URL(path, base).pathname);
      const field = row.radio ? page.locator(`input[name="${row.field}"][value="${row.value}"]`) : page.locator(`[name="${row.field}"]`);
      if (row.radio) await field.check({ force: true });
      else await field.fill(row.value);
      const form = page.locator("form", { has: field });
      endSessionsOf(email);
      await Promise.all([page.waitForURL((url) => url.pathname === "/login"), form.locator('button[type="submit"]').first().click()]);
      expect(new URL(page.url()).searchParams.get("reason"), row.name).toBe("kept");

      await signInWithForm(page, email);
      expect(page.url().slice(base.length), row.name).toBe(path);
      expect(await page.getByRole("region", { name: "We kept what you typed" }).count(), row.name).toBe(1);
      if (row.radio) expect(await field.isChecked(), row.name).toBe(true);
      else expect(await field.inputValue(), row.name).toBe(row.value);
    }
    expect(draftsOf(email)).toBe(keptBefore);
    await context.close();
  });
});
