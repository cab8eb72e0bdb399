/**
 * A child process for the crash test: claims and opens an embedded data folder exactly as the
 * server does (openDatabase, with the folder lock), then writes rows as fast as it can and prints
 * the id of each write once PGlite has acknowledged it. The test kills it with SIGKILL.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "~/utils/db.server";

const dataDir = process.argv[2]!;
const handle = await openDatabase({ dataDir });
await handle.db.execute(sql`CREATE TABLE IF NOT EXISTS crash_writes (id serial PRIMARY KEY, body text NOT NULL)`);
process.stdout.write("open\n");
for (let i = 0; ; i++) {
  const result = (await handle.db.execute(sql`INSERT INTO crash_writes (body) VALUES (${`write ${i}`}) RETURNING id`)) as unknown as {
    rows: { id: number }[];
  };
  process.stdout.write(`ack ${result.rows[0]!.id}\n`);
}
