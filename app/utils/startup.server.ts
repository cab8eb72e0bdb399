import path from "node:path";
import { isEmpty, seedDemoData } from "#db/seed";
import { config } from "~/config.server";
import { getDatabaseHandle, migrate, openDatabase, setDatabase, type DatabaseHandle } from "./db.server";
import { projectRoot } from "./paths.server";

/**
 * The explicit start-up step: open the database (PGlite under ./data/ unless DATABASE_URL is
 * set), apply migrations, and seed the demo data when the database is empty.
 */
export async function startDatabase(options: { seedIfEmpty?: boolean } = {}): Promise<DatabaseHandle> {
  const existing = getDatabaseHandle();
  if (existing) return existing;
  const { databaseUrl, dataDir } = config();
  const handle = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: path.resolve(projectRoot(), dataDir) });
  await migrate(handle);
  if (options.seedIfEmpty !== false && (await isEmpty(handle.db))) await seedDemoData(handle.db);
  setDatabase(handle);
  return handle;
}

/** `npm run db:seed`: seed an empty database, or say why not. */
export async function seedCommand(): Promise<string> {
  const handle = await startDatabase({ seedIfEmpty: false });
  try {
    if (!(await isEmpty(handle.db))) return "The database already has data; nothing was seeded.";
    await seedDemoData(handle.db);
    return "Demo data seeded.";
  } finally {
    await stopDatabase();
  }
}

export async function stopDatabase(): Promise<void> {
  const handle = getDatabaseHandle();
  setDatabase(undefined);
  await handle?.close();
}
