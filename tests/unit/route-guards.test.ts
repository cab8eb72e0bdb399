import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every loader and action is guarded on the server. A static check, so a new route cannot
 * forget: actions must read their form through requireFormData (CSRF), and loaders must ask
 * who is signed in unless the route is on the short public list below.
 */
const routesDir = path.resolve(__dirname, "../../app/routes");
const publicLoaders = new Map([
  ["urgent-help.tsx", "must work with no sign-in and no database"],
  ["invitations.$token.tsx", "the invitee has no account yet; the token is the credential"],
  ["password.$token.tsx", "setting a first or new password: the one-time token is the credential"],
  ["$.tsx", "the 404 page"],
  ["logout.tsx", "only redirects"],
  ["session.extend.tsx", "only redirects"],
]);
const files = readdirSync(routesDir).filter((f) => /\.tsx?$/.test(f) && !/\.test\./.test(f));

describe("route guards", () => {
  it("finds the routes", () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files)("%s: every action checks the CSRF token", (file) => {
    const source = readFileSync(path.join(routesDir, file), "utf8");
    if (!/export async function action|export const action/.test(source)) return;
    expect(source).toMatch(/requireFormData\(request\)/);
  });

  it.each(files)("%s: every loader checks who is signed in, or is public on purpose", (file) => {
    const source = readFileSync(path.join(routesDir, file), "utf8");
    if (!/export (async )?function loader|export const loader/.test(source)) return;
    if (publicLoaders.has(file)) return;
    // requestPage (app/utils/request-pages.server.ts) starts with requireSignedIn.
    expect(source).toMatch(/requireSignedIn\(request\)|getSignedIn\(request\)|requestPage\(request, params\)/);
  });
});
