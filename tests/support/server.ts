import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  /** What the server has written to stdout and stderr so far (for a failing test's message). */
  output: () => string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** A migrated, seeded PGlite folder (see `seedDataDir`) to copy instead of migrating and seeding a new one. */
  from?: string;
  /** The folder to make the server's own folder in (the system's temporary folder by default). */
  tmpRoot?: string;
}

const root = path.resolve(__dirname, "../..");
const exitWithParent = path.join(__dirname, "exit-with-parent.mjs");

/**
 * Make a migrated database seeded with the demo people, once, in `dataDir` (a PGlite folder).
 * Servers started with `{ from: dataDir }` copy it, which takes a fraction of migrating and seeding.
 */
export function seedDataDir(dataDir: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production" };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ["build/server.js", "seed", "--demo"], { cwd: root, env, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Seeding the test database failed:\n${result.stdout}${result.stderr}`);
}

/** Start the production build on a free port with its own fresh embedded database. */
export async function startServer(extraEnv: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(options.tmpRoot ?? tmpdir(), "care-portal-test-"));
  if (options.from) cpSync(options.from, path.join(dataDir, "pglite"), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: path.join(dataDir, "pglite"),
    NODE_ENV: "production",
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ["--import", exitWithParent, "build/server.js"], {
    cwd: root,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start in 300 s:\n${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited (${code}) before listening:\n${output}`));
    });
  });
  // The server listens at once and opens its database in the background: wait until it can serve.
  const deadline = Date.now() + 300_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null) throw new Error(`Server exited (${child.exitCode}) before it was ready:\n${output}`);
    if (Date.now() > deadline) throw new Error(`Server was not ready in 300 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
