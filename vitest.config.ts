import path from "node:path";
import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./tests/support/sequencer";

const alias = {
  "~": path.resolve(__dirname, "app"),
  "#db": path.resolve(__dirname, "db"),
};

// Projects with different worker settings run one group after another, in this order.
const dbTest = (name: string, driver: "pglite" | "postgres", groupOrder: number) => ({
  resolve: { alias },
  test: {
    name,
    include: ["app/**/*.db.test.ts", "db/**/*.db.test.ts"],
    environment: "node",
    env: { TEST_DB_DRIVER: driver },
    sequence: { groupOrder },
    setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/db-setup.ts"],
    // PostgreSQL: one migrated template per run, copied by each worker (CREATE DATABASE … TEMPLATE).
    globalSetup: driver === "postgres" ? ["tests/support/db-global-setup.ts"] : [],
    // One migrated database per worker, shared by that worker's files (creating one costs seconds).
    pool: "forks" as const,
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    // The longest files first, in CI too (where Vitest has no times from an earlier run).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "tests/unit/**/*.test.{ts,tsx}"],
          exclude: ["app/**/*.db.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      dbTest("db-pglite", "pglite", 1),
      dbTest("db-postgres", "postgres", 2),
      {
        resolve: { alias },
        test: {
          // The production server as an operator runs it: settings, PostgreSQL of its own that the
          // tests stop and start, crashes of the embedded database.
          name: "system",
          include: ["tests/system/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/build-global-setup.ts"],
          pool: "forks",
          maxWorkers: 1,
          fileParallelism: false,
          sequence: { groupOrder: 4 },
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/browser-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/browser-worker.ts"],
          // Each worker has its own server (on a copy of one seeded database) and one Chromium, kept
          // across its files (isolate: false), so files run side by side without sharing data.
          pool: "forks",
          isolate: false,
          maxWorkers: Number(process.env.BROWSER_WORKERS ?? 2),
          sequence: { groupOrder: 3 },
          // Generous: a shared CI machine can be many times slower than an idle one.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll waits for what the test needs (a client-side navigation's new content, say):
          // allow for a busy machine instead of the 1 s default.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
