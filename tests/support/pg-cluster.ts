import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of the tests' own, on a spare port under a temporary folder, that a test
 * can stop and start (Debian's `postgresql` binaries: initdb and pg_ctl). The server on 5432 is
 * left alone. PostgreSQL refuses to run as root, so as root the commands run as `postgres`.
 */
export interface PgCluster {
  port: number;
  url: (database?: string) => string;
  start: () => void;
  stop: (mode?: "fast" | "immediate") => void;
  /** SQL through psql as the superuser (for pg_terminate_backend and checks). */
  psql: (sql: string, database?: string) => string;
  destroy: () => void;
}

export function findPostgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(base, v, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, command: string, args: string[]): string {
  const file = path.join(bin, command);
  if (!asRoot) return execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const quoted = [file, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export async function createPgCluster(): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL's server binaries are missing: run `apt-get install -y postgresql` (npm test does this as root).");
  const dir = mkdtempSync(path.join(tmpdir(), "care-portal-pg-"));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  run(bin, "initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const cluster: PgCluster = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => void run(bin, "pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]),
    stop: (mode = "fast") => void run(bin, "pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]),
    psql: (sql, database = "postgres") =>
      execFileSync(path.join(bin, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-tAc", sql], {
        encoding: "utf8",
      }).trim(),
    destroy: () => {
      try {
        cluster.stop("immediate");
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
