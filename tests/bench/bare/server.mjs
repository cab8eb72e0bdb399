// The bare Remix app's server for `npm run bench`: Express with compression and the build's
// static files, as the portal's server has, and Remix's own Express adapter.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

process.env.NODE_ENV ??= "production";
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../../.output/bench-bare");
const build = await import(path.join(out, "build/index.js"));

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/build", express.static(path.join(out, "public/build"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const server = app.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`bare remix listening on http://localhost:${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
