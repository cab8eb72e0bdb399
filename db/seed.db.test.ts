import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { accounts } from "./schema/index";
import { demoPeople, isEmpty, seedDemoData } from "./seed";

describe("demo data", () => {
  it("seeds every demo person into an empty database", async () => {
    expect(await isEmpty(getDb())).toBe(true);
    await seedDemoData(getDb());
    expect(await isEmpty(getDb())).toBe(false);
    const emails = (await getDb().select({ email: accounts.email }).from(accounts)).map((a) => a.email).sort();
    expect(emails).toEqual(Object.values(demoPeople).map((p) => p.email).sort());
  });
});
