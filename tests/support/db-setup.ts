import { beforeAll, beforeEach, inject } from "vitest";
import { setDatabase, type DatabaseHandle } from "~/utils/db.server";
import { openTestDatabase, truncateAll } from "./test-db";

// With isolate: false the worker keeps this module's state across files, so each worker opens
// and migrates one database per driver and every file reuses it.
const key = Symbol.for("care-portal.test-dbs");
const holder = ((globalThis as Record<symbol, Map<string, Promise<DatabaseHandle>>>)[key] ??= new Map());

beforeAll(async () => {
  const driver = process.env.TEST_DB_DRIVER === "postgres" ? "postgres" : "pglite";
  let pending = holder.get(driver);
  if (!pending) {
    pending = openTestDatabase(driver, driver === "postgres" ? inject("postgresTemplate") : undefined);
    holder.set(driver, pending);
  }
  setDatabase(await pending);
});

beforeEach(async () => {
  await truncateAll();
});
