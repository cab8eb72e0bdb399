import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * One process per embedded database folder. Two processes writing one PGlite folder can leave it
 * unopenable, so the folder is claimed with a lock file beside it before PGlite opens it.
 *
 * The lock names the process (pid, host and the process's start time). A lock whose process has
 * gone (a crash, `kill -9`) is stale and is taken over, so a crash never leaves the folder stuck;
 * the start time tells a reused pid from the process that wrote the lock.
 */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The database folder ${dataDir} is already in use by another care-portal process (pid ${pid}).`);
  }
}

interface LockContent {
  pid: number;
  host: string;
  started: string | null;
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** When the process started, from /proc (Linux); null elsewhere. Survives pid reuse checks. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime) comes after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(lock: LockContent): boolean {
  if (lock.host !== hostname()) return true; // another machine's process: never take it over
  if (!Number.isInteger(lock.pid) || lock.pid <= 0) return false;
  try {
    process.kill(lock.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const started = processStart(lock.pid);
  return lock.started === null || started === null || started === lock.started;
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockContent>;
    return { pid: Number(parsed.pid), host: String(parsed.host ?? ""), started: parsed.started ?? null };
  } catch {
    return null;
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Claim the folder for this process. Throws DataDirLockedError when a live process holds it. */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = lockPathFor(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockContent = { pid: process.pid, host: hostname(), started: processStart(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx": create, and fail if it exists: only one process can win.
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, JSON.stringify(mine));
      } finally {
        closeSync(fd);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(file);
        if (current?.pid === process.pid && current.host === mine.host) rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      if (holder && holder.pid === process.pid && holder.host === mine.host) {
        throw new DataDirLockedError(dataDir, holder.pid);
      }
      if (holder && isAlive(holder)) throw new DataDirLockedError(dataDir, holder.pid);
      // A lock file still being written by a process that has just started: not stale yet.
      if (!holder && Date.now() - mtimeOf(file) < 2_000) throw new DataDirLockedError(dataDir, 0);
      // Stale (or half-written by a process that died at once): remove it and try again.
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, readLock(file)?.pid ?? 0);
}
