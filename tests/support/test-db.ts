import { sql } from "drizzle-orm";
import { getDatabaseHandle, migrate, openDatabase, setDatabase, type DatabaseHandle } from "~/utils/db.server";

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A migrated database for this test worker: in-memory PGlite, or its own database on the PostgreSQL server. */
export async function openTestDatabase(driver: "pglite" | "postgres"): Promise<DatabaseHandle> {
  if (driver === "pglite") {
    const handle = await openDatabase({});
    await migrate(handle);
    return handle;
  }
  // One database per worker process. Databases left by runs whose process has gone are dropped here,
  // so nothing piles up on the server.
  const name = `care_portal_test_${process.pid}`;
  const admin = await openDatabase({ url: POSTGRES_ADMIN_URL });
  try {
    const existing = (await admin.db.execute(
      sql.raw("SELECT datname FROM pg_database WHERE datname LIKE 'care_portal_test_%'"),
    )) as unknown as { rows: { datname: string }[] };
    for (const { datname } of existing.rows) {
      const pid = Number(datname.replace("care_portal_test_", ""));
      if (pid !== process.pid && !isAlive(pid)) await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${datname}`));
    }
    await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name}`));
    await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  } finally {
    await admin.close();
  }
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.href });
  await migrate(handle);
  return handle;
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
