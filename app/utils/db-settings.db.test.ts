import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabaseHandle, getDb, PGLITE_SHARED_BUFFERS } from "~/utils/db.server";

describe("the embedded database's settings", () => {
  it("keeps PostgreSQL's buffer cache small (issue 17 item 4), with initdb's other settings", async () => {
    const result = (await getDb().execute(sql`SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('TimeZone') AS tz`)) as unknown as {
      rows: { shared_buffers: string; tz: string }[];
    };
    // PostgreSQL's own are its operator's to set.
    const pglite = getDatabaseHandle()?.driver === "pglite";
    expect(result.rows[0]?.shared_buffers).toEqual(pglite ? PGLITE_SHARED_BUFFERS : expect.any(String));
    if (pglite) expect(result.rows[0]?.tz).toBe("UTC");
  });
});
