// Run `npm run build` when there is no build, or when any source is newer than it.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const outputs = ["build/index.js", "build/server.js"];
const sources = ["app", "db", "remix.config.js", "package.json", "package-lock.json"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), s.mtimeMs);
}

const built = Math.min(...outputs.map((o) => (existsSync(o) ? statSync(o).mtimeMs : 0)));
if (built === 0 || sources.some((s) => newest(s) > built)) {
  console.log(built === 0 ? "No build yet: building…" : "Sources changed: rebuilding…");
  // Always the production build: run from vitest, NODE_ENV is "test", and a build made with it
  // mixes React's development JSX runtime into the production server (every page then a 500).
  execSync("npm run build", { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
