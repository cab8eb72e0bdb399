/**
 * The production server: Express serving the Remix build, with our own security headers,
 * a CSP nonce per response, no request logging (URLs may hold personal data), and a clean
 * shutdown that closes the embedded database.
 *
 * Usage: node build/server.js          serve on PORT (default 3000)
 *        node build/server.js seed     seed an empty database with the demo data
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";

process.env.NODE_ENV ??= "production";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

interface EntryExports {
  startDatabase: (options?: { seedIfEmpty?: boolean }) => Promise<unknown>;
  stopDatabase: () => Promise<void>;
  seedCommand: () => Promise<string>;
}

async function loadBuild(): Promise<ServerBuild> {
  return (await import(path.join(here, "index.js"))) as ServerBuild;
}

function entryExports(build: ServerBuild): EntryExports {
  return build.entry.module as unknown as EntryExports;
}

function securityHeaders(nonce: string): Record<string, string> {
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      // React Aria sets a few inline style attributes (visually hidden inputs).
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

async function serve(build: ServerBuild) {
  const { default: express } = await import("express");
  const { default: compression } = await import("compression");
  const { createRequestHandler } = await import("@remix-run/express");

  try {
    await entryExports(build).startDatabase();
  } catch (error) {
    // Keep serving: "Get help now" needs no database, and other pages show an error page that links to it.
    console.error("The database could not be opened:", error instanceof Error ? error.message : error);
  }

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
  app.use(compression());
  // Fingerprinted build assets can be cached for ever; everything else is checked each time.
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h", index: false }));

  app.all(
    "*",
    (req, res, next) => {
      const nonce = randomBytes(16).toString("base64");
      res.locals.cspNonce = nonce;
      res.set(securityHeaders(nonce));
      // Pages may show health information: never store them in any cache (shared or browser).
      res.set("Cache-Control", "no-store");
      next();
    },
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const server = app.listen(port, host, () => {
    const address = server.address();
    const actual = typeof address === "object" && address ? address.port : port;
    console.log(`care-portal listening on http://localhost:${actual}`);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    await entryExports(build).stopDatabase();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function main() {
  const build = await loadBuild();
  if (process.argv[2] === "seed") {
    console.log(await entryExports(build).seedCommand());
    return;
  }
  await serve(build);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : "start-up failed");
  process.exit(1);
});
