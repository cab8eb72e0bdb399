// What `npm test` needs that npm does not install: Debian's Chromium for the browser tests and
// PostgreSQL's server programs for the database tests. When one is missing and we run as root with
// apt-get, it is installed (as CI did before); otherwise the run stops at once with the one command
// to run. In CI, when no PostgreSQL answers on 127.0.0.1:5432, Debian's cluster is set up and started.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";

export const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export async function postgresAnswers(url = postgresUrl) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
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

const onPath = (program) => spawnSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" }).status === 0;

function hasChromium() {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.some((p) => existsSync(p));
}

/** The newest Debian PostgreSQL version folder under /usr/lib/postgresql, if any. */
function debianPostgresVersion() {
  if (!existsSync("/usr/lib/postgresql")) return undefined;
  return readdirSync("/usr/lib/postgresql")
    .filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1);
}

function hasPostgresPrograms() {
  return (onPath("initdb") && onPath("pg_ctl")) || debianPostgresVersion() !== undefined;
}

const canInstall = () => process.getuid?.() === 0 && onPath("apt-get");

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    execSync("apt-get update -qq", { stdio: "inherit", env });
    aptUpdated = true;
  }
  console.log(`Installing ${packages.join(" and ")} with apt-get…`);
  execSync(`apt-get install -y -qq ${packages.join(" ")} >/dev/null`, { stdio: "inherit", env });
}

const serverReady = () => spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", "5432", "-q"]).status === 0;

/** CI only: Debian's cluster, trusting local connections (test databases, nothing real), with a `test` database. */
function startDebianCluster() {
  const version = readdirSync("/etc/postgresql").sort((a, b) => Number(a) - Number(b)).at(-1);
  const conf = `/etc/postgresql/${version}/main/pg_hba.conf`;
  const hba = readFileSync(conf, "utf8")
    .replace(/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/m, "$1trust")
    .replace(/^(local\s+all\s+postgres\s+)\S+/m, "$1trust");
  writeFileSync(conf, hba);
  if (!serverReady()) {
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: "inherit" });
    for (let i = 0; i < 30 && !serverReady(); i++) execSync("sleep 1");
  }
  const exists = execSync(`psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'test'"`, { encoding: "utf8" });
  if (!exists.includes("1")) execSync(`psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test"`, { stdio: "inherit" });
}

export async function prepareMachine() {
  const missing = [];
  if (!hasChromium()) missing.push("chromium");
  if (!hasPostgresPrograms()) missing.push("postgresql");
  if (missing.length) {
    if (!canInstall()) {
      console.error(`The tests need Debian's ${missing.join(" and ")}. Install with:\n\n  sudo apt-get install -y ${missing.join(" ")}\n`);
      process.exit(1);
    }
    aptInstall(missing);
  }
  if (process.env.CI && !process.env.TEST_POSTGRES_URL && !(await postgresAnswers())) {
    if (!canInstall()) {
      console.error("No PostgreSQL answers on 127.0.0.1:5432. Start one, or run CI as root with apt-get.");
      process.exit(1);
    }
    console.log("No PostgreSQL answers on 127.0.0.1:5432: installing and starting Debian's postgresql…");
    if (!existsSync("/etc/postgresql")) aptInstall(["postgresql"]);
    startDebianCluster();
  }
}
