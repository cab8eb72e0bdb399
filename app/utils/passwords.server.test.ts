import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "./passwords.server";

describe("passwords", () => {
  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("kettle river spoon");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "kettle river spoon")).toBe(true);
    expect(await verifyPassword(hash, "kettle river spoons")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });

  it("blocks common passwords whatever their case, and allows long unusual ones", () => {
    expect(isCommonPassword("Password123")).toBe(true);
    expect(isCommonPassword("  qwertyuiop ")).toBe(true);
    expect(isCommonPassword("kettle river spoon")).toBe(false);
  });
});
