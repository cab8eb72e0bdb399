import { createHash } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  accounts,
  carerAssessmentRequests,
  careTeamMembers,
  decisionConsultees as consultees,
  formSubmissions,
  goals,
  relationships,
  appointments,
  reviews,
  serviceUsers,
  supportRequests,
  messageThreads,
  notificationOutbox,
} from "#db/schema/index";
import { demoPeople } from "#db/seed";
import { can, type Action, type Actor } from "~/models/access.server";
import { openDatabase, setDatabase, getDb, type DatabaseHandle } from "~/utils/db.server";
import { actorHasRole, type Role } from "~/web/guards.server";
import { actorFor } from "../support/actors";
import { signUpAsCarer } from "~/models/carer-sign-up.server";
import { addRecordChildren } from "../support/record-children";
import { readRouteManifest, type ManifestRoute } from "../support/route-manifest";
import { secondStepOverHttp } from "../support/second-factor";
import { startServer, type RunningServer } from "../support/server";

/**
 * The authorisation matrix (issue 16, item 2): every page (every route in Remix's manifest that has
 * a loader) × every demo person and no one signed in × their own record and someone else's, asked of
 * the real server over HTTP. The expected answer comes from the access module, `can(actor, action)`,
 * with the action each route names in its guard, so the pages and the rules cannot drift apart. A
 * new route is in the matrix by itself; one whose guard the matrix cannot read fails it.
 *
 * Then every action (POST) the same way, with a valid CSRF token for the session and an empty body
 * (or the few fields a route needs to get past its first check): refused or sent to sign in when
 * `can()` says no, anything but a refusal when it says yes (a 400 for the empty form shows the guard
 * let it through). So that an allowed post changes nothing, each carries a form token already used
 * (put in the database before the server starts): a save that would run with an empty form (removing
 * a team member, say) is answered as a repeat and saves nothing.
 *
 * It has its own server and database (a copy of the seeded one, made here), so nothing else changes
 * what it sees. The pages are asked first, the actions after.
 */

let server: RunningServer;
let handle: DatabaseHandle | undefined;
type Who = keyof typeof demoPeople;
const people = Object.keys(demoPeople) as Who[];
const actors = {} as Record<Who, Actor>;
const cookies = {} as Record<Who, string>;
const records = { sam: "", maya: "" };
/** Ids of things inside each record, to fill the other parameters of a path. */
const childIds: Record<string, Record<string, string>> = {};

const { appDirectory, routes: manifest } = await readRouteManifest();

type Guard = { kind: "public" } | { kind: "login" } | { kind: "signedIn" } | { kind: "redirect" } | { kind: "role"; role: Role } | { kind: "record"; action: Action };

/** Pages anyone may open, signed in or not (the same list route-guards.test.ts keeps, with reasons). */
const publicRoutes = new Set([
  "routes/urgent-help",
  "routes/urgent-help_.easy-read",
  "routes/accessibility",
  "routes/privacy",
  "routes/words-we-use",
  "routes/young-carers",
  "routes/advocacy",
  "routes/advocacy_.easy-read",
  "routes/staying-safe",
  // The neutral page "Exit this page" leads to (decision 059).
  "routes/new-tab",
]);
/** Addresses that only send a signed-in person on to their own page (a bookmark such as /plan). */
const redirectRoutes = new Set(["routes/plan", "routes/carers"]);
/** Not pages: they answer with a redirect whoever asks (the language switcher's GET), or take a token the matrix does not have. */
const notPages = new Set([
  "routes/language",
  "routes/logout",
  // Exit this page: a GET only leads to the neutral page; the POST signs out (tests/browser/exit-page.test.ts).
  "routes/exit",
  "routes/session.extend",
  "routes/invitations.$token",
  "routes/password.$token",
  "routes/$",
  // The second step of signing in: only for a session waiting for it (tests/browser/account-security.test.ts).
  "routes/login_.code",
  "routes/login_.recovery-code",
  // NHS login (decision 051): a GET only sends the person to sign in; the callback completes a flow
  // this browser started, and is not there while NHS login is off (tests/browser/nhs-login.test.ts).
  "routes/login_.nhs",
  "routes/login_.nhs_.callback",
  // Linking NHS login from "Your account" (decision 066): for the signed-in account only, and not
  // there while NHS login is off (tests/browser/nhs-login.test.ts).
  "routes/account.nhs-login._index",
  "routes/account.nhs-login.unlink",
  // Setting a first password after NHS login (decision 067): as above, for an account with no password.
  "routes/account.set-password",
]);

function guardOf(route: ManifestRoute, source: string, kind: "loader" | "action" = "loader"): Guard {
  if (publicRoutes.has(route.id)) return { kind: "public" };
  if (redirectRoutes.has(route.id)) return { kind: "redirect" };
  // Signed in, the sign-in page sends the person home.
  // The carers' sign-up too (decision 060): signed out it is the page, signed in it sends them home.
  if (route.id === "routes/login" || route.id === "routes/look-after-someone") return { kind: "login" };
  // The function's own guard, or the guard of the one helper it calls first (carerContext, requireStaff).
  const own = source.match(new RegExp(`export async function ${kind}[\\s\\S]*?\\n}\\n`))?.[0] ?? "";
  const helper = own.match(/await (\w+)\(request\)/)?.[1];
  const loader = /require(Record|Role|SignedIn)\(/.test(own) || !helper ? own : (source.match(new RegExp(`function ${helper}\\([\\s\\S]*?\\n}\\n`))?.[0] ?? "");
  const record = loader.match(/requireRecord\(request, params, "([\w.]+)"\)/);
  if (record) return { kind: "record", action: record[1] as Action };
  const role = loader.match(/requireRole\(request, "(staff|carer|admin)"\)/) ?? (/requirePermission\([\w.]+, "invitation.create", \{ organisation: true \}\)/.test(loader) ? [, "staff"] : null);
  if (role) return { kind: "role", role: role[1] as Role };
  if (/requireSignedIn\(request[,)]/.test(loader)) return { kind: "signedIn" };
  throw new Error(`${route.id}: the matrix cannot read this ${kind}'s guard`);
}

const { readFileSync } = await import("node:fs");
const pages = await Promise.all(
  manifest
    .filter((r) => r.id !== "root" && !notPages.has(r.id))
    .map((r) => ({ route: r, source: readFileSync(path.join(appDirectory, r.file), "utf8") }))
    .filter(({ source }) => /export async function loader/.test(source))
    .map(async ({ route, source }) => ({ id: route.id, path: route.fullPath, guard: guardOf(route, source) })),
);

/** Every action, the same way (the sign-in steps, sign-out, language and token pages are tested on their own). */
const actionRoutes = manifest
  .filter((r) => r.id !== "root" && !notPages.has(r.id))
  .map((r) => ({ route: r, source: readFileSync(path.join(appDirectory, r.file), "utf8") }))
  .filter(({ source }) => /export async function action/.test(source))
  .map(({ route, source }) => ({ id: route.id, path: route.fullPath, guard: guardOf(route, source, "action") }));

/**
 * Where a page's model asks more than its guard, the rule it applies (each with its reason). The
 * next review's calendar file is for anyone who may see the plan or the appointments.
 */
const modelRules: Record<string, (actor: Actor, serviceUserId: string) => boolean> = {
  "routes/people.$serviceUserId.plan.next-review[.]ics": (actor, serviceUserId) =>
    can(actor, "plan.read", { serviceUserId }) || can(actor, "appointments.read", { serviceUserId }),
};

const ABSENT = "00000000-0000-4000-8000-000000000000";
let signedUpCarer = ABSENT;

function urlFor(routePath: string, record: "sam" | "maya"): string {
  const ids = childIds[record]!;
  return routePath
    // The carers' request page takes a carer's assessment request; the others a support request.
    .replace("/carers/:requestId", `/carers/${ids.assessmentId}`)
    // The staff page of a carer who signed up on their own (decision 060): Robin's, made below.
    .replace("/staff/carers/:accountId", `/staff/carers/${signedUpCarer}`)
    .replace(":serviceUserId", records[record])
    .replace(/:(\w+)/g, (_m, name: string) => {
      const id = ids[name];
      if (!id) throw new Error(`No ${name} to put in ${routePath}`);
      return id;
    })
    .replace("[.]", ".");
}

async function signInOverHttp(email: string): Promise<string> {
  const page = await fetch(`${server.url}/login`);
  const csrfCookie = page.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  const html = await page.text();
  const csrf = html.match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`No sign-in form for ${email} (${page.status}):\n${server.output().slice(-2000)}`);
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "demo-portal-pass", csrf }),
  });
  expect(response.status, `signing in ${email}`).toBe(302);
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const cookie = [csrfCookie, ...session].join("; ");
  // Staff give the code from their app (the demo key) before the session opens anything.
  return response.headers.get("location")?.startsWith("/login/code") ? secondStepOverHttp(server.url, cookie, email) : cookie;
}

/** A form token already used: a post carrying it is answered as a repeat and saves nothing (saveOnce). */
const USED_FORM_TOKEN = "matrix-used-form-token-0123456789";
const csrfTokens = {} as Record<Who | "signed out", { cookie: string; csrf: string }>;

/** A page's CSRF token for this session (any page's header has the language forms), with its cookies. */
async function csrfFor(cookie: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${server.url}/accessibility`, { headers: cookie ? { cookie } : {} });
  const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`No CSRF token on the page (${page.status})`);
  const jar = new Map(cookie.split("; ").filter(Boolean).map((c) => [c.split("=")[0]!, c] as const));
  for (const set of page.headers.getSetCookie()) jar.set(set.split("=")[0]!, set.split(";")[0]!);
  return { cookie: [...jar.values()].join("; "), csrf };
}

beforeAll(async () => {
  // The matrix's own copy of the seeded database: read here, then the server is started on it.
  const folder = mkdtempSync(path.join(inject("runDir"), "matrix-"));
  const dataDir = path.join(folder, "pglite");
  cpSync(inject("seededDataDir"), dataDir, { recursive: true });
  handle = await openDatabase({ dataDir });
  setDatabase(handle);
  for (const who of people) actors[who] = await actorFor(demoPeople[who].email);
  const db = getDb();
  const [rowan] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, demoPeople.rowan.email));
  await db.insert(formSubmissions).values({
    tokenHash: createHash("sha256").update(USED_FORM_TOKEN).digest("hex"),
    accountId: rowan!.id,
    expiresAt: new Date("2999-01-01T00:00:00Z"),
  });
  for (const who of ["sam", "maya"] as const) {
    const [su] = await db.select().from(serviceUsers).where(eq(serviceUsers.displayName, demoPeople[who].displayName));
    records[who] = su!.id;
    // What the seed lacks: a support request, someone to consult, a carer's assessment request.
    await addRecordChildren(db, people.map((p) => actors[p]), su!.id);
    const first = async <T>(rows: Promise<T[]>) => (await rows)[0];
    const goal = await first(db.select({ id: goals.id }).from(goals).where(eq(goals.serviceUserId, su!.id)).orderBy(asc(goals.createdAt)));
    const member = await first(db.select({ id: careTeamMembers.id }).from(careTeamMembers).where(eq(careTeamMembers.serviceUserId, su!.id)));
    const supporter = await first(
      db.select({ id: relationships.id }).from(relationships).where(and(eq(relationships.serviceUserId, su!.id), eq(relationships.kind, "carer_of"))),
    );
    const request = await first(db.select({ id: supportRequests.id }).from(supportRequests).where(eq(supportRequests.serviceUserId, su!.id)));
    const consultee = await first(db.select({ id: consultees.id }).from(consultees).where(eq(consultees.serviceUserId, su!.id)));
    const assessment = await first(db.select({ id: carerAssessmentRequests.id }).from(carerAssessmentRequests).where(eq(carerAssessmentRequests.serviceUserId, su!.id)));
    const review = await first(db.select({ id: reviews.id }).from(reviews).where(eq(reviews.serviceUserId, su!.id)));
    const appointment = await first(db.select({ id: appointments.id }).from(appointments).where(eq(appointments.serviceUserId, su!.id)));
    const thread = await first(db.select({ id: messageThreads.id }).from(messageThreads).where(eq(messageThreads.serviceUserId, su!.id)));
    // The admin pages are about an account: the person's own.
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, demoPeople[who].email));
    // A letter for the team to post to the person (decision 057): the outbox has none in the seed.
    const [letter] = await db
      .insert(notificationOutbox)
      .values({ event: "plan_changed", eventKey: `matrix:${su!.id}`, recipientAccountId: account!.id, serviceUserId: su!.id, channel: "letter", template: "update", status: "letter" })
      .returning({ id: notificationOutbox.id });
    // Where a record has none of something, an id that is no one's: "not found" for everyone.
    const other = ABSENT;
    childIds[who] = {
      goalId: goal?.id ?? other,
      memberId: member?.id ?? other,
      relationshipId: supporter?.id ?? other,
      requestId: request?.id ?? other,
      consulteeId: consultee?.id ?? other,
      accountId: account!.id,
      version: "1",
      section: "crisis",
      part: "caring",
      reviewId: review?.id ?? other,
      assessmentId: assessment?.id ?? other,
      appointmentId: appointment?.id ?? other,
      threadId: thread?.id ?? other,
      notificationId: letter!.id,
    };
  }
  await signUpAsCarer(db, { displayName: "Robin Ellis", email: "robin.ellis@example.org", password: "kettle river spoon", address: "192.0.2.9" });
  signedUpCarer = (await actorFor("robin.ellis@example.org")).accountId;
  await handle.close();
  handle = undefined;
  setDatabase(undefined);
  server = await startServer({}, { from: dataDir, tmpRoot: inject("runDir") });
  for (const who of people) cookies[who] = await signInOverHttp(demoPeople[who].email);
  csrfTokens["signed out"] = await csrfFor("");
  for (const who of people) csrfTokens[who] = await csrfFor(cookies[who]);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await handle?.close();
  setDatabase(undefined);
});

type Answer = "page" | "sign in" | "refused";

function expected(page: { id: string; guard: Guard }, who: Who | null, serviceUserId: string | null, url: string): Answer {
  const guard = page.guard;
  if (guard.kind === "public") return "page";
  if (!who) return guard.kind === "login" ? "page" : "sign in";
  const actor = actors[who];
  if (guard.kind === "signedIn" || guard.kind === "redirect" || guard.kind === "login") return "page";
  if (guard.kind === "role") return actorHasRole(actor, guard.role) ? "page" : "refused";
  // Something in the path that this record does not have is not found, whoever asks.
  if (url.includes(ABSENT)) return "refused";
  const rule = modelRules[page.id] ?? ((a: Actor, id: string) => can(a, guard.action, { serviceUserId: id }));
  return rule(actor, serviceUserId!) ? "page" : "refused";
}

/**
 * What the server answered: the page (200, or a redirect to somewhere other than sign-in, as a
 * page with nothing to act on sends the person back), sign in (a redirect there), or refused
 * (404: the same as "no such record", so nothing is given away).
 */
function answerOf(response: Response): Answer | `status ${number}` {
  const location = response.headers.get("location") ?? "";
  if (response.status === 200) return "page";
  if (response.status === 302 || response.status === 303) return location.startsWith("/login") ? "sign in" : "page";
  if (response.status === 404) return "refused";
  return `status ${response.status}`;
}

describe("the authorisation matrix: every page × every person × own record and someone else's", () => {
  it("reads every page's guard", () => {
    expect(pages.length).toBeGreaterThan(55);
    expect(pages.filter((p) => p.guard.kind === "record").length).toBeGreaterThan(40);
  });

  it.each(pages.map((p) => [p.id, p] as const))("%s", async (_id, page) => {
    const recordsToTry = page.path.includes(":serviceUserId") ? (["sam", "maya"] as const) : (["sam"] as const);
    const mismatches: string[] = [];
    for (const record of recordsToTry) {
      const url = urlFor(page.path, record);
      for (const who of [null, ...people] as const) {
        const response = await fetch(`${server.url}${url}`, { redirect: "manual", headers: who ? { cookie: cookies[who] } : {} });
        await response.arrayBuffer();
        const want = expected(page, who, page.path.includes(":serviceUserId") ? records[record] : null, url);
        const got = answerOf(response);
        if (got !== want) mismatches.push(`${who ?? "signed out"} on ${url}: ${got}, expected ${want}`);
      }
    }
    expect(mismatches, `${page.path} (${JSON.stringify(page.guard)})`).toEqual([]);
  });
});

/**
 * The fields a few actions need to get past their first check, so that the guard is what answers
 * (with none, marking an item done is a 404 for everyone), and the rule the model adds there.
 */
const actionBodies: Record<string, { body: (record: "sam" | "maya") => Record<string, string>; rule?: (actor: Actor, serviceUserId: string) => boolean }> = {
  // A review of Sam's marked done: staff on his care team may (attention.manage); other staff get the 404.
  "routes/staff.attention": {
    body: (record) => ({ kind: "review_due", recordId: childIds[record]!.reviewId! }),
    rule: (actor, serviceUserId) => actorHasRole(actor, "staff") && can(actor, "attention.manage", { serviceUserId }),
  },
  // Marking a carer's message read needs a message id (any: one that is not there changes nothing).
  "routes/people.$serviceUserId.carers._index": { body: () => ({ messageId: ABSENT }) },
  // Saying no to sharing with a carer the team linked needs a relationship (one with no question changes nothing).
  "routes/people.$serviceUserId.sharing._index": { body: () => ({ relationshipId: ABSENT }) },
};

/** An action's answer: sign in (a redirect there), refused (404), or through the guard (anything else but a server error or a CSRF refusal). */
function actionAnswerOf(response: Response): Answer | `status ${number}` {
  const location = response.headers.get("location") ?? "";
  if (response.status === 404) return "refused";
  if ((response.status === 302 || response.status === 303) && location.startsWith("/login")) return "sign in";
  if (response.status >= 500 || response.status === 403) return `status ${response.status}`;
  return "page";
}

/** Run the jobs a few at a time (the server is one process; the machine is shared). */
async function inTurns<T>(jobs: (() => Promise<T>)[], concurrency = 4): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results;
}

describe("the authorisation matrix for actions: every POST × every person × own record and someone else's", () => {
  it("reads every action's guard", () => {
    expect(actionRoutes.length).toBeGreaterThan(45);
    expect(actionRoutes.filter((r) => r.guard.kind === "record").length).toBeGreaterThan(30);
  });

  it.each(actionRoutes.map((r) => [r.id, r] as const))("POST %s", async (_id, route) => {
    const onRecord = route.path.includes(":serviceUserId");
    const special = actionBodies[route.id];
    const jobs = (onRecord ? (["sam", "maya"] as const) : (["sam"] as const)).flatMap((record) =>
      ([null, ...people] as const).map((who) => async () => {
        const url = urlFor(route.path, record);
        const { cookie, csrf } = csrfTokens[who ?? "signed out"];
        const body = new URLSearchParams({ csrf, formToken: USED_FORM_TOKEN, ...special?.body(record) });
        const response = await fetch(`${server.url}${url}`, {
          method: "POST",
          redirect: "manual",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body,
        });
        await response.arrayBuffer();
        const serviceUserId = onRecord || special ? records[record] : null;
        // Whom the guard lets through does not depend on the other ids in the path.
        let want = expected(route, who, onRecord ? serviceUserId : null, "");
        if (special?.rule && who && want === "page") want = special.rule(actors[who], serviceUserId!) ? "page" : "refused";
        const got = actionAnswerOf(response);
        // Past the guard, an action may look for a thing this record does not have (its 404) before
        // it reads the empty form (its 400), or after: either is right. A refusal is always checked.
        if (want === "page" && got === "refused" && url.includes(ABSENT)) return null;
        return got === want ? null : `${who ?? "signed out"} on ${url}: ${got}, expected ${want}`;
      }),
    );
    const mismatches = (await inTurns(jobs)).filter(Boolean);
    expect(mismatches, `POST ${route.path} (${JSON.stringify(route.guard)})`).toEqual([]);
  });
});
