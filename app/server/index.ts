/**
 * The production server: Express serving the Remix build, with our own security headers, a CSP
 * nonce per response, no request logging (URLs may hold personal data), health checks, and a
 * database that may come and go without taking the server down.
 *
 * Usage: node build/server.js                   serve on PORT (default 3000)
 *        node build/server.js seed --demo       add the demo people to an empty database
 *        node build/server.js account:create …  a staff or admin account and its one-time link
 *        node build/server.js nhs-login:jwks    the public key (JWKS) to give NHS login
 *        node build/server.js fhir:import FILE  a FHIR bundle from the trust's record system
 */
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { closeAfterLingering, readLimitedBody, isTls, securityHeaders } from "./http";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

process.env.NODE_ENV ??= "production";

/** An address no route has: only the root loader answers it, with the 413 page (root.tsx). */
const TOO_LARGE_PATH = "/__request-too-large";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

interface StaticPage {
  body: string;
  headers: [string, string][];
}

/** What the app's build exposes to this file (app/entry.server.tsx). */
interface EntryExports {
  config: () => {
    port: number;
    host: string;
    trustProxy: boolean | number | string[];
    publicUrl: string | null;
    demo: boolean;
    nhsLogin: { issuer: string } | null;
    exitPageUrl: string | null;
  };
  startDatabaseInBackground: (onFatal: (error: Error) => void) => void;
  stopDatabase: () => Promise<void>;
  checkDatabase: () => Promise<boolean>;
  isReady: () => Promise<boolean>;
  seedCommand: (args: string[]) => Promise<string>;
  accountCreateCommand: (args: string[]) => Promise<{ ok: boolean; message: string }>;
  nhsLoginJwksCommand: () => { ok: boolean; message: string };
  fhirImportCommand: (args: string[]) => Promise<{ ok: boolean; message: string }>;
  FHIR_API_PATHS: Record<string, (request: Request, address: string) => Promise<Response>>;
  logError: (what: string, error: unknown) => void;
  translationFileAt: (pathname: string) => string | undefined;
  STATIC_PAGE_PATHS: string[];
  STAND_INS: { nonce: string };
  staticPageKey: (request: Request) => string | null;
  keepable: (response: Response) => Promise<StaticPage | null>;
  answerFrom: (page: StaticPage, request: Request, nonce: string) => { body: string; headers: [string, string][] };
  withRequestMemo: <T>(work: () => T) => T;
}

async function loadBuild(): Promise<ServerBuild> {
  return (await import(path.join(here, "index.js"))) as ServerBuild;
}

function entryExports(build: ServerBuild): EntryExports {
  return build.entry.module as unknown as EntryExports;
}

/** Stop with one plain line (a setting missing, the folder or port in use), never a stack. */
function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The Fetch API request Remix expects, from Express's. */
function toFetchRequest(
  req: ExpressRequest,
  res: ExpressResponse,
  options: { asGet?: boolean; body?: Buffer; path?: string } = {},
): Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get("host") ?? "localhost"}`);
  if (options.path) url.pathname = options.path;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = options.asGet ? "GET" : req.method;
  if (options.asGet) {
    headers.delete("content-type");
    headers.delete("content-length");
  }
  const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
  if (method !== "GET" && method !== "HEAD") {
    if (options.body) init.body = new Uint8Array(options.body);
    else {
      init.body = Readable.toWeb(req) as ReadableStream;
      init.duplex = "half";
    }
  }
  return new Request(url.href, init);
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once("drain", resolve));
    }
  } finally {
    res.end();
  }
}

async function serve(build: ServerBuild, entry: EntryExports) {
  const cfg = entry.config();
  const { default: express } = await import("express");
  const { default: compression } = await import("compression");
  const { createRequestHandler } = await import("@remix-run/node");

  // Claim and open the database in the background: the server answers at once (urgent help needs
  // no database) and serves every page as soon as the database answers.
  entry.startDatabaseInBackground((error) => exitWith(error.message));

  const handler = createRequestHandler(build, "production");
  // Each call has a memo of its own that its loaders share (the session, read once: web/request-memo.server.ts).
  const handle = (request: Request, loadContext: AppLoadContext) => entry.withRequestMemo(() => handler(request, loadContext));
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", cfg.trustProxy);

  // Where "Continue with NHS login" leads (its form is redirected to the issuer's sign-in page), and
  // the neutral page "Exit this page" leads to when it is on another site (its form is redirected there).
  const formActions = [cfg.nhsLogin?.issuer, cfg.exitPageUrl]
    .filter((url): url is string => !!url && /^https?:/.test(url))
    .map((url) => new URL(url).origin);

  let inFlight = 0;
  let stopping = false;
  app.use((_req, res, next) => {
    inFlight++;
    res.once("close", () => inFlight--);
    if (stopping) res.set("Connection", "close");
    next();
  });

  // The security headers on every answer: static files, health checks and errors too (pages then
  // get a policy with their own script nonce below). HSTS when the portal is reached over TLS.
  app.use((req, res, next) => {
    res.set(securityHeaders({ nonce: null, tls: isTls(cfg.publicUrl, req.secure) }));
    next();
  });

  // For load balancers: the process is alive; and it can serve (database answering, migrated).
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/plain").send("ok");
  });
  app.get("/readyz", async (_req, res) => {
    const ready = !stopping && (await entry.isReady());
    res.set("Cache-Control", "no-store").status(ready ? 200 : 503).type("text/plain").send(ready ? "ready" : "not ready");
  });

  app.use(compression());
  // Fingerprinted build assets can be cached for ever; everything else is checked each time.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  // The other public files (the favicon): looked for only under the names public/ holds at start,
  // not on every page (a file system lookup per request that found nothing was a fifth of
  // /urgent-help's time under load: decision 047).
  const publicDir = path.join(root, "public");
  const publicNames = new Set(readdirSync(publicDir).filter((name) => name !== "build"));
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => {
    const first = req.path.split("/")[1] ?? "";
    if (publicNames.has(first)) publicFiles(req, res, next);
    else next();
  });
  // The translations the browser needs to hydrate a page, one file per language and namespace,
  // named by their content's hash (app/web/translation-files.server.ts): cached for ever.
  app.get("/translations/*", (req, res, next) => {
    const body = entry.translationFileAt(req.path);
    if (body === undefined) return next();
    res.set("Cache-Control", "public, max-age=31536000, immutable").type("application/json").send(body);
  });

  // The trust's record system (decision 053): JSON in and out, its own token and size limit, no page.
  app.post(Object.keys(entry.FHIR_API_PATHS), async (req, res, next) => {
    try {
      await sendResponse(res, await entry.FHIR_API_PATHS[req.path]!(toFetchRequest(req, res), req.ip ?? req.socket.remoteAddress ?? "unknown"));
    } catch (error) {
      next(error);
    }
  });

  // Urgent help for anyone not signed in: drawn once per language and kept, each answer with its own
  // nonce and tokens (web/static-pages.server.ts, decision 069). Anything else goes on to Remix below.
  const staticPages = new Map<string, StaticPage>();
  app.get(entry.STATIC_PAGE_PATHS, async (req, res, next) => {
    try {
      const request = toFetchRequest(req, res);
      const key = entry.staticPageKey(request);
      if (key === null) return next();
      let page = staticPages.get(key);
      if (!page) {
        const drawn = await handle(toFetchRequest(req, res), { cspNonce: entry.STAND_INS.nonce, clientAddress: "", pageTemplate: true });
        const kept = await entry.keepable(drawn);
        if (!kept) return next();
        staticPages.set(key, kept);
        page = kept;
      }
      const nonce = randomBytes(16).toString("base64");
      res.set(securityHeaders({ nonce, tls: isTls(cfg.publicUrl, req.secure), formActions }));
      res.set("Cache-Control", "no-store");
      const answer = entry.answerFrom(page, request, nonce);
      for (const [name, value] of answer.headers) res.append(name, value);
      // end(), not send(): no ETag for a page that is never the same twice and never stored.
      res.status(200).end(answer.body);
    } catch (error) {
      next(error);
    }
  });

  app.all("*", async (req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.set(securityHeaders({ nonce, tls: isTls(cfg.publicUrl, req.secure), formActions }));
    // Pages may show health information: never store them in any cache (shared or browser).
    res.set("Cache-Control", "no-store");
    const loadContext: AppLoadContext = {
      cspNonce: nonce,
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    };
    try {
      // A body of more than 64 KB is refused before anything reads it: the "too large" page (413),
      // translated, with urgent help; the connection is then closed rather than read to the end.
      let body: Buffer | undefined;
      if (req.method !== "GET" && req.method !== "HEAD") {
        const read = await readLimitedBody(req);
        if (read.status === "too-large") {
          res.set("Connection", "close");
          closeAfterLingering(req);
          const isData = typeof req.query._data === "string";
          const tooLarge = isData
            ? // A JavaScript form post: a caught 413, so the page shows the same "too large" message.
              new Response("Request too large", { status: 413, headers: { "Content-Type": "text/plain", "X-Remix-Catch": "yes" } })
            : await handle(toFetchRequest(req, res, { asGet: true, path: TOO_LARGE_PATH }), { ...loadContext, requestTooLarge: true });
          await sendResponse(res, tooLarge);
          return;
        }
        body = read.body;
      }
      let response = await handle(toFetchRequest(req, res, { body }), loadContext);
      // A failure because the database went away mid-request: answer as every request will until
      // it is back (503, "not working right now", urgent help), never a 500.
      if (response.status === 500 && !(await entry.checkDatabase())) {
        await response.body?.cancel().catch(() => {});
        const isData = typeof req.query._data === "string";
        if (req.method === "GET" || req.method === "HEAD" || !isData) {
          response = await handle(toFetchRequest(req, res, { asGet: true }), loadContext);
        } else {
          response = new Response("Service unavailable", { status: 503, headers: { "Retry-After": "10", "Content-Type": "text/plain" } });
        }
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  });

  // Anything that still escapes: one line in the log, a plain 500 without details.
  app.use((error: unknown, _req: ExpressRequest, res: ExpressResponse, _next: () => void) => {
    entry.logError("request failed", error);
    if (!res.headersSent) res.status(500).type("text/plain").send("Sorry, there is a problem with the service.");
    else res.end();
  });

  const server = app.listen(cfg.port, cfg.host);
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") exitWith(`Port ${cfg.port} is already in use: stop what is using it, or set PORT to another port.`);
    if (error.code === "EACCES") exitWith(`Port ${cfg.port} needs more permissions than this user has: set PORT to a port above 1023.`);
    entry.logError("server", error);
    process.exit(1);
  });
  server.on("listening", () => {
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : cfg.port;
    console.log(`care-portal listening on http://localhost:${actual}${cfg.demo ? " (local demo)" : ""}`);
  });

  // SIGTERM (a deployment stopping or replacing this instance) or Ctrl-C: stop taking requests,
  // let those under way finish (10 seconds at most), then close the database cleanly.
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + 10_000;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    server.closeAllConnections();
    await entry.stopDatabase().catch((error: unknown) => entry.logError("closing the database", error));
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

async function main() {
  const build = await loadBuild();
  const entry = entryExports(build);
  try {
    entry.config();
  } catch (error) {
    exitWith(error instanceof Error ? error.message : "The settings could not be read.");
  }
  // A stray failure must never take urgent help down with it: log one line and keep serving.
  process.on("unhandledRejection", (error) => entry.logError("unhandled rejection", error));

  const [command, ...args] = process.argv.slice(2);
  if (command === "seed") {
    console.log(await entry.seedCommand(args));
    return;
  }
  if (command === "account:create") {
    const result = await entry.accountCreateCommand(args);
    if (!result.ok) exitWith(result.message);
    console.log(result.message);
    return;
  }
  if (command === "nhs-login:jwks") {
    const result = entry.nhsLoginJwksCommand();
    if (!result.ok) exitWith(result.message);
    console.log(result.message);
    return;
  }
  if (command === "fhir:import") {
    const result = await entry.fhirImportCommand(args);
    if (!result.ok) exitWith(result.message);
    console.log(result.message);
    return;
  }
  if (command) exitWith(`Unknown command "${command}". Use: seed --demo, account:create, nhs-login:jwks, or fhir:import.`);
  await serve(build, entry);
}

main().catch((error: unknown) => {
  const named = error as { name?: string; message?: string };
  // Start-up failures we know how to describe carry a plain message; anything else, just its kind.
  if (named?.name === "DataDirLockedError" || named?.name === "DemoDataInDeploymentError") exitWith(named.message ?? "");
  exitWith(`The portal could not start (${named?.name ?? "error"}).`);
});
