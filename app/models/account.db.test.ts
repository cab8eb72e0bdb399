import { describe, expect, it } from "vitest";
import { demoPeople, DEMO_PASSWORD, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { FAILURE_WINDOW_MS, MAX_FAILURES, signIn } from "./account.server";

const sam = demoPeople.sam.email;

describe("signIn", () => {
  it("accepts the right password, whatever the case and spaces of the email", async () => {
    await seedDemoData(getDb());
    const result = await signIn(getDb(), { email: `  ${sam.toUpperCase()} `, password: DEMO_PASSWORD, address: "a" });
    expect(result.status).toBe("ok");
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    await seedDemoData(getDb());
    const wrong = await signIn(getDb(), { email: sam, password: "not-it", address: "a" });
    const unknown = await signIn(getDb(), { email: "nobody@example.org", password: "not-it", address: "b" });
    expect(wrong).toEqual({ status: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after 10 failures in 15 minutes, then lets it in again", async () => {
    await seedDemoData(getDb());
    const start = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      // A different address each time: the account limit must hold on its own.
      expect((await signIn(getDb(), { email: sam, password: "x", address: `addr-${i}` }, start)).status).toBe("invalid");
    }
    const tenth = await signIn(getDb(), { email: sam, password: "x", address: "addr-last" }, start);
    expect(tenth).toEqual({ status: "locked", minutes: 15 });
    // Even the right password is refused while locked, and the wait counts down.
    const later = new Date(start.getTime() + 6 * 60 * 1000);
    expect(await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "new" }, later)).toEqual({
      status: "locked",
      minutes: 9,
    });
    const after = new Date(start.getTime() + FAILURE_WINDOW_MS + 1000);
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "new" }, after)).status).toBe("ok");
  });

  it("locks an address after 10 failures across different emails", async () => {
    await seedDemoData(getDb());
    const now = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) {
      await signIn(getDb(), { email: `guess-${i}@example.org`, password: "x", address: "10.0.0.9" }, now);
    }
    const result = await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "10.0.0.9" }, now);
    expect(result.status).toBe("locked");
    // Another address is not affected.
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "10.0.0.10" }, now)).status).toBe("ok");
  });
});
