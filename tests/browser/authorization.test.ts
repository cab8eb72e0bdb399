import { cpSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { accounts, careTeamMembers, decisionConsultees as consultees, goals, relationships, serviceUsers, supportRequests } from "#db/schema/index";
import { demoPeople } from "#db/seed";
import { can, type Action, type Actor } from "~/models/access.server";
import { openDatabase, setDatabase, getDb, type DatabaseHandle } from "~/utils/db.server";
import { actorHasRole, type Role } from "~/web/guards.server";
import { actorFor } from "../support/actors";
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
 * It has its own server and database (a copy of the seeded one), and only reads, so nothing else
 * changes what it sees. Actions (POST) are checked by tests/unit/route-guards.test.ts: each starts
 * with the same guard and action.
 */

let server: RunningServer;
let handle: DatabaseHandle;
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
const publicRoutes = new Set(["routes/urgent-help", "routes/accessibility", "routes/privacy", "routes/words-we-use", "routes/young-carers", "routes/advocacy"]);
/** Addresses that only send a signed-in person on to their own page (a bookmark such as /plan). */
const redirectRoutes = new Set(["routes/plan", "routes/carers"]);
/** Not pages: they answer with a redirect whoever asks (the language switcher's GET), or take a token the matrix does not have. */
const notPages = new Set([
  "routes/language",
  "routes/logout",
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
]);

async function guardOf(route: ManifestRoute, source: string): Promise<Guard> {
  if (publicRoutes.has(route.id)) return { kind: "public" };
  if (redirectRoutes.has(route.id)) return { kind: "redirect" };
  // Signed in, the sign-in page sends the person home.
  if (route.id === "routes/login") return { kind: "login" };
  // The loader's own guard, or the guard of the one helper it calls first (carerContext, requireStaff).
  const own = source.match(/export async function loader[\s\S]*?\n}\n/)?.[0] ?? "";
  const helper = own.match(/await (\w+)\(request\)/)?.[1];
  const loader = /require(Record|Role|SignedIn)\(/.test(own) || !helper ? own : (source.match(new RegExp(`function ${helper}\\([\\s\\S]*?\\n}\\n`))?.[0] ?? "");
  const record = loader.match(/requireRecord\(request, params, "([\w.]+)"\)/);
  if (record) return { kind: "record", action: record[1] as Action };
  const role = loader.match(/requireRole\(request, "(staff|carer|admin)"\)/) ?? (/requirePermission\([\w.]+, "invitation.create", \{ organisation: true \}\)/.test(loader) ? [, "staff"] : null);
  if (role) return { kind: "role", role: role[1] as Role };
  if (/requireSignedIn\(request[,)]/.test(loader)) return { kind: "signedIn" };
  throw new Error(`${route.id}: the matrix cannot read this loader's guard`);
}

const { readFileSync } = await import("node:fs");
const pages = await Promise.all(
  manifest
    .filter((r) => r.id !== "root" && !notPages.has(r.id))
    .map((r) => ({ route: r, source: readFileSync(path.join(appDirectory, r.file), "utf8") }))
    .filter(({ source }) => /export async function loader/.test(source))
    .map(async ({ route, source }) => ({ id: route.id, path: route.fullPath, guard: await guardOf(route, source) })),
);

/**
 * Where a page's model asks more than its guard, the rule it applies (each with its reason). The
 * next review's calendar file is for anyone who may see the plan or the appointments.
 */
const modelRules: Record<string, (actor: Actor, serviceUserId: string) => boolean> = {
  "routes/people.$serviceUserId.plan.next-review[.]ics": (actor, serviceUserId) =>
    can(actor, "plan.read", { serviceUserId }) || can(actor, "appointments.read", { serviceUserId }),
};

const ABSENT = "00000000-0000-4000-8000-000000000000";

function urlFor(routePath: string, record: "sam" | "maya"): string {
  const ids = childIds[record]!;
  return routePath
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

beforeAll(async () => {
  const seeded = inject("seededDataDir");
  const folder = mkdtempSync(path.join(inject("runDir"), "matrix-"));
  cpSync(seeded, path.join(folder, "pglite"), { recursive: true });
  handle = await openDatabase({ dataDir: path.join(folder, "pglite") });
  setDatabase(handle);
  server = await startServer({}, { from: seeded, tmpRoot: inject("runDir") });
  for (const who of people) actors[who] = await actorFor(demoPeople[who].email);
  const db = getDb();
  for (const who of ["sam", "maya"] as const) {
    const [su] = await db.select().from(serviceUsers).where(eq(serviceUsers.displayName, demoPeople[who].displayName));
    records[who] = su!.id;
    const first = async <T>(rows: Promise<T[]>) => (await rows)[0];
    const goal = await first(db.select({ id: goals.id }).from(goals).where(eq(goals.serviceUserId, su!.id)).orderBy(asc(goals.createdAt)));
    const member = await first(db.select({ id: careTeamMembers.id }).from(careTeamMembers).where(eq(careTeamMembers.serviceUserId, su!.id)));
    const supporter = await first(
      db.select({ id: relationships.id }).from(relationships).where(and(eq(relationships.serviceUserId, su!.id), eq(relationships.kind, "carer_of"))),
    );
    const request = await first(db.select({ id: supportRequests.id }).from(supportRequests).where(eq(supportRequests.serviceUserId, su!.id)));
    const consultee = await first(db.select({ id: consultees.id }).from(consultees).where(eq(consultees.serviceUserId, su!.id)));
    // The admin pages are about an account: the person's own.
    const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, demoPeople[who].email));
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
    };
  }
  for (const who of people) cookies[who] = await signInOverHttp(demoPeople[who].email);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await handle?.close();
  setDatabase(undefined);
});

type Answer = "page" | "sign in" | "refused";

function expected(page: (typeof pages)[number], who: Who | null, serviceUserId: string | null, url: string): Answer {
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
