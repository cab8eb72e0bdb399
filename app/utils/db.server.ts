import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "#db/schema/index";
import { acquireDataDirLock } from "./data-dir-lock.server";
import { logError } from "./log.server";
import { fromRoot } from "./paths.server";

/** One typed handle for both drivers (PGlite and node-postgres). */
/**
 * The database, on either driver. A transaction (`db.transaction(async (tx) => …)`) is a Db too,
 * so models take `db: Db` and work the same inside one: pass `tx` as it is, never cast it.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL. Unset: embedded PGlite. */
  url?: string;
  /** PGlite data folder. Unset with no url: in memory (tests only). */
  dataDir?: string;
  /** PGlite data dump (from dumpDataDir) to start from instead of running initdb. */
  loadDataDir?: Blob;
  /** Called when the connection to PostgreSQL breaks while idle (a restart, a failover, an ended backend). */
  onConnectionLost?: () => void;
}

/** How long to wait for PostgreSQL before treating it as unavailable, and the longest a statement may run. */
export const CONNECT_TIMEOUT_MS = 5_000;
export const STATEMENT_TIMEOUT_MS = 15_000;

let statementsSent = 0;

/**
 * How many statements the app has sent through drizzle since the process started (tests compare two
 * readings around a page). With DB_LOG_STATEMENTS=1 each statement's SQL text is written to stderr:
 * the text only, never its parameters (they may be personal data).
 */
export function statementCount(): number {
  return statementsSent;
}

const logStatements = process.env.DB_LOG_STATEMENTS === "1";
const statementLogger = {
  logQuery(query: string): void {
    statementsSent++;
    if (logStatements) process.stderr.write(`[sql] ${query.replace(/\s+/g, " ").slice(0, 300)}\n`);
  },
};

/** The one place that opens a connection. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: pg } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS + 5_000,
      application_name: "care-portal",
    });
    // An idle connection that the server ends (restart, failover, pg_terminate_backend) is reported
    // here; without a listener it would end the process.
    pool.on("error", (error) => {
      logError("database connection lost", error);
      options.onConnectionLost?.();
    });
    const db = drizzle(pool, { schema, logger: statementLogger }) as unknown as Db;
    return { db, driver: "postgres", close: () => pool.end() };
  }
  // One process per data folder: claimed before PGlite touches it, released when it is closed.
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    if (options.dataDir) {
      mkdirSync(path.dirname(options.dataDir), { recursive: true });
      if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await createDataDirInChild(options.dataDir);
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      // A small portal's database: PGlite's 128 MB of shared buffers would only fill the server's
      // memory over time (issue 17 item 4); the operating system caches the files as well.
      // (Not `postgresqlconf`: that replaces the whole postgresql.conf initdb wrote.)
      startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
    await client.waitReady;
    const db = drizzle(client, { schema, logger: statementLogger }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** PostgreSQL's buffer cache inside the embedded database (decision 047). */
export const PGLITE_SHARED_BUFFERS = "32MB";

/**
 * A new embedded database is made (initdb) in a short-lived process of its own: PGlite runs
 * initdb in a second database instance and copies its files across, which takes about 500 MB
 * that a long-running server would keep (issue 17 item 4). The server then opens the folder as
 * it does on every later start.
 */
async function createDataDirInChild(dataDir: string): Promise<void> {
  const { spawn } = await import("node:child_process");
  const { createRequire } = await import("node:module");
  const { pathToFileURL } = await import("node:url");
  const entry = pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href;
  const script = `const { PGlite } = await import(${JSON.stringify(entry)}); const db = new PGlite(process.argv[1]); await db.waitReady; await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, dataDir], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString().slice(0, 2000);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`The new embedded database could not be made (${code}): ${stderr.trim().split("\n")[0] ?? ""}`))));
  });
}

/** Folder of the SQL migrations generated by drizzle-kit. */
export function migrationsFolder(): string {
  return fromRoot("db", "migrations");
}

/** Any number: the key of the advisory lock that lets one instance at a time migrate a PostgreSQL database. */
const MIGRATION_LOCK_KEY = 7_401_220_311;

/**
 * Apply every committed migration. Called explicitly at start-up and by the test harness. On
 * PostgreSQL it runs under an advisory lock, so instances starting together migrate one at a time
 * (the second finds the work done).
 */
export async function migrate(handle: DatabaseHandle, options: { url?: string } = {}): Promise<void> {
  const migrationsDir = migrationsFolder();
  if (handle.driver === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(handle.db as never, { migrationsFolder: migrationsDir });
    return;
  }
  const { migrate: run } = await import("drizzle-orm/node-postgres/migrator");
  if (!options.url) {
    await run(handle.db as never, { migrationsFolder: migrationsDir });
    return;
  }
  // The lock is held by a connection of its own for as long as the migrations run.
  const { default: pg } = await import("pg");
  const locker = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  locker.on("error", () => {});
  await locker.connect();
  try {
    await locker.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await run(handle.db as never, { migrationsFolder: migrationsDir });
  } finally {
    await locker.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await locker.end().catch(() => {});
  }
}

let current: DatabaseHandle | undefined;
let available = false;

/** Install the process-wide handle (server start-up, or the test harness). */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  current = handle;
  available = Boolean(handle);
}

/** Whether requests may use the database now (start-up and the health checks set this). */
export function setDatabaseAvailable(value: boolean): void {
  available = value && Boolean(current);
}

export function isDatabaseAvailable(): boolean {
  return available;
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 10;

/**
 * The process-wide database. While it is not there (not yet connected, or lost), this throws a
 * 503 response: the page says "not working right now" with the urgent help link, never a 500.
 */
export function getDb(): Db {
  if (!current || !available) {
    throw new Response(null, { status: 503, statusText: "Service Unavailable", headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
  }
  return current.db;
}

export function getDatabaseHandle(): DatabaseHandle | undefined {
  return current;
}
