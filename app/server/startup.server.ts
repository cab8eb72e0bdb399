import path from "node:path";
import { sql } from "drizzle-orm";
import { demoCoordinator, hasDemoAccounts, hasGeneratedPeople, isEmpty, resealDemoTotpKeys, seedDemoData } from "#db/seed";
import { seedScale } from "#db/seed-scale";
import { readOptions } from "~/utils/options";
import { config, publicLink } from "~/config.server";
import { purgeExpired } from "~/models/housekeeping.server";
// Registers the "appointment tomorrow" check that housekeeping runs (decision 057).
import "~/models/appointments.server";
import { purgeOldNotifications, runScheduledChecks, sendDueNotifications, type SendOptions } from "~/models/notifications.server";
import { notifySender } from "~/utils/notify.server";
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
      startNotificationSender();
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
      await purgeOldNotifications(handle.db, new Date());
    } catch (error) {
      logError("housekeeping", error);
    }
    // Reviews due, sharing about to end, and whatever else is registered (decision 057).
    await runScheduledChecks(handle.db, new Date(), (name, error) => logError(`scheduled check ${name}`, error));
  };
  void run();
  housekeepingTimer = setInterval(() => void run(), 60 * 60 * 1000);
  housekeepingTimer.unref();
}

/** How often the outbox is looked at: a notification leaves within this of its change. */
const NOTIFY_POLL_MS = 5_000;
let notifyTimer: NodeJS.Timeout | undefined;
let sending = false;

/**
 * With a GOV.UK Notify API key, send what the outbox holds every few seconds (decision 057).
 * Without one nothing is sent: the outbox keeps every notification, and staff and admins see it.
 */
function startNotificationSender() {
  const notify = config().notify;
  if (!notify || notifyTimer) return;
  const options: SendOptions = { sender: notifySender(notify), templates: notify.templates, linkFor: (path) => publicLink(path) };
  const run = async () => {
    const handle = getDatabaseHandle();
    if (sending || !handle || !isDatabaseAvailable()) return;
    sending = true;
    try {
      await sendDueNotifications(handle.db, options);
    } catch (error) {
      logError("notifications", error);
    } finally {
      sending = false;
    }
  };
  void run();
  notifyTimer = setInterval(() => void run(), NOTIFY_POLL_MS);
  notifyTimer.unref();
}

/**
 * `npm run db:seed -- --demo`: the demo people into an empty database (local or DATABASE_URL).
 * With `--people N` (and `--seed S`, 1 unless given): N generated people besides them, at a trust's
 * scale (db/seed-scale.ts), added to a database holding only the demo people.
 */
export async function seedCommand(args: string[] = []): Promise<string> {
  if (!args.includes("--demo")) {
    return "Nothing to seed. To add the demo people (fictional, with a public password) run: npm run db:seed -- --demo";
  }
  const options = readOptions(args);
  const scale = options.has("people") ? scaleOptions(options) : null;
  if (typeof scale === "string") return scale;
  const handle = await openAndMigrate();
  try {
    const empty = await isEmpty(handle.db);
    if (!empty && !scale) return "The database already has accounts; the demo people were not added.";
    if (!empty && !(await hasDemoAccounts(handle.db))) return "The database has accounts but not the demo people; nothing was added.";
    if (scale && (await hasGeneratedPeople(handle.db))) return "Generated people are already in this database; nothing was added. Start from an empty one.";
    if (empty) await seedDemoData(handle.db);
    const added = empty ? "Demo people added." : "The demo people were already there.";
    let generated = "";
    if (scale) {
      const started = Date.now();
      const jo = await demoCoordinator(handle.db);
      const result = await seedScale(handle.db, { ...scale, jo, onProgress: (done) => process.stderr.write(`\r${done} of ${scale.people} people`) });
      process.stderr.write("\n");
      generated = ` ${result.people} generated people and ${result.staff} care coordinators added (seed ${scale.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s. Generated accounts have no password.`;
    }
    return config().demo
      ? `${added}${generated}`
      : `${added}${generated} A deployment holding them starts only with ALLOW_DEMO_DATA=true.`;
  } finally {
    await handle.close();
  }
}

function scaleOptions(options: Map<string, string>): { people: number; seed: number } | string {
  const people = Number(options.get("people"));
  const seed = options.has("seed") ? Number(options.get("seed")) : 1;
  if (!Number.isInteger(people) || people < 1 || people > 1_000_000) return "--people takes a whole number from 1 to 1000000.";
  if (!Number.isInteger(seed) || seed < 0) return "--seed takes a whole number, 0 or more.";
  return { people, seed };
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
  if (notifyTimer) clearInterval(notifyTimer);
  retryTimer = recoveryTimer = housekeepingTimer = notifyTimer = undefined;
  const handle = getDatabaseHandle();
  setDatabase(undefined);
  await handle?.close();
}
