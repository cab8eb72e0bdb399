import { describe, expect, it } from "vitest";
import { demoPeople, DEMO_PASSWORD, seedDemoData } from "#db/seed";
import { getDb } from "~/utils/db.server";
import { signInCounters } from "#db/schema/index";
import { ADDRESS_LIMIT, FAILURE_WINDOW_MS, PAIR_LIMIT, PAIR_SLOW_AFTER, signIn, slowdownMs, throttleAddress } from "./account.server";

const sam = demoPeople.sam.email;
const noWait = { sleep: async () => {} };

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

  it("never locks the account: the right password from a new address works while another address is refused", async () => {
    await seedDemoData(getDb());
    const start = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < PAIR_LIMIT + 2; i++) {
      await signIn(getDb(), { email: sam, password: "x", address: "203.0.113.66" }, start, noWait);
    }
    // Still refused from the guessing address, even with the right password.
    expect(await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "203.0.113.66" }, start, noWait)).toEqual({
      status: "locked",
      minutes: 15,
    });
    // Ten wrong passwords from ten addresses do not lock the account either.
    for (let i = 0; i < PAIR_LIMIT; i++) {
      expect((await signIn(getDb(), { email: sam, password: "x", address: `addr-${i}` }, start, noWait)).status).toBe("invalid");
    }
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "192.0.2.1" }, start, noWait)).status).toBe("ok");
  });

  it("slows an account and address pair, then refuses it until the window ends", async () => {
    await seedDemoData(getDb());
    const start = new Date("2026-11-24T10:00:00Z");
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    const statuses: string[] = [];
    for (let i = 0; i < PAIR_LIMIT; i++) {
      statuses.push((await signIn(getDb(), { email: sam, password: "x", address: "198.51.100.4" }, start, { sleep })).status);
    }
    expect(statuses).toEqual([...Array(PAIR_LIMIT - 1).fill("invalid"), "locked"]);
    // No wait for the first 3 failures, then a growing one.
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    expect(slowdownMs(PAIR_SLOW_AFTER)).toBe(0);
    // Refused with the right password too, and the wait counts down.
    const later = new Date(start.getTime() + 6 * 60 * 1000);
    expect(await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "198.51.100.4" }, later)).toEqual({
      status: "locked",
      minutes: 9,
    });
    const after = new Date(start.getTime() + FAILURE_WINDOW_MS + 1000);
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "198.51.100.4" }, after)).status).toBe("ok");
  });

  it("the right password clears the pair, so a person who mistypes is not slowed later", async () => {
    await seedDemoData(getDb());
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PAIR_SLOW_AFTER; i++) await signIn(getDb(), { email: sam, password: "x", address: "a" }, undefined, { sleep });
      expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "a" })).status).toBe("ok");
    }
    expect(delays).toEqual([]);
  });

  it("refuses an address after 100 failures across accounts, and only that address", async () => {
    await seedDemoData(getDb());
    const now = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < ADDRESS_LIMIT - 1; i++) {
      expect((await signIn(getDb(), { email: `guess-${i}@example.org`, password: "x", address: "10.0.0.9" }, now, noWait)).status).toBe("invalid");
    }
    expect((await signIn(getDb(), { email: "guess-last@example.org", password: "x", address: "10.0.0.9" }, now, noWait)).status).toBe("locked");
    const result = await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "10.0.0.9" }, now, noWait);
    expect(result).toEqual({ status: "locked", minutes: 15 });
    // Another address is not affected.
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "10.0.0.10" }, now)).status).toBe("ok");
  });

  it("counts wrong attempts made at the same moment, each of them", async () => {
    await seedDemoData(getDb());
    const now = new Date("2026-11-24T10:00:00Z");
    const tries = PAIR_LIMIT + 6;
    const results = await Promise.all(
      Array.from({ length: tries }, () => signIn(getDb(), { email: sam, password: "x", address: "192.0.2.50" }, now, noWait)),
    );
    // Only PAIR_LIMIT attempts reach the password check; the rest are refused before it.
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(PAIR_LIMIT - 1);
    expect(results.filter((r) => r.status === "locked")).toHaveLength(tries - PAIR_LIMIT + 1);
    const rows = await getDb().select().from(signInCounters);
    expect(rows.map((r) => r.failures).sort((a, b) => a - b)).toEqual([tries, tries]);
  });

  it("counts an IPv6 address by its /64, and an IPv4 address written as IPv6 as itself", async () => {
    expect(throttleAddress("2001:db8:1:2::a")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("2001:0db8:0001:0002:ffff:0:0:1")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttleAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(throttleAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(throttleAddress("192.0.2.1")).toBe("192.0.2.1");
    await seedDemoData(getDb());
    const now = new Date("2026-11-24T10:00:00Z");
    for (let i = 0; i < PAIR_LIMIT; i++) {
      await signIn(getDb(), { email: sam, password: "x", address: `2001:db8:1:2::${i + 1}` }, now, noWait);
    }
    // A fresh address in the same /64 is the same pair; one in the next /64 is not.
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "2001:db8:1:2::ff" }, now)).status).toBe("locked");
    expect((await signIn(getDb(), { email: sam, password: DEMO_PASSWORD, address: "2001:db8:1:3::1" }, now)).status).toBe("ok");
  });
});
