// `npm test`: every test, unit to browser, in one vitest run.
// The database tests run on PGlite and, when a PostgreSQL server answers, on PostgreSQL too.
// In CI (CI=true) a missing PostgreSQL server is a failure, not a skip.
import { execSync, spawnSync } from "node:child_process";
import pg from "pg";

const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

execSync("node app/server/build-if-needed.mjs", { stdio: "inherit" });

const projects = ["unit", "db-pglite", "browser"];
if (await postgresAnswers()) {
  projects.push("db-postgres");
} else if (process.env.CI) {
  console.error(`PostgreSQL did not answer at ${postgresUrl}: the database tests must also run on PostgreSQL in CI.`);
  process.exit(1);
} else {
  console.warn(
    `PostgreSQL did not answer at ${postgresUrl}, so the PostgreSQL run of the database tests was left out.` +
      " Start PostgreSQL (or set TEST_POSTGRES_URL) to include it; CI always runs it.",
  );
}

const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p]), ...process.argv.slice(2)];
const result = spawnSync("npx", args, { stdio: "inherit" });
process.exit(result.status ?? 1);
