import path from "node:path";
import { sql } from "drizzle-orm";
import { hasDemoAccounts, isEmpty, resealDemoTotpKeys, seedDemoData } from "#db/seed";
import { config } from "~/config.server";
import { purgeExpired } from "~/models/housekeeping.server";
import { DataDirLockedError } from "~/utils/data-dir-lock.server";
import {
  getDatabaseHandle,
  isDatabaseAvailable,
  migrate,
  openDatabase,
  setDatabase,
  setDatabaseAvailable,
  type DatabaseHandle,
} from "~/utils/db.server";
import { logError, logInfo } from "~/utils/log.server";
import { projectRoot } from "~/utils/paths.server";

/** A deployment that holds the demo people without ALLOW_DEMO_DATA=true: never serve it. */
export class DemoDataInDeploymentError extends Error {
  override name = "DemoDataInDeploymentError";
  constructor() {
    super(
      "This database holds the demo accounts, whose password is public. Remove them, or set ALLOW_DEMO_DATA=true for a demonstration.",
    );
  }
}

/** Errors that retrying cannot mend: the server stops with their one-line message. */
export function isFatalStartError(error: unknown): error is DataDirLockedError | DemoDataInDeploymentError {
  return error instanceof DataDirLockedError || error instanceof DemoDataInDeploymentError;
}

/**
 * The explicit start-up step: open the database (PGlite under ./data/ unless DATABASE_URL is
 * set), apply migrations, and in the local demo seed the demo people into an empty database.
 * A deployment never seeds, and refuses a database with demo accounts unless that is allowed.
 */
export async function startDatabase(options: { seedIfEmpty?: boolean } = {}): Promise<DatabaseHandle> {
  const existing = getDatabaseHandle();
  if (existing) return existing;
  const cfg = config();
  const handle = await openDatabase(
    cfg.databaseUrl
      ? { url: cfg.databaseUrl, onConnectionLost: () => void checkDatabase() }
      : { dataDir: path.resolve(projectRoot(), cfg.dataDir) },
  );
  try {
    await migrate(handle, { url: cfg.databaseUrl });
    if (cfg.demo) {
      if (options.seedIfEmpty !== false && (await isEmpty(handle.db))) await seedDemoData(handle.db);
    } else if (!cfg.allowDemoData && (await hasDemoAccounts(handle.db))) {
      throw new DemoDataInDeploymentError();
    }
    // The demo staff's public authenticator key, readable with this process's secret.
    if (cfg.demo || cfg.allowDemoData) await resealDemoTotpKeys(handle.db);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  setDatabase(handle);
  return handle;
}

let retryTimer: NodeJS.Timeout | undefined;
let housekeepingTimer: NodeJS.Timeout | undefined;
let stopped = false;

/**
 * Serve whatever the database does: connect now if it answers, otherwise keep trying in the
 * background (1 s, 2 s, 4 s … at most every 5 s) while every page but urgent help answers 503.
 * `onFatal` is called for what no retry can mend (the data folder in use, demo data in a deployment).
 */
export function startDatabaseInBackground(onFatal: (error: Error) => void): void {
  stopped = false;
  let delay = 1_000;
  let reported = false;
  const attempt = async () => {
    retryTimer = undefined;
    if (stopped) return;
    try {
      await startDatabase();
      if (reported) logInfo("the database is answering: serving every page");
      startHousekeeping();
    } catch (error) {
      if (isFatalStartError(error)) return onFatal(error);
      // One line when it first fails, not one per retry.
      if (!reported) logError("the database is not answering; retrying in the background", error);
      reported = true;
      retryTimer = setTimeout(() => void attempt(), delay);
      delay = Math.min(delay * 2, 5_000);
    }
  };
  void attempt();
}

let checking: Promise<boolean> | undefined;
let recoveryTimer: NodeJS.Timeout | undefined;

/** Ask the database whether it answers (at most 2 s). Marks it unavailable, and starts recovery, if not. */
export function checkDatabase(): Promise<boolean> {
  checking ??= (async () => {
    const handle = getDatabaseHandle();
    if (!handle) return false;
    const ok = await Promise.race([
      handle.db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
    ]);
    if (!ok && isDatabaseAvailable()) {
      console.error("[error] the database stopped answering: pages answer 503 until it is back");
      setDatabaseAvailable(false);
    }
    if (!ok) scheduleRecovery();
    return ok;
  })().finally(() => {
    checking = undefined;
  });
  return checking;
}

/** While the database is away, ask every second; when it answers, migrate (a new server may be empty) and serve. */
function scheduleRecovery() {
  if (recoveryTimer || stopped) return;
  recoveryTimer = setTimeout(async () => {
    recoveryTimer = undefined;
    const handle = getDatabaseHandle();
    if (!handle || stopped) return;
    try {
      await handle.db.execute(sql`select 1`);
      await migrate(handle, { url: config().databaseUrl });
      setDatabaseAvailable(true);
      logInfo("the database is answering again: serving every page");
    } catch {
      scheduleRecovery();
    }
  }, 1_000);
}

/** Whether the portal can serve pages that need the database: connected, migrated and answering. */
export async function isReady(): Promise<boolean> {
  return isDatabaseAvailable() && (await checkDatabase());
}

function startHousekeeping() {
  if (housekeepingTimer) return;
  const run = async () => {
    const handle = getDatabaseHandle();
    if (!handle || !isDatabaseAvailable()) return;
    try {
      await purgeExpired(handle.db);
    } catch (error) {
      logError("housekeeping", error);
    }
  };
  void run();
  housekeepingTimer = setInterval(() => void run(), 60 * 60 * 1000);
  housekeepingTimer.unref();
}

/** `npm run db:seed -- --demo`: the demo people into an empty database (local or DATABASE_URL). */
export async function seedCommand(args: string[] = []): Promise<string> {
  if (!args.includes("--demo")) {
    return "Nothing to seed. To add the demo people (fictional, with a public password) run: npm run db:seed -- --demo";
  }
  const handle = await openAndMigrate();
  try {
    if (!(await isEmpty(handle.db))) return "The database already has accounts; the demo people were not added.";
    await seedDemoData(handle.db);
    return config().demo
      ? "Demo people added."
      : "Demo people added. A deployment holding them starts only with ALLOW_DEMO_DATA=true.";
  } finally {
    await handle.close();
  }
}

/** For commands run beside (not inside) the server: open and migrate, nothing else. */
export async function openAndMigrate(): Promise<DatabaseHandle> {
  const cfg = config();
  const handle = await openDatabase(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: path.resolve(projectRoot(), cfg.dataDir) });
  try {
    await migrate(handle, { url: cfg.databaseUrl });
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

export async function stopDatabase(): Promise<void> {
  stopped = true;
  if (retryTimer) clearTimeout(retryTimer);
  if (recoveryTimer) clearTimeout(recoveryTimer);
  if (housekeepingTimer) clearInterval(housekeepingTimer);
  retryTimer = recoveryTimer = housekeepingTimer = undefined;
  const handle = getDatabaseHandle();
  setDatabase(undefined);
  await handle?.close();
}
