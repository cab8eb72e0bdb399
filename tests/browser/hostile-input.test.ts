import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  accounts,
  appointments,
  careTeamMembers,
  carerAssessmentRequests,
  decisionConsultees,
  goals,
  messageThreads,
  notificationOutbox,
  relationships,
  serviceUsers,
  supportRequests,
} from "#db/schema/index";
import { DEMO_PASSWORD, demoPeople } from "#db/seed";
import { can, type Action, type Actor } from "~/models/access.server";
import { saveAttorney } from "~/models/decisions.server";
import { createInvitation } from "~/models/invitation.server";
import { sendCarerNote, signUpAsCarer } from "~/models/carer-sign-up.server";
import { createAccountWithLink } from "~/models/password-links.server";
import { getDb, openDatabase, setDatabase, type DatabaseHandle } from "~/utils/db.server";
import { actorHasRole, type Role } from "~/web/guards.server";
import { actorFor } from "../support/actors";
import { launch, watchConsole } from "../support/browser";
import { cookiesFrom } from "../support/portal-process";
import { addRecordChildren } from "../support/record-children";
import { readRouteManifest, type ManifestRoute } from "../support/route-manifest";
import { secondStepOverHttp } from "../support/second-factor";
import { startServer, type RunningServer } from "../support/server";

/**
 * Hostile input as a property (issue 16 item 10, ASVS 5.0 L2 chapter 1): for every route with an
 * action, fast-check sends forms made of hostile values (very long, control characters, right-to-left
 * overrides, HTML and script, SQL, numbers and dates that are not, files where text belongs), with
 * fields missing, fields repeated and bodies that are not forms, as a person who may use the action,
 * with a real session and CSRF token, through the production server. Every answer must be below 500,
 * no page may hold a generated tag unescaped, and a form drawn again with errors shows what was typed,
 * escaped. Decision 043.
 *
 * The routes come from Remix's manifest: a new action is in the test by itself, and one whose guard
 * or fields the test cannot find fails it. Replay a failure with the seed it prints:
 * HOSTILE_SEED=<seed> npx vitest run --project browser tests/browser/hostile-input.test.ts
 */

const SEED = Number(process.env.HOSTILE_SEED ?? 1610);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 20);

type Who = keyof typeof demoPeople;
const people = Object.keys(demoPeople) as Who[];

const { appDirectory, routes: manifest } = await readRouteManifest();
const sourceOf = (route: ManifestRoute) => readFileSync(path.join(appDirectory, route.file), "utf8");

type Use = { kind: "anyone" } | { kind: "signedIn" } | { kind: "role"; role: Role } | { kind: "record"; action: Action };

/**
 * Actions anyone may post, signed in or not, each for a reason: the advocacy guide is public; the
 * sign-in, invitation and password-link forms come before an account; the language switcher,
 * signing out, "Exit this page" and "stay signed in" work whoever asks.
 */
const publicActions = new Set([
  "routes/advocacy",
  "routes/login",
  // The second step of signing in: only a session waiting for it may use them (the action checks).
  "routes/login_.code",
  "routes/login_.recovery-code",
  // "Continue with NHS login" comes before an account too (decision 051).
  "routes/login_.nhs",
  "routes/invitations.$token",
  "routes/password.$token",
  // "I look after someone": anyone may sign up as a carer (decision 060).
  "routes/look-after-someone",
  "routes/language",
  "routes/logout",
  "routes/exit",
  "routes/session.extend",
]);

/** Who may use a route's action: the guard its action (or the one helper it calls first) names. */
function useOf(route: ManifestRoute, source: string): Use {
  if (publicActions.has(route.id)) return { kind: "anyone" };
  const own = source.match(/export async function action[\s\S]*?\n}\n/)?.[0] ?? "";
  const helper = own.match(/await (\w+)\(request\)/)?.[1];
  const body = /require(Record|Role|SignedIn)\(/.test(own) || !helper ? own : (source.match(new RegExp(`function ${helper}\\([\\s\\S]*?\\n}\\n`))?.[0] ?? "");
  const record = body.match(/requireRecord\(request, params, "([\w.]+)"\)/);
  if (record) return { kind: "record", action: record[1] as Action };
  const role = body.match(/requireRole\(request, "(staff|carer|admin)"\)/) ?? (/requirePermission\([\w.]+, "invitation.create", \{ organisation: true \}\)/.test(body) ? [, "staff"] : null);
  if (role) return { kind: "role", role: role[1] as Role };
  if (/requireSignedIn\(request(, \{[^}]*\})?\)/.test(body)) return { kind: "signedIn" };
  throw new Error(`${route.id}: the hostile-input test cannot read this action's guard`);
}

/**
 * Routes whose action may, with a well-formed answer, take away someone's access (a new care
 * coordinator, sharing stopped) or end the session: run last, so the others are tried with access.
 */
const runLast = [
  "routes/people.$serviceUserId.sharing.$relationshipId",
  "routes/people.$serviceUserId.plan.coordinator",
  // Signing out other devices, or disabling an account, ends sessions the others use.
  "routes/account._index",
  "routes/admin.accounts.$accountId.disable",
  "routes/logout",
  "routes/exit",
];

const actionRoutes = manifest
  .filter((r) => r.id !== "root")
  .map((route) => ({ route, source: sourceOf(route) }))
  .filter(({ source }) => /export async function action/.test(source))
  .map(({ route, source }) => ({ id: route.id, path: route.fullPath, index: !!route.index, source, use: useOf(route, source) }))
  .sort((a, b) => runLast.indexOf(a.id) - runLast.indexOf(b.id) || a.id.localeCompare(b.id));

type ActionRoute = (typeof actionRoutes)[number];

// ---------------------------------------------------------------------------------------------
// The forms: fields and the values they offer, read from the pages as each person sees them.

interface Field {
  /** Values the page offers (options, checkbox and button values, what it already holds). */
  offered: Set<string>;
  /** Typed text the page shows back (a text box or text area), so the test expects it back on errors. */
  typed: boolean;
}
type Fields = Map<string, Field>;

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return m ? decode(m[1]!) : null;
};

/** The posted forms on a page, by the path they post to (React's markup is regular enough for this). */
function formsIn(html: string, pageUrl: string): { action: string; fields: Fields }[] {
  const found: { action: string; fields: Fields }[] = [];
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if ((attr(form[1]!, "method") ?? "get").toLowerCase() !== "post") continue;
    const action = new URL(attr(form[1]!, "action") ?? pageUrl, pageUrl);
    const fields: Fields = new Map();
    const add = (name: string | null, value: string | null, typed = false) => {
      if (!name) return;
      const field = fields.get(name) ?? { offered: new Set<string>(), typed: false };
      if (value) field.offered.add(value);
      field.typed ||= typed;
      fields.set(name, field);
    };
    const inner = form[2]!;
    for (const m of inner.matchAll(/<(input|button)\b([^>]*)>/g)) {
      const type = attr(m[2]!, "type") ?? "text";
      add(attr(m[2]!, "name"), attr(m[2]!, "value"), m[1] === "input" && ["text", "email", "tel", "search", "url"].includes(type));
    }
    for (const m of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attr(m[1]!, "name"), decode(m[2]!), true);
    for (const m of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      add(attr(m[1]!, "name"), null);
      for (const o of m[2]!.matchAll(/<option\b([^>]*)>/g)) add(attr(m[1]!, "name"), attr(o[1]!, "value"));
    }
    found.push({ action: action.pathname + action.search, fields });
  }
  return found;
}

/** Field names and intents the route's own source reads, for steps of a form the crawl does not reach. */
/**
 * Forms only a session waiting for its second step sees (their pages send everyone else away, so the
 * crawl never finds them), drawn by a shared component: their fields.
 */
const fieldsOutsideTheCrawl: Record<string, string[]> = {
  "routes/login_.code": ["code", "redirectTo"],
  "routes/login_.recovery-code": ["code", "redirectTo"],
  // Its page is there only when NHS login is set up (not in this test's server); its form is a component's.
  "routes/account.nhs-login._index": ["current"],
};

/** Shared steps a route reads its form through: their fields are the route's too (the admin's reason and check). */
const stepHelpers = [{ call: /\breasonStep\(/, source: readFileSync(path.join(appDirectory, "web/reason-steps.server.ts"), "utf8") }];

/** Field names the route's source reads, and those of a form the crawl cannot reach. */
function fieldsOfRoute(route: { id: string; source: string }): Fields {
  const fields = fieldsInSource(route.source);
  for (const helper of stepHelpers) if (helper.call.test(route.source)) merge(fields, fieldsInSource(helper.source));
  for (const name of fieldsOutsideTheCrawl[route.id] ?? []) if (!fields.has(name)) fields.set(name, { offered: new Set<string>(), typed: false });
  return fields;
}

function fieldsInSource(source: string): Fields {
  const fields: Fields = new Map();
  const add = (name: string, value?: string) => {
    const field = fields.get(name) ?? { offered: new Set<string>(), typed: false };
    if (value) field.offered.add(value);
    fields.set(name, field);
  };
  for (const m of source.matchAll(/\bname="(\w[\w.[\]]*)"/g)) add(m[1]!);
  for (const m of source.matchAll(/formData\.get(?:All)?\("(\w+)"\)/g)) add(m[1]!);
  for (const m of source.matchAll(/\bintent (?:===|!==) "([\w-]+)"/g)) add("intent", m[1]!);
  for (const m of source.matchAll(/name="intent" value="([\w-]+)"/g)) add("intent", m[1]!);
  return fields;
}

function merge(into: Fields, from: Fields) {
  for (const [name, field] of from) {
    const mine = into.get(name) ?? { offered: new Set<string>(), typed: false };
    for (const v of field.offered) mine.offered.add(v);
    mine.typed ||= field.typed;
    into.set(name, mine);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

/** Markup that must never reach a page as markup: each is unmistakable in the raw HTML. */
const markup = [
  "<script>window.__pwned=1</script>",
  "<img src=x onerror=window.__pwned=1>",
  '"><svg onload=window.__pwned=1>',
  "'><x-hostile onclick=window.__pwned=1>",
  "</script><script>window.__pwned=1</script>",
  "</textarea><x-hostile>",
  "</title><x-hostile>",
  "<!--<x-hostile>-->",
];
/** Any of these in a page's raw HTML is markup that was not escaped. */
const rawMarkers = /<script>window\.__pwned|<img src=x onerror|<svg onload|<x-hostile/i;

const markupArb = fc.tuple(fc.constantFrom(...markup), fc.constantFrom("", "Goal ", "منزل "), fc.constantFrom("", " ok")).map(([m, before, after]) => `${before}${m}${after}`);
const sqlArb = fc.constantFrom("' OR '1'='1", "'; DROP TABLE accounts; --", "1; SELECT pg_sleep(5)--", "\\'", "%' AND 1=1 --", '" OR ""="', "$1", "\\x00");
const controlArb = fc
  .array(fc.constantFrom("\u0000", "\u0001", "\u0008", "\u000b", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\r\n", "\t", "a", " "), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(""));
const bidiArb = fc.constantFrom("\u202egnp.exe", "\u2066abc\u2069", "\u202b<b>\u202c", "\u200f123\u200e", "abc\u2069\u2069\u2069", "\u061c٣\u202d");
const longArb = fc.tuple(fc.constantFrom(501, 2001, 5001, 20_001), fc.constantFrom("a", "é", "😀", "<", "\u202e")).map(([n, c]) => c.repeat(n));
const numberishArb = fc.constantFrom("-1", "0", "1e309", "NaN", "Infinity", "0x10", "９", "٣١", "99999999999999999999", "1.5", "2026-02-30", "31", "13", "0000", "", "   ", "true", "null", "[]", "{}");
const wordsArb = fc.string({ unit: "grapheme", maxLength: 40 });
const binaryArb = fc.string({ unit: "binary", maxLength: 40 });
const idArb = fc.oneof(fc.uuid(), fc.constantFrom("00000000-0000-4000-8000-000000000000", "../../etc/passwd", "%00", "1 OR 1=1"));

function valueArb(field: Field): fc.Arbitrary<string> {
  const offered = [...field.offered];
  return fc.oneof(
    { weight: offered.length ? 4 : 0, arbitrary: offered.length ? fc.constantFrom(...offered) : fc.constant("") },
    { weight: 3, arbitrary: markupArb },
    { weight: 1, arbitrary: sqlArb },
    { weight: 1, arbitrary: controlArb },
    { weight: 1, arbitrary: bidiArb },
    { weight: 1, arbitrary: longArb },
    { weight: 2, arbitrary: numberishArb },
    { weight: 1, arbitrary: wordsArb },
    { weight: 1, arbitrary: binaryArb },
    { weight: 1, arbitrary: idArb },
  );
}

/** One field as sent: left out, once, or several times; now and then a file where text belongs. */
type Sent = { name: string; values: string[]; file: boolean };

function fieldArb(name: string, field: Field): fc.Arbitrary<Sent> {
  // Mostly a fresh one-time form token, so a well-formed form is saved rather than taken as sent twice.
  if (name === "formToken") {
    return fc.record({ name: fc.constant(name), values: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: valueArb(field) }).map((v) => [v]), file: fc.constant(false) });
  }
  return fc.record({
    name: fc.constant(name),
    values: fc.oneof({ weight: 1, arbitrary: fc.constant([] as string[]) }, { weight: 6, arbitrary: valueArb(field).map((v) => [v]) }, { weight: 1, arbitrary: fc.array(valueArb(field), { minLength: 2, maxLength: 3 }) }),
    file: fc.boolean().chain((maybe) => (maybe ? fc.constantFrom(false, false, false, true) : fc.constant(false))),
  });
}

/** Fields no form has: prototype names, nested and indexed names of real fields. */
const strangeNameArb = (names: string[]) =>
  fc.array(
    fc.record({
      name: fc.oneof(fc.constantFrom("__proto__", "constructor", "__proto__.polluted", "constructor.prototype.polluted", "toString", "a".repeat(300)), fc.constantFrom(...names, "x").map((n) => `${n}[0]`), fc.constantFrom(...names, "x").map((n) => `${n}.nested`)),
      values: valueArb({ offered: new Set(), typed: false }).map((v) => [v]),
      file: fc.constant(false),
    }),
    { maxLength: 2 },
  );

type Encoding = "urlencoded" | "multipart" | "json" | "text";
const encodingArb = fc.constantFrom<Encoding>("urlencoded", "urlencoded", "urlencoded", "urlencoded", "multipart", "multipart", "json", "text");

// ---------------------------------------------------------------------------------------------
// The server, its people and their sessions.

let server: RunningServer;
const actors = {} as Record<Who, Actor>;
const sessions = {} as Record<Who, { cookie: string; csrf: string }>;
/** A session of its own for the sign-out action, so signing out ends no one else's. */
let signOutSession: { cookie: string; csrf: string };
let sam = "";
const params: Record<string, string> = {};
const formsByAction = new Map<string, Fields>();

async function signInOverHttp(email: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${server.url}/login`);
  let cookie = cookiesFrom(page);
  const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`No sign-in form:\n${server.output().slice(-2000)}`);
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD, csrf }),
  });
  await response.arrayBuffer();
  expect(response.status, `signing in ${email}`).toBe(302);
  cookie = cookiesFrom(response, cookie);
  // Staff and the admin give the code from their app (the demo key) before the session opens anything.
  if (response.headers.get("location")?.startsWith("/login/code")) cookie = await secondStepOverHttp(server.url, cookie, email);
  // The CSRF token is bound to the session: read it again from a signed-in page.
  const home = await fetch(`${server.url}/`, { headers: { cookie } });
  const token = (await home.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error(`No CSRF token for ${email}`);
  return { cookie: cookiesFrom(home, cookie), csrf: token };
}

function urlFor(routePath: string): string {
  return routePath
    .replace(/:(\w+)/g, (_m, name: string) => {
      const value = params[name];
      if (!value) throw new Error(`No ${name} to put in ${routePath}`);
      return value;
    })
    .replace("[.]", ".");
}

beforeAll(async () => {
  // A copy of the seeded database with one of each thing the routes take an id of, then a server on it.
  const folder = mkdtempSync(path.join(inject("runDir"), "hostile-"));
  const dataDir = path.join(folder, "pglite");
  cpSync(inject("seededDataDir"), dataDir, { recursive: true });
  const handle: DatabaseHandle = await openDatabase({ dataDir });
  setDatabase(handle);
  try {
    for (const who of people) actors[who] = await actorFor(demoPeople[who].email);
    const db = getDb();
    const [su] = await db.select().from(serviceUsers).where(eq(serviceUsers.displayName, demoPeople.sam.displayName));
    sam = su!.id;
    const { writer } = await addRecordChildren(db, people.map((who) => actors[who]), sam);
    await saveAttorney(db, writer!, sam, { kind: "lpa", names: "Ruth Taylor", covers: "Health and care", lifeSustaining: "not_sure", opgReference: "" });
    const invitation = await createInvitation(db, actors.jo, { kind: "service_user", displayName: "Robin Hughes", email: "robin.hughes@example.org", planLevel: "cpa" });
    const link = await createAccountWithLink(db, { email: "kim.lee@example.org", displayName: "Kim Lee", role: "staff" });
    // An app set up (as far as the admin's pages can tell), so resetting it has a form to crawl.
    await db.update(accounts).set({ totpSecret: "not-a-real-key", totpEnrolledAt: new Date() }).where(eq(accounts.id, link.accountId));
    const first = async <T>(rows: Promise<T[]>) => (await rows)[0];
    const goal = await first(db.select({ id: goals.id }).from(goals).where(eq(goals.serviceUserId, sam)).orderBy(asc(goals.createdAt)));
    // Not the coordinator: the coordinator is handed over, never changed or removed here.
    const member = await first(
      db.select({ id: careTeamMembers.id }).from(careTeamMembers).where(and(eq(careTeamMembers.serviceUserId, sam), eq(careTeamMembers.isCoordinator, false))),
    );
    const carer = await first(db.select({ id: relationships.id }).from(relationships).where(and(eq(relationships.serviceUserId, sam), eq(relationships.kind, "carer_of"))));
    const request = await first(db.select({ id: supportRequests.id }).from(supportRequests).where(eq(supportRequests.serviceUserId, sam)));
    const assessment = await first(db.select({ id: carerAssessmentRequests.id }).from(carerAssessmentRequests).where(eq(carerAssessmentRequests.serviceUserId, sam)));
    const consultee = await first(db.select({ id: decisionConsultees.id }).from(decisionConsultees).where(eq(decisionConsultees.serviceUserId, sam)));
    const appointment = await first(db.select({ id: appointments.id }).from(appointments).where(eq(appointments.serviceUserId, sam)));
    const thread = await first(db.select({ id: messageThreads.id }).from(messageThreads).where(eq(messageThreads.serviceUserId, sam)));
    // A letter for the team to post to Sam (decision 057): the seed's outbox has none.
    const [samAccount] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, demoPeople.sam.email));
    const [letter] = await db
      .insert(notificationOutbox)
      .values({ event: "plan_changed", eventKey: `hostile:${sam}`, recipientAccountId: samAccount!.id, serviceUserId: sam, channel: "letter", template: "update", status: "letter" })
      .returning({ id: notificationOutbox.id });
    Object.assign(params, {
      notificationId: letter!.id,
      serviceUserId: sam,
      goalId: goal!.id,
      memberId: member!.id,
      relationshipId: carer!.id,
      requestId: request!.id,
      consulteeId: consultee!.id,
      appointmentId: appointment!.id,
      threadId: thread!.id,
      version: "1",
      section: "crisis",
      part: "caring",
      token: invitation.token,
    });
    // The carers' request page takes a carer's assessment request; the others a support request.
    params.assessmentId = assessment!.id;
    params.linkToken = link.token;
    // The admin's pages take an account: Kim's, made above (none of the people the test signs in as).
    params.accountId = link.accountId;
    // The staff page of a carer who signed up on their own (decision 060), with a note to mark read.
    await signUpAsCarer(db, { displayName: "Robin Ellis", email: "robin.ellis@example.org", password: "kettle river spoon", address: "192.0.2.9" });
    const robin = await actorFor("robin.ellis@example.org");
    await sendCarerNote(db, robin, { personName: "Sam Taylor", personBirthDate: null, personDetails: "", body: "He is not sleeping." });
    params.carerAccountId = robin.accountId;
  } finally {
    await handle.close();
    setDatabase(undefined);
  }
  server = await startServer({}, { from: dataDir, tmpRoot: inject("runDir") });
  for (const who of people) sessions[who] = await signInOverHttp(demoPeople[who].email);
  signOutSession = await signInOverHttp(demoPeople.sam.email);

  // Each action's own page as the people who may use it, and the page above it (where buttons
  // such as "remove" and "I have seen these changes" are): the forms there, by where they post.
  const visits = new Map<string, string>();
  for (const route of actionRoutes) {
    const url = pageUrl(route);
    const cookies = usersOf(route).slice(0, 3).map((who) => (who ? sessions[who].cookie : ""));
    cookies.forEach((cookie, i) => visits.set(`${i}\n${url}`, cookie));
    visits.set(`0\n${url.replace(/\/[^/]+$/, "") || "/"}`, cookies[0]!);
  }
  for (const [key, cookie] of visits) {
    const url = key.split("\n")[1]!;
    const response = await fetch(`${server.url}${url}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const html = await response.text();
    if (response.status !== 200) continue;
    for (const form of formsIn(html, `${server.url}${url}`)) {
      const fields = formsByAction.get(form.action) ?? new Map();
      merge(fields, form.fields);
      formsByAction.set(form.action, fields);
    }
  }
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

/** The page of a route's form (without "?index"). */
const pageUrl = (route: ActionRoute) => actionUrl(route).replace("?index", "");

/** Where a route's action is posted, with its ids filled in. */
function actionUrl(route: ActionRoute): string {
  if (route.id === "routes/password.$token") return `/password/${params.linkToken}`;
  if (route.id === "routes/people.$serviceUserId.carers.$requestId") return urlFor(route.path).replace(params.requestId!, params.assessmentId!);
  if (route.id === "routes/staff.carers.$accountId") return `/staff/carers/${params.carerAccountId}`;
  return `${urlFor(route.path)}${route.index ? "?index" : ""}`;
}

const endsSession = (route: ActionRoute) => route.id === "routes/logout" || route.id === "routes/exit";

/** The people who may use an action on Sam's record (no one signed in as well, for public ones). */
function usersOf(route: ActionRoute): (Who | null)[] {
  const use = route.use;
  // Signing out and Exit this page end the session they are sent with: their own, not the others'.
  if (endsSession(route)) return [null];
  if (use.kind === "anyone") return [null, ...people];
  if (use.kind === "signedIn") return people;
  if (use.kind === "role") return people.filter((who) => actorHasRole(actors[who], use.role));
  return people.filter((who) => can(actors[who], use.action, { serviceUserId: sam }));
}

/** Whether some page has a form that posts to this address. */
function formFor(url: string): boolean {
  const pathOnly = url.split("?")[0]!;
  return [...formsByAction.keys()].some((action) => action.split("?")[0] === pathOnly);
}

/** The fields a route's action reads: from its forms on every page, and from its own source. */
function fieldsOf(route: ActionRoute, url: string): Fields {
  const fields: Fields = new Map();
  const pathOnly = url.split("?")[0]!;
  for (const [action, found] of formsByAction) {
    if (action === url || action === pathOnly || action.split("?")[0] === pathOnly) merge(fields, found);
  }
  merge(fields, fieldsOfRoute(route));
  fields.delete("csrf");
  return fields;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

function bodyOf(encoding: Encoding, sent: Sent[], csrf: string): { body: BodyInit; headers: Record<string, string> } {
  const pairs: [string, string | Blob][] = [["csrf", csrf]];
  for (const field of sent) for (const value of field.values) pairs.push([field.name, field.file ? new Blob([value], { type: "text/html" }) : value]);
  if (encoding === "multipart") {
    const form = new FormData();
    for (const [name, value] of pairs) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, value, "hostile.html");
    }
    return { body: form, headers: {} };
  }
  const strings = pairs.map(([name, value]) => [name, typeof value === "string" ? value : "<file>"] as [string, string]);
  if (encoding === "json") return { body: JSON.stringify(Object.fromEntries(strings)), headers: { "content-type": "application/json" } };
  if (encoding === "text") return { body: strings.map(([n, v]) => `${n}=${v}`).join("\n"), headers: { "content-type": "text/plain" } };
  return { body: new URLSearchParams(strings), headers: { "content-type": "application/x-www-form-urlencoded" } };
}

/** How many typed values the property found drawn again in a form with errors (so the check is not empty). */
const shownBack = { checked: 0 };

/** A counterexample that fits on a screen: long strings cut, with their length. */
function shorten(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" && v.length > 120 ? `${v.slice(0, 60)}… (${v.length} characters)` : v));
}

/** What the property found wrong with one answer (empty: nothing). */
function problemsWith(status: number, html: string, sent: Sent[], encoding: Encoding, where: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`${where}: status ${status}`);
  const raw = html.match(rawMarkers);
  if (raw) problems.push(`${where}: unescaped markup "${html.slice(Math.max(0, raw.index! - 80), raw.index! + 80)}"`);
  // A form drawn again with its errors shows each typed value back, escaped (the form that has
  // the errors: a page may have others, which keep their own values).
  if (status === 400 && encoding !== "json" && encoding !== "text") {
    const withErrors = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).filter((form) => form.includes('aria-invalid="true"'));
    for (const field of sent) {
      const value = field.values[0];
      if (field.file || field.values.length !== 1 || !value || !markup.some((m) => value.includes(m))) continue;
      // "when" and "when.day" sent together, or "what" and "what[0]": the form has no one value to show.
      const clash = (a: string, b: string) => a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
      if (sent.some((other) => other !== field && other.values.length && (clash(other.name, field.name) || clash(field.name, other.name)))) continue;
      const name = field.name.replace(/[.[\]]/g, "\\$&");
      for (const form of withErrors) {
        const control = form.match(new RegExp(`<(input|textarea)\\b[^>]*\\sname="${name}"[^>]*>`));
        // Passwords, and one-time codes a wrong one of which is cleared for a fresh one from the app.
        if (!control || /type="(hidden|password|checkbox|radio)"|autoComplete="one-time-code"/.test(control[0])) continue;
        shownBack.checked++;
        if (!form.includes(escapeHtml(value.trim()))) {
          problems.push(`${where}: "${field.name}" typed ${JSON.stringify(value)}, not shown back escaped: ${control[0].slice(0, 300)}`);
        }
      }
    }
  }
  return problems;
}

describe("hostile input to every action", () => {
  it("finds every action's guard, its people and its fields", () => {
    expect(actionRoutes.length).toBeGreaterThan(45);
    const missing = actionRoutes.filter((route) => usersOf(route).length === 0).map((r) => r.id);
    expect(missing, "actions no demo person may use on Sam's record").toEqual([]);
    const noForm = actionRoutes.filter((route) => !formFor(actionUrl(route)) && fieldsOfRoute(route).size === 0 && !/<Form\b/.test(route.source)).map((r) => r.id);
    expect(noForm, "actions with no form on their pages and none in their source").toEqual([]);
  });

  it.each(actionRoutes.map((r) => [r.id, r] as const))("%s", async (_id, route) => {
    const url = actionUrl(route);
    const fields = fieldsOf(route, url);
    const names = [...fields.keys()];
    const users = usersOf(route);
    const formArb = fc.record({
      who: fc.constantFrom(...users),
      encoding: encodingArb,
      sent: fc.tuple(...[...fields].map(([name, field]) => fieldArb(name, field))),
      strange: strangeNameArb(names),
      order: fc.boolean(),
    });
    const result = await fc.check(
      fc.asyncProperty(formArb, async ({ who, encoding, sent, strange, order }) => {
        const session = endsSession(route) ? signOutSession : who ? sessions[who] : null;
        const all = order ? [...sent, ...strange] : [...strange, ...sent].reverse();
        const { body, headers } = bodyOf(encoding, all, session?.csrf ?? (await csrfSignedOut()));
        const cookie = session?.cookie ?? signedOutCookie;
        const response = await fetch(`${server.url}${url}`, { method: "POST", redirect: "manual", body, headers: { ...headers, cookie } });
        const html = await response.text();
        const where = `${who ?? "no one"} ${encoding} to ${url}`;
        const problems = problemsWith(response.status, html, all, encoding, where);
        // After a save, the page it leads to shows what was stored: escaped there too.
        const location = response.headers.get("location");
        if (location?.startsWith("/") && response.status < 400) {
          const next = await fetch(`${server.url}${location}`, { redirect: "manual", headers: { cookie } });
          problems.push(...problemsWith(next.status, await next.text(), [], "urlencoded", `${where}, then ${location}`));
        }
        if (problems.length) throw new Error(problems.join("\n"));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (result.failed) {
      const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(
        `${error}\nReplay: HOSTILE_SEED=${result.seed} (path ${result.counterexamplePath}).\nThe form: ${shorten(result.counterexample)}\nServer output:\n${server.output().slice(-3000)}`,
      );
    }
  });
});

let signedOutCookie = "";
let signedOutCsrf = "";
/** A CSRF cookie and token for no one signed in (the public forms need one too). */
async function csrfSignedOut(): Promise<string> {
  if (!signedOutCsrf) {
    const page = await fetch(`${server.url}/login`);
    signedOutCookie = cookiesFrom(page);
    signedOutCsrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)![1]!;
  }
  return signedOutCsrf;
}

describe("typed values shown back", () => {
  it("the property checked typed markup in forms drawn again with errors, many times", () => {
    expect(shownBack.checked).toBeGreaterThan(50);
  });
});

describe("a stored hostile value in the browser", () => {
  it("a goal whose words are markup runs no script on its pages, and the CSP holds", async () => {
    const payload = `<img src=x onerror=window.__pwned=1></script><script>window.__pwned=2</script>"'<x-hostile>`;
    // Signed in afresh: on a busy machine the property may outlast Sam's first session.
    const { cookie, csrf } = await signInOverHttp(demoPeople.sam.email);
    const response = await fetch(`${server.url}/people/${sam}/goals/new`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrf, formToken: "hostile-goal", what: payload, why: payload }),
    });
    await response.arrayBuffer();
    expect(response.status).toBe(302);
    const goalPage = response.headers.get("location")!;
    expect(goalPage).toMatch(/^\/people\/[^/]+\/goals\/[^/]+$/);
    const browser = await launch();
    try {
      const context = await browser.newContext({ baseURL: server.url });
      await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.split("=")[0]!, value: pair.slice(pair.indexOf("=") + 1), url: server.url })));
      const page = await context.newPage();
      const problems = watchConsole(page);
      for (const at of [goalPage, `/people/${sam}/plan`]) {
        const answer = await page.goto(at);
        expect(answer!.status(), at).toBe(200);
        expect(answer!.headers()["content-security-policy"], at).toMatch(/script-src [^;]*'nonce-/);
        expect(answer!.headers()["content-security-policy"], at).not.toContain("unsafe-inline");
        await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
        expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned), at).toBeUndefined();
        expect(await page.locator("x-hostile, main img[src='x']").count(), at).toBe(0);
        await expect.poll(() => page.getByText("<x-hostile>", { exact: false }).count(), { message: at }).toBeGreaterThan(0);
      }
      expect(problems, "console errors and CSP violations").toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
