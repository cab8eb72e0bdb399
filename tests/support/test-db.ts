import { sql } from "drizzle-orm";
import { getDatabaseHandle, migrate, openDatabase, setDatabase, type DatabaseHandle } from "~/utils/db.server";

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A migrated database for this test worker: in-memory PGlite, or its own database on the PostgreSQL
 * server, copied from the run's migrated template when there is one (tests/support/db-global-setup.ts).
 */
export async function openTestDatabase(driver: "pglite" | "postgres", template?: string): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const handle = await openDatabase({});
    await migrate(handle);
    return handle;
  }
  // One database per worker process.
  const name = `care_portal_test_${process.pid}`;
  const admin = await openDatabase({ url: POSTGRES_ADMIN_URL });
  try {
    await dropStaleDatabases(admin);
    await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name}`));
    await admin.db.execute(sql.raw(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`));
  } finally {
    await admin.close();
  }
  const handle = await openDatabase({ url: withDatabase(name) });
  if (!template) await migrate(handle);
  return handle;
}

/** The admin URL with another database name. */
export function withDatabase(name: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

/** Databases left by test runs whose process has gone are dropped, so nothing piles up on the server. */
export async function dropStaleDatabases(admin: DatabaseHandle): Promise<void> {
  const existing = (await admin.db.execute(
    sql.raw("SELECT datname FROM pg_database WHERE datname LIKE 'care_portal_test_%' OR datname LIKE 'care_portal_template_%'"),
  )) as unknown as { rows: { datname: string }[] };
  for (const { datname } of existing.rows) {
    const pid = Number(datname.replace(/^care_portal_(test|template)_/, ""));
    if (pid !== process.pid && !isAlive(pid)) await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${datname}`));
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Empty every table between tests (cheaper than a new database). Finds the tables, so new ones are included. */
export async function truncateAll(): Promise<void> {
  const handle = getDatabaseHandle();
  if (!handle) throw new Error("No test database");
  const result = (await handle.db.execute(
    sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
  )) as unknown as { rows: { tablename: string }[] };
  const tables = result.rows.map((r) => `"${r.tablename}"`).join(", ");
  await handle.db.execute(sql.raw(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`));
}

export { setDatabase };
