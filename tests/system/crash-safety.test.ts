import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError } from "~/utils/data-dir-lock.server";
import { openDatabase } from "~/utils/db.server";

/**
 * `kill -9` in the middle of writes loses at most the write that was not yet acknowledged. A
 * process that opens the folder as the server does (openDatabase, with its lock) is killed 20
 * times while writing. After each kill the folder must open again (the stale lock taken over,
 * the data not damaged), and at the end every acknowledged write must be there.
 */
const root = path.resolve(__dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "care-portal-crash-"));
// Inside the project, so that the bundle finds its packages in node_modules.
const writer = path.join(root, "node_modules/.cache/care-portal-tests/pglite-writer.mjs");
const KILLS = 20;

beforeAll(async () => {
  await build({
    entryPoints: [path.join(root, "tests/support/pglite-writer.ts")],
    outfile: writer,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    alias: { "~": path.join(root, "app"), "#db": path.join(root, "db") },
    logLevel: "warning",
  });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Run the writer until it has acknowledged `writes` rows, then SIGKILL it. */
function writeThenKill(dataDir: string, writes: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const acked: number[] = [];
    let buffer = "";
    let errors = "";
    child.stderr.on("data", (c: Buffer) => (errors += c.toString()));
    child.stdout.on("data", (c: Buffer) => {
      buffer += c.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith("ack ")) acked.push(Number(line.slice(4)));
      }
      if (acked.length >= writes && child.exitCode === null && !child.killed) child.kill("SIGKILL");
    });
    child.once("exit", (code, signal) => {
      // Whatever was printed before the kill was acknowledged.
      for (const line of buffer.split("\n")) if (line.startsWith("ack ")) acked.push(Number(line.slice(4)));
      if (signal === "SIGKILL") resolve(acked);
      else reject(new Error(`writer exited (${code}) before it was killed:\n${errors}`));
    });
  });
}

describe("the embedded database survives kill -9", () => {
  it(`keeps every acknowledged write through ${KILLS} kills in the middle of writes`, async () => {
    const dataDir = path.join(scratch, "pglite");
    const acknowledged: number[] = [];
    for (let round = 0; round < KILLS; round++) {
      // A different moment each round: after 1 to 40 acknowledged writes.
      acknowledged.push(...(await writeThenKill(dataDir, 1 + ((round * 17) % 40))));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS);

    // Opening here also takes over the lock the last killed process left behind.
    const handle = await openDatabase({ dataDir });
    try {
      const result = (await handle.db.execute(sql`SELECT id FROM crash_writes`)) as unknown as { rows: { id: number }[] };
      const stored = new Set(result.rows.map((r) => Number(r.id)));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged writes lost`).toEqual([]);
      // While it is open here, nobody else may open it.
      await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      await handle.close();
    }
  });
});
