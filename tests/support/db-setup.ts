import { beforeAll, beforeEach } from "vitest";
import { setDatabase } from "~/utils/db.server";
import { openTestDatabase, truncateAll } from "./test-db";

// With isolate: false the worker keeps this module's state across files, so each worker opens
// and migrates one database and every file reuses it.
const key = Symbol.for("care-portal.test-db");
type Holder = { pending?: Promise<void> };
const holder = ((globalThis as Record<symbol, Holder>)[key] ??= {});

beforeAll(async () => {
  holder.pending ??= (async () => {
    const driver = process.env.TEST_DB_DRIVER === "postgres" ? "postgres" : "pglite";
    setDatabase(await openTestDatabase(driver));
  })();
  await holder.pending;
});

beforeEach(async () => {
  await truncateAll();
});
