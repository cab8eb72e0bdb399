import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { actions } from "~/models/access.server";
import { readRouteManifest } from "../support/route-manifest";

/**
 * Every loader and action is guarded on the server, checked route by route from the route
 * manifest Remix builds from (not from file names), so a new route cannot forget:
 *
 * - signed out, every loader and action that is not public on purpose sends the person to sign in,
 *   before it touches the database;
 * - every route about one person's record (a `:serviceUserId` in its path) starts its loader and
 *   action with the one guard, `requireRecord(request, params, "<action>")`, naming a real action;
 * - every route under /admin (the trust's accounts) starts its loader and action with
 *   `requireRole(request, "admin")`, before anything reads the database;
 * - every action reads its form through requireFormData (the CSRF check).
 */

// Signed out, the guard must answer before any query: the database here refuses to be used.
vi.mock("~/utils/db.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/db.server")>();
  const refuse = new Proxy({}, { get: () => { throw new Error("used the database before checking who is signed in"); } });
  return { ...actual, getDb: () => refuse };
});

const publicRoutes = new Map([
  ["routes/_index", "the start page: signed out it offers sign-in"],
  ["routes/urgent-help", "must work with no sign-in and no database"],
  ["routes/urgent-help_.easy-read", "urgent help in Easy Read: as urgent help, no sign-in and no database"],
  ["routes/accessibility", "the accessibility statement"],
  ["routes/privacy", "the privacy notice"],
  ["routes/words-we-use", "the glossary"],
  ["routes/young-carers", "information for young carers"],
  ["routes/advocacy", "the advocacy guide works signed out too"],
  ["routes/advocacy_.easy-read", "advocacy in Easy Read, as the advocacy guide: open to everyone"],
  ["routes/login", "signing in"],
  ["routes/login_.code", "the second step of signing in: only a session waiting for it gets the form"],
  ["routes/login_.recovery-code", "the second step of signing in with a recovery code, as login_.code"],
  ["routes/login_.nhs", "starting NHS login: a signed-out person's form (decision 051)"],
  ["routes/login_.nhs_.callback", "NHS login's answer: the flow's cookie (state, nonce, PKCE) is the credential"],
  ["routes/logout", "signing out: it only ends a session"],
  ["routes/exit", "Exit this page: it only ends a session and leads to the neutral page (decision 059)"],
  ["routes/new-tab", "the neutral page Exit this page leads to: nothing of the portal on it"],
  ["routes/staying-safe", "staying safe when you use this website: read before signing in too"],
  ["routes/session.extend", "only redirects"],
  ["routes/language", "choosing a language works signed out too; signed in it saves the person's own language"],
  ["routes/invitations.$token", "the invitee has no account yet; the token is the credential"],
  ["routes/look-after-someone", "anyone may sign up as a carer (decision 060): uniform answer, throttled per address"],
  ["routes/password.$token", "setting a first or new password: the one-time token is the credential"],
  ["routes/$", "the 404 page"],
]);

interface RouteModule {
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
}
const { appDirectory, routes: manifest } = await readRouteManifest();
const routes = await Promise.all(
  manifest
    .filter((r) => r.id !== "root")
    .map(async (r) => ({
      id: r.id,
      path: r.fullPath,
      module: (await import(path.join(appDirectory, r.file))) as RouteModule,
    })),
);
const someId = "6f1c2b7e-4c1d-4a8e-9f3a-2b5d7c9e1a34";
const urlFor = (routePath: string) => `http://localhost${routePath.replace(/:\w+/g, someId).replace(/\/\*$/, "/x")}`;
const paramsFor = (routePath: string) =>
  Object.fromEntries([...routePath.matchAll(/:(\w+)/g)].map((m) => [m[1], someId]));

async function responseOf(work: () => Promise<unknown>): Promise<Response | unknown> {
  try {
    return await work();
  } catch (thrown) {
    return thrown;
  }
}

const guarded = routes.filter((r) => !publicRoutes.has(r.id));
const withLoader = guarded.filter((r) => r.module.loader).map((r) => [r.id, r] as const);
const withAction = guarded.filter((r) => r.module.action).map((r) => [r.id, r] as const);
const recordRoutes = routes.filter((r) => r.path.includes(":serviceUserId"));
const adminFunctions = routes
  .filter((r) => r.path.startsWith("/admin"))
  .flatMap((r) => (["loader", "action"] as const).filter((kind) => r.module[kind]).map((kind) => [`${r.id} ${kind}`, r.module[kind]!] as const));
const recordFunctions = recordRoutes.flatMap((r) =>
  (["loader", "action"] as const).filter((kind) => r.module[kind]).map((kind) => [`${r.id} ${kind}`, r.module[kind]!] as const),
);

describe("route guards (from the route manifest)", () => {
  it("finds the routes, and every public or not-yet-merged one still exists", () => {
    expect(routes.length).toBeGreaterThan(60);
    const ids = new Set(routes.map((r) => r.id));
    for (const id of publicRoutes.keys()) expect(ids, id).toContain(id);
    expect(recordFunctions.length).toBeGreaterThan(60);
  });

  it.each(withLoader)("%s: signed out, the loader sends the person to sign in", async (_id, route) => {
    const request = new Request(urlFor(route.path));
    const response = await responseOf(() => route.module.loader!({ request, params: paramsFor(route.path), context: {} }));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toMatch(/^\/login\?/);
  });

  it.each(withAction)("%s: signed out, the action sends the person to sign in", async (_id, route) => {
    const request = new Request(urlFor(route.path), { method: "POST", body: new URLSearchParams({ intent: "x" }) });
    const response = await responseOf(() => route.module.action!({ request, params: paramsFor(route.path), context: {} }));
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toMatch(/^\/login\?/);
  });

  // The function as it runs (compiled, so an imported call reads `(0, module.requireRecord)(…)`).
  it.each(recordFunctions)("%s: starts with requireRecord and a real action", (_name, fn) => {
    const source = fn.toString();
    const guard = source.match(/\brequireRecord\)?\(request, params, "([\w.]+)"\)/);
    expect(guard, "requireRecord(request, params, action)").not.toBeNull();
    expect(actions).toContain(guard![1]);
    // Nothing about the person is read before the guard.
    const firstRead = source.search(/\bgetDb\)?\(\)|\btx\b/);
    if (firstRead !== -1) expect(guard!.index!).toBeLessThan(firstRead);
  });

  it("finds the admin pages", () => {
    expect(adminFunctions.length).toBeGreaterThanOrEqual(10);
  });

  it.each(adminFunctions)("%s: starts with requireRole(request, \"admin\")", (_name, fn) => {
    const source = fn.toString();
    const guard = source.search(/\brequireRole\)?\(request, "admin"\)/);
    expect(guard, 'requireRole(request, "admin")').not.toBe(-1);
    const firstRead = source.search(/\bgetDb\)?\(\)|\btx\b|\brequireFormData\b/);
    if (firstRead !== -1) expect(guard).toBeLessThan(firstRead);
  });

  it.each(routes.filter((r) => r.module.action).map((r) => [r.id, r] as const))(
    "%s: every action checks the CSRF token",
    (_id, route) => {
      expect(route.module.action!.toString()).toMatch(/\brequireFormData\)?\(request\)/);
    },
  );
});
