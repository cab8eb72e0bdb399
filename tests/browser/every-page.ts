import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeople } from "#db/seed";
import { languages } from "~/i18n";
import {
  expectNoAxeViolations,
  expectPageBasics,
  expectTermsExplained,
  launch,
  newContext,
  recordIdFor,
  signIn,
  waitForHydration,
  watchConsole,
} from "../support/browser";

/**
 * Every route, as each demo person who can reach it, in every language: axe (WCAG 2.0/2.1/2.2
 * A and AA) finds nothing, and the page has its basic structure. JavaScript on, then off.
 *
 * The languages are split over four files (pages.*.test.ts) of about the same length, so the
 * browser project's two workers share them (issue 13): as one file they were 47 of the suite's
 * 52 minutes, run by one worker while the other ran out of files.
 */
export const languagesOfFile = {
  "en-GB": ["en-GB"],
  ar: ["ar"],
  "pa-bn-cy": ["pa", "bn", "cy"],
  "pl-ro-so-ur-zh": ["pl", "ro", "so", "ur", "zh-Hans"],
} as const;

/** Every supported language is in exactly one file. */
const covered = Object.values(languagesOfFile).flat() as string[];
const missing = languages.map((l) => l.code).filter((code) => covered.filter((c) => c === code).length !== 1);
if (missing.length || covered.length !== languages.length) {
  throw new Error(`languagesOfFile must list each supported language once; check ${missing.join(", ") || "the list"}`);
}

export function describeEveryPage(file: keyof typeof languagesOfFile): void {
  const codes: readonly string[] = languagesOfFile[file];
  beforeAll(setUp);
  afterAll(tidyUp);
  describe.each(codes)("every page in %s", everyPageIn);
}

let browser: Browser;
/** How many pages one test checks at once. */
const parallelTabs = Number(process.env.PAGES_PARALLEL_TABS ?? 3);
const ids = { sam: "", maya: "", samAccount: "", joAccount: "", samGoal: "", samTeamMember: "", alexRelationship: "", priyaRelationship: "", samConsultee: "", samAppointment: "", samThread: "" };

/** Setting up and tidying up need only forms and links: without the bundles each page loads faster. */
const withoutScripts = { javaScript: false };

async function setUp() {
  browser = await launch();
  ids.sam = await recordIdFor(browser, demoPeople.sam.email);
  ids.maya = await recordIdFor(browser, demoPeople.maya.email);
  const context = await newContext(browser, withoutScripts);
  const page = await context.newPage();
  await signIn(page, demoPeople.sam.email, { open: `/people/${ids.sam}/plan` });
  const goalHref = await page.locator('main a[href*="/goals/"]:not([href$="/new"])').first().getAttribute("href");
  ids.samGoal = goalHref!.split("/").pop()!;
  await page.goto(`/people/${ids.sam}/appointments`);
  const askHref = await page.locator('main a[href$="/ask"]').first().getAttribute("href");
  ids.samAppointment = askHref!.split("/").at(-2)!;
  await page.goto(`/people/${ids.sam}/sharing`);
  const sharingHref = await page.locator('main a[href*="/sharing/"]:not([href$="/invite"]):not([href$="/easy-read"])').first().getAttribute("href");
  ids.alexRelationship = sharingHref!.split("/").pop()!;
  const priyaHref = await page.locator(".supporter", { hasText: "Priya Shah" }).locator('a[href*="/sharing/"]').first().getAttribute("href");
  ids.priyaRelationship = priyaHref!.split("/").pop()!;
  // A person to consult and an attorney record, so their check pages can be visited; removed in afterAll.
  await page.goto(`/people/${ids.sam}/decisions/consult/new`);
  await page.locator('input[name="name"]').fill("Pages Test Person");
  await page.locator('input[name="relationship"]').fill("Friend");
  await page.locator('input[name="scopes"][value="money"]').check();
  await Promise.all([page.waitForURL(/\/decisions(#\w+)?$/), page.locator('main button[type="submit"]').click()]);
  const consultHref = await page.locator('main a[href*="/decisions/consult/"][href$="/remove"]').first().getAttribute("href");
  ids.samConsultee = consultHref!.split("/").at(-2)!;
  await page.goto(`/people/${ids.sam}/decisions/attorney`);
  await page.locator('input[name="kind"][value="lpa"]').check();
  await page.locator('textarea[name="names"]').fill("Pages Test Attorney");
  await page.locator('input[name="lifeSustaining"][value="not_sure"]').check();
  await Promise.all([page.waitForURL(/\/decisions(#\w+)?$/), page.locator('main button[type="submit"]').click()]);
  // A message thread with the care team, so its page can be visited (threads are kept: there is no removing one).
  await page.goto(`/people/${ids.sam}/messages/new`);
  await page.locator('input[name="subject"]').fill("Pages test");
  await page.locator('textarea[name="body"]').fill("A message for the page checks.");
  await Promise.all([page.waitForURL(/\/messages\/[0-9a-f-]{36}$/), page.locator('main button[type="submit"]').click()]);
  ids.samThread = new URL(page.url()).pathname.split("/").pop()!;
  await context.close();
  const staff = await newContext(browser, withoutScripts);
  const jo = await staff.newPage();
  await signIn(jo, demoPeople.jo.email, { open: `/people/${ids.sam}/plan` });
  const memberHref = await jo.locator('.team-list a[href*="/team/"]').first().getAttribute("href");
  ids.samTeamMember = memberHref!.split("/").pop()!;
  await staff.close();
  // Sam's account, as the admin's list links to it.
  const admin = await newContext(browser, withoutScripts);
  const rowan = await admin.newPage();
  await signIn(rowan, demoPeople.rowan.email, { open: "/admin/accounts?role=service_user" });
  const accountHref = await rowan.locator(".account-list a", { hasText: "Sam Taylor" }).getAttribute("href");
  ids.samAccount = accountHref!.split("/").pop()!;
  // Jo's, who has an authenticator app an admin could reset.
  await rowan.goto("/admin/accounts?role=staff");
  const joHref = await rowan.locator(".account-list a", { hasText: "Jo Okafor" }).getAttribute("href");
  ids.joAccount = joHref!.split("/").pop()!;
  await admin.close();
}

async function tidyUp() {
  // Leave Sam's decisions as they were.
  if (browser && ids.samConsultee) {
    const context = await newContext(browser, withoutScripts);
    const page = await context.newPage();
    await signIn(page, demoPeople.sam.email);
    for (const path of [`/people/${ids.sam}/decisions/consult/${ids.samConsultee}/remove`, `/people/${ids.sam}/decisions/attorney-remove`]) {
      await page.goto(path);
      await Promise.all([page.waitForURL(/\/decisions(#\w+)?$/), page.locator('main button[type="submit"]').click()]);
    }
    await context.close();
  }
  await browser?.close();
}

type Who = keyof typeof demoPeople | "anonymous";
const routes: { who: Who; paths: () => string[] }[] = [
  {
    who: "anonymous",
    paths: () => [
      "/login",
      "/urgent-help",
      "/urgent-help/easy-read",
      "/accessibility",
      "/privacy",
      "/staying-safe",
      "/young-carers",
      "/advocacy",
      "/words-we-use",
      "/invitations/not-a-real-token",
      "/look-after-someone",
      "/look-after-someone?done=1",
      "/no-such-page",
    ],
  },
  {
    who: "sam",
    paths: () => [
      "/",
      `/people/${ids.sam}`,
      `/people/${ids.sam}/plan`,
      `/people/${ids.sam}/plan/crisis`,
      `/people/${ids.sam}/plan/crisis/easy-read`,
      `/people/${ids.sam}/recovery`,
      `/people/${ids.sam}/goals/new`,
      `/people/${ids.sam}/goals/${ids.samGoal}`,
      `/people/${ids.sam}/goals/${ids.samGoal}/edit`,
      `/people/${ids.sam}/plan/versions`,
      `/people/${ids.sam}/plan/versions/1`,
      `/people/${ids.sam}/sharing`,
      `/people/${ids.sam}/sharing/${ids.alexRelationship}`,
      `/people/${ids.sam}/sharing/${ids.priyaRelationship}`,
      `/people/${ids.sam}/sharing/invite`,
      `/people/${ids.sam}/family`,
      `/people/${ids.sam}/access-log`,
      "/communication-needs",
      `/people/${ids.sam}/requests`,
      `/people/${ids.sam}/requests/interpreter`,
      `/people/${ids.sam}/requests/advocate`,
      `/people/${ids.sam}/requests/format`,
      `/people/${ids.sam}/requests/share-needs`,
      `/people/${ids.sam}/appointments`,
      `/people/${ids.sam}/appointments/${ids.samAppointment}/ask`,
      `/people/${ids.sam}/decisions`,
      `/people/${ids.sam}/decisions/wishes`,
      `/people/${ids.sam}/decisions/advance`,
      `/people/${ids.sam}/decisions/consult/new`,
      `/people/${ids.sam}/decisions/consult/${ids.samConsultee}/remove`,
      `/people/${ids.sam}/decisions/attorney`,
      `/people/${ids.sam}/decisions/attorney-remove`,
      `/people/${ids.sam}/decisions/nominated-person`,
      `/people/${ids.sam}/copy`,
      `/people/${ids.sam}/copy/readable`,
      `/people/${ids.sam}/messages`,
      `/people/${ids.sam}/messages/new`,
      `/people/${ids.sam}/messages/${ids.samThread}`,
      `/people/${ids.sam}/how-i-am-doing`,
      `/people/${ids.sam}/how-i-am-doing/new`,
      "/advocacy",
      "/urgent-help",
      "/accessibility",
      "/privacy",
      "/staying-safe",
      "/no-such-page",
    ],
  },
  {
    who: "alex",
    paths: () => [
      "/",
      `/people/${ids.sam}`,
      `/people/${ids.sam}/plan`,
      `/people/${ids.sam}/plan/crisis`,
      `/people/${ids.sam}/plan/crisis/easy-read`,
      `/people/${ids.sam}/appointments`,
      "/carer",
      `/people/${ids.sam}/tell-the-team`,
      "/carer/needs",
      "/carer/needs/caring",
      "/carer/needs/othersICareFor",
      "/carer/needs/dayToDay",
      "/carer/assessment",
      "/carer/tell-the-team",
      "/communication-needs",
      "/young-carers",
      "/advocacy",
      "/account",
      "/account/password",
      "/account/authenticator",
      "/account/notifications",
    ],
  },
  {
    who: "priya",
    paths: () => [
      "/",
      `/people/${ids.sam}`,
      `/people/${ids.sam}/plan`,
      `/people/${ids.sam}/goals/${ids.samGoal}`,
      `/people/${ids.sam}/goals/new`,
      `/people/${ids.sam}/recovery`,
      `/people/${ids.sam}/requests`,
      `/people/${ids.sam}/requests/advocate`,
      `/people/${ids.sam}/appointments`,
      `/people/${ids.sam}/appointments/${ids.samAppointment}/ask`,
      `/people/${ids.sam}/decisions`,
      `/people/${ids.sam}/decisions/wishes`,
      `/people/${ids.sam}/decisions/advance`,
      `/people/${ids.sam}/decisions/consult/new`,
      `/people/${ids.sam}/decisions/attorney`,
      `/people/${ids.sam}/decisions/nominated-person`,
      `/people/${ids.sam}/how-i-am-doing`,
      `/people/${ids.sam}/how-i-am-doing/new`,
      "/advocacy",
    ],
  },
  {
    who: "jo",
    paths: () => [
      "/",
      `/people/${ids.sam}`,
      `/people/${ids.sam}/plan`,
      `/people/${ids.sam}/recovery`,
      `/people/${ids.sam}/goals/${ids.samGoal}`,
      `/people/${ids.sam}/plan/edit/crisis`,
      `/people/${ids.sam}/plan/edit/needs`,
      `/people/${ids.sam}/plan/edit/wishes`,
      `/people/${ids.sam}/reviews/new`,
      `/people/${ids.sam}/goals/suggest`,
      `/people/${ids.sam}/plan/level`,
      `/people/${ids.sam}/plan/edit/support`,
      `/people/${ids.sam}/plan/coordinator`,
      `/people/${ids.sam}/team/new`,
      `/people/${ids.sam}/team/${ids.samTeamMember}`,
      `/people/${ids.sam}/team/${ids.samTeamMember}/remove`,
      `/people/${ids.sam}/carers`,
      `/people/${ids.sam}/acting-for`,
      `/people/${ids.sam}/communication-needs`,
      `/people/${ids.sam}/requests`,
      `/people/${ids.sam}/requests/advocate`,
      `/people/${ids.sam}/requests/format`,
      "/staff/requests",
      `/people/${ids.sam}/appointments`,
      `/people/${ids.sam}/appointments/new`,
      `/people/${ids.sam}/appointments/${ids.samAppointment}`,
      "/staff/messages",
      `/people/${ids.sam}/messages`,
      `/people/${ids.sam}/messages/${ids.samThread}`,
      "/staff/carers",
      `/people/${ids.sam}/decisions`,
      `/people/${ids.sam}/decisions/wishes`,
      `/people/${ids.sam}/decisions/advance`,
      `/people/${ids.sam}/decisions/adrt`,
      `/people/${ids.sam}/decisions/attorney-registered`,
      `/people/${ids.sam}/decisions/best-interests/new`,
      `/people/${ids.sam}/plan/versions/2`,
      `/people/${ids.sam}/access-log`,
      `/people/${ids.sam}/how-i-am-doing`,
      "/staff",
      "/staff/attention",
      "/staff/invitations/new",
      "/staff/invitations/new?kind=service_user",
      "/staff/invitations/new?kind=carer_of",
      "/staff/notifications",
      "/account",
      "/account/password",
      "/account/authenticator",
      "/account/notifications",
    ],
  },
  { who: "maya", paths: () => ["/", `/people/${ids.maya}`, `/people/${ids.maya}/plan`, `/people/${ids.maya}/plan/crisis`, `/people/${ids.maya}/decisions`] },
  { who: "tom", paths: () => ["/", `/people/${ids.maya}`, `/people/${ids.maya}/plan`, "/staff", `/people/${ids.maya}/decisions`, "/staff/attention"] },
  {
    who: "rowan",
    paths: () => [
      "/",
      "/admin/accounts",
      "/admin/accounts/new",
      `/admin/accounts/${ids.samAccount}`,
      `/admin/accounts/${ids.samAccount}/disable`,
      `/admin/accounts/${ids.samAccount}/password-link`,
      `/people/${ids.sam}/access-log`,
      `/admin/accounts/${ids.joAccount}/authenticator`,
      "/admin/notifications",
      "/admin/imports",
    ],
  },
];

/**
 * Every route in English and in one right-to-left language, with JavaScript on and off, and in
 * one Indic script with it on. The other languages each take a different share of the routes, so
 * together they cover every route while the run stays short enough to run on every change.
 */
const everyRoute: Record<string, { javaScriptOff: boolean }> = { "en-GB": { javaScriptOff: true }, ar: { javaScriptOff: true }, pa: { javaScriptOff: false } };

function pathsFor(lng: string, javaScript: boolean, paths: string[]): string[] {
  const full = everyRoute[lng];
  if (full) return javaScript || full.javaScriptOff ? paths : [];
  const index = languages.findIndex((l) => l.code === lng);
  const share = javaScript ? 3 : 6;
  return paths.filter((_, i) => i % share === index % share);
}

function everyPageIn(lng: string) {
  for (const javaScript of [true, false]) {
    // Only the people with a share of routes in this language and mode (the path count needs no ids).
    const active = routes.filter((r) => pathsFor(lng, javaScript, r.paths()).length > 0);
    if (!active.length) continue;
    describe(javaScript ? "JavaScript on" : "JavaScript off", () => {
      it.each(active.map((r) => [r.who, r] as const))("as %s: axe finds nothing", async (_who, route) => {
        const paths = pathsFor(lng, javaScript, route.paths());
        const context = await newContext(browser, { lng, javaScript });
        const problems: string[][] = [];
        const first = await context.newPage();
        problems.push(watchConsole(first));
        try {
          // The session only: the first tab's first path is the first page loaded.
          if (route.who !== "anonymous") await signIn(first, demoPeople[route.who].email, { open: null });
          const titles = new Map<string, string>();
          const check = async (page: Page, path: string) => {
            const response = await page.goto(path);
            if (javaScript) await waitForHydration(page);
            const label = `${path} as ${route.who} in ${lng}${javaScript ? "" : " without JavaScript"}`;
            expect(response?.status(), label).toBe(path === "/no-such-page" ? 404 : 200);
            const html = await page.evaluate(() => ({
              lang: document.documentElement.lang,
              dir: document.documentElement.dir,
              title: document.title,
              hydrated: document.documentElement.hasAttribute("data-hydrated"),
            }));
            // With JavaScript off, the bundles really were blocked: React never ran.
            if (!javaScript) expect(html.hydrated, `${label}: hydrated though JavaScript is off`).toBe(false);
            expect(html.lang, label).toBe(lng);
            expect(html.dir, label).toBe(languages.find((l) => l.code === lng)!.dir);
            await expectPageBasics(page, label);
            if (lng === "en-GB") await expectTermsExplained(page, label);
            // Two different pages that one person can see never share a title.
            const title = html.title;
            const other = titles.get(title);
            expect(other === undefined || other === path, `${label}: title "${title}" is also ${other}'s`).toBe(true);
            titles.set(title, path);
            await expectNoAxeViolations(page, label);
          };
          // The pages are checked in a few tabs at once (one signed-in context), each taking the next path.
          const queue = [...paths];
          const tabs = Array.from({ length: Math.min(parallelTabs, paths.length) }, async (_, i) => {
            const page = i === 0 ? first : await context.newPage();
            if (i > 0) problems.push(watchConsole(page));
            for (let path = queue.shift(); path !== undefined; path = queue.shift()) await check(page, path);
          });
          const failed = (await Promise.allSettled(tabs)).find((r) => r.status === "rejected");
          if (failed) throw failed.reason;
          // With JavaScript off the blocked bundles log network errors; only check the console with it on.
          // The 404 page's own status is logged as a failed load: that one is expected.
          if (javaScript) expect(problems.flat().filter((p) => !/status of 404/.test(p))).toEqual([]);
        } finally {
          await context.close();
        }
      });
    });
  }
}
