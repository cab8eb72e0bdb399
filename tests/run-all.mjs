// `npm test`: every test, unit to browser, in one vitest run, then the time it took.
// First it makes sure the machine has what the tests need beyond npm (tests/support/machine-setup.mjs):
// Debian's Chromium, PostgreSQL's server programs and, in CI, a PostgreSQL server.
// The database tests run on PGlite and, when a PostgreSQL server answers, on PostgreSQL too.
// In CI (CI=true) a missing PostgreSQL server is a failure, not a skip.
// Extra arguments go to vitest, e.g. `npm test -- --reporter=json --outputFile=times.json`.
import { execSync, spawnSync } from "node:child_process";
import { prepareMachine, postgresAnswers, postgresUrl } from "./support/machine-setup.mjs";

const started = Date.now();
function finish(status) {
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nnpm test took ${Math.floor(seconds / 60)} min ${seconds % 60} s in total.`);
  process.exit(status);
}

await prepareMachine();

// The production build, once, for the browser tests (only when a source is newer than it).
execSync("node app/server/build-if-needed.mjs", { stdio: "inherit" });

const projects = ["unit", "db-pglite", "browser", "system"];
if (await postgresAnswers()) {
  projects.push("db-postgres");
} else if (process.env.CI) {
  console.error(`PostgreSQL did not answer at ${postgresUrl}: the database tests must also run on PostgreSQL in CI.`);
  finish(1);
} else {
  console.warn(
    `PostgreSQL did not answer at ${postgresUrl}, so the PostgreSQL run of the database tests was left out.` +
      " Start PostgreSQL (or set TEST_POSTGRES_URL) to include it; CI always runs it.",
  );
}

const extra = process.argv.slice(2);
// The default output, then the slowest files and tests (unless the caller chose reporters of their own).
const reporters = extra.some((a) => a.startsWith("--reporter")) ? [] : ["--reporter=default", "--reporter=./tests/support/slowest-reporter.ts"];
const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), ...reporters, ...extra];
const result = spawnSync("npx", args, { stdio: "inherit" });
finish(result.status ?? 1);
