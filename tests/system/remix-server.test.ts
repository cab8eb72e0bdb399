import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { RemixServer } from "@remix-run/react";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Our copy of Remix's server component (app/web/remix-server.server.tsx, decision 068) keeps the
 * route tree between requests. The production build draws the same pages with it as with Remix's
 * own `RemixServer`, byte for byte once the per-request tokens are set aside, on the first
 * request and on later ones (when the kept tree is used).
 */
type Entry = ServerBuild["entry"]["module"] & {
  handleRequestWith: (Server: unknown, ...rest: Parameters<ServerBuild["entry"]["module"]["default"]>) => ReturnType<ServerBuild["entry"]["module"]["default"]>;
};

let scratch: string;
let ours: ReturnType<typeof createRequestHandler>;
let remixOwn: ReturnType<typeof createRequestHandler>;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), "care-portal-remix-server-"));
  process.env.DATA_DIR = scratch;
  const build = (await import(/* @vite-ignore */ pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const entry = build.entry.module as Entry;
  const withRemixOwn: ServerBuild = {
    ...build,
    entry: { module: { ...entry, default: (...args) => entry.handleRequestWith(RemixServer, ...args) } },
  };
  ours = createRequestHandler(build, "production");
  remixOwn = createRequestHandler(withRemixOwn, "production");
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The page's HTML with the values that differ on every request (form tokens) set aside. */
async function page(handler: ReturnType<typeof createRequestHandler>, pathname: string, lng: string) {
  const response = await handler(new Request(`http://localhost${pathname}`, { headers: { "accept-language": lng } }), {
    cspNonce: "fixed-nonce",
    clientAddress: "127.0.0.1",
  });
  const html = await response.text();
  const tokensAside = html
    .replace(/(name="(?:csrf|formToken)" value=")[^"]*"/g, '$1…"')
    .replace(/("(?:csrf|formToken)":")[^"]*"/g, '$1…"');
  return { status: response.status, html: tokensAside };
}

describe("pages drawn by our server component and by Remix's", () => {
  const pages = ["/urgent-help", "/urgent-help/easy-read", "/staying-safe", "/login", "/no-such-page"];
  it.each(["en-GB", "ar"])("are the same, in %s, first and later", async (lng) => {
    for (let round = 0; round < 2; round++) {
      for (const pathname of pages) {
        const [a, b] = [await page(ours, pathname, lng), await page(remixOwn, pathname, lng)];
        expect(a.status, pathname).toBe(b.status);
        expect(a.html.length, pathname).toBeGreaterThan(1000);
        expect(a.html, pathname).toBe(b.html);
      }
    }
  });
});
