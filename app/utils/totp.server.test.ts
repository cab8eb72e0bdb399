import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, groupKey, hotp, matchTotp, otpauthUri, totpCode, totpStep } from "./totp.server";

// RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's key length.
const seed = (length: number) => Buffer.from("1234567890".repeat(7).slice(0, length));
const vectors: [number, string, string, string][] = [
  // time (s), SHA-1, SHA-256, SHA-512 (8 digits)
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(vectors)("at %i s matches the RFC's test vectors", (time, sha1, sha256, sha512) => {
    const step = totpStep(time * 1000);
    expect(hotp(seed(20), step, 8, "sha1")).toBe(sha1);
    expect(hotp(seed(32), step, 8, "sha256")).toBe(sha256);
    expect(hotp(seed(64), step, 8, "sha512")).toBe(sha512);
  });

  it("RFC 4226's HOTP values for counters 0 to 9 (6 digits)", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => hotp(seed(20), counter))).toEqual(expected);
  });

  it("base32 both ways, as apps write keys", () => {
    expect(base32Encode(Buffer.from("12345678901234567890"))).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("gezd gnbv-gy3t qojq gezdgnbvgy3tqojq")).toEqual(Buffer.from("12345678901234567890"));
    expect(base32Encode(Buffer.from("f"))).toBe("MY");
    expect(base32Decode("MY======")).toEqual(Buffer.from("f"));
    expect(base32Decode("not base32!")).toBeNull();
    expect(base32Decode("")).toBeNull();
    expect(groupKey("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });

  it("accepts the code of this step and one either side, once, and nothing else", () => {
    const key = base32Encode(seed(20));
    const at = 1_111_111_111_000;
    const step = totpStep(at);
    expect(totpCode(key, at)).toBe("050471");
    expect(matchTotp(key, "050471", at, null)).toBe(step);
    expect(matchTotp(key, "050 471", at, null)).toBe(step);
    expect(matchTotp(key, totpCode(key, at - 30_000), at, null)).toBe(step - 1);
    expect(matchTotp(key, totpCode(key, at + 30_000), at, null)).toBe(step + 1);
    expect(matchTotp(key, totpCode(key, at - 60_000), at, null)).toBeNull();
    expect(matchTotp(key, totpCode(key, at + 60_000), at, null)).toBeNull();
    // Used once: the same step, or an earlier one, is refused.
    expect(matchTotp(key, "050471", at, step)).toBeNull();
    expect(matchTotp(key, totpCode(key, at - 30_000), at, step - 1)).toBeNull();
    expect(matchTotp(key, totpCode(key, at + 30_000), at, step)).toBe(step + 1);
    for (const typed of ["", "12345", "1234567", "abcdef", "05047１"]) expect(matchTotp(key, typed, at, null)).toBeNull();
  });

  it("makes the otpauth:// address apps read", () => {
    const uri = otpauthUri({ issuer: "Care portal", account: "jo@example.org", key: "ABCD" });
    expect(uri).toBe("otpauth://totp/Care%20portal:jo%40example.org?secret=ABCD&issuer=Care+portal&algorithm=SHA1&digits=6&period=30");
  });
});
