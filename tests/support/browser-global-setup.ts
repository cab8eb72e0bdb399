import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findChromium } from "./chromium";
import { seedDataDir } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumPath: string;
    /** A folder for this run's test servers, removed at the end. */
    runDir: string;
    /** A migrated PGlite folder seeded with the demo people; each worker's server starts from a copy. */
    seededDataDir: string;
  }
}

const root = path.resolve(__dirname, "../..");

/**
 * Once per run, before any browser test: the production build (only when a source is newer than it),
 * Chromium's path, and one migrated, seeded database. Each worker then starts its own server on a
 * copy of that database (tests/support/browser-worker.ts), so files in different workers never share data.
 */
export default async function setup(project: TestProject) {
  execSync("node app/server/build-if-needed.mjs", { cwd: root, stdio: "inherit" });
  const chromiumPath = findChromium();
  const folder = mkdtempSync(path.join(tmpdir(), "care-portal-seeded-"));
  const seeded = path.join(folder, "pglite");
  seedDataDir(seeded);
  project.provide("chromiumPath", chromiumPath);
  project.provide("seededDataDir", seeded);
  project.provide("runDir", folder);
  return () => {
    rmSync(folder, { recursive: true, force: true });
  };
}
