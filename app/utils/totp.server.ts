import { createHmac, randomBytes } from "node:crypto";

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA-1, 6 digits,
 * a new code every 30 seconds (RFC 4226's dynamic truncation). Keys are written in base32 (RFC 4648),
 * as apps expect them. Written here with node:crypto only.
 */
export const TOTP_DIGITS = 6;
export const TOTP_STEP_SECONDS = 30;
/** A code from the step before or after is accepted too: clocks drift, and typing takes time. */
export const TOTP_DRIFT_STEPS = 1;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Letters in either case, spaces, hyphens and "=" padding allowed; null for anything else. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=-]/g, "").toUpperCase();
  if (!clean.length) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index === -1) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new key: 20 random bytes (160 bits, the length RFC 4226 recommends), in base32. */
export function newTotpKey(): string {
  return base32Encode(randomBytes(20));
}

/** The key in groups of four, easier to read and type into an app. */
export function groupKey(key: string): string {
  return key.match(/.{1,4}/g)?.join(" ") ?? key;
}

/** The 30-second step a moment falls in. */
export function totpStep(now: Date | number): number {
  const ms = typeof now === "number" ? now : now.getTime();
  return Math.floor(ms / 1000 / TOTP_STEP_SECONDS);
}

/** RFC 4226: the HMAC of the 8-byte counter, dynamically truncated, as `digits` decimal digits. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS, algorithm: "sha1" | "sha256" | "sha512" = "sha1"): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The code an app shows at `now` for a base32 key. */
export function totpCode(key: string, now: Date | number = Date.now()): string {
  const raw = base32Decode(key);
  if (!raw) throw new Error("Not a base32 key");
  return hotp(raw, totpStep(now));
}

/** What was typed, as digits only: spaces and hyphens (as some apps show codes) are dropped. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, "");
}

/**
 * The step whose code matches `typed` (within one step either side of `now`) and is later than
 * `afterStep` (the last one accepted, so no code works twice); null when none does. Every
 * candidate is compared, in constant time, so timing says nothing about which step matched.
 */
export function matchTotp(key: string, typed: string, now: Date | number, afterStep: number | null): number | null {
  const code = normaliseCode(typed);
  const raw = base32Decode(key);
  if (!raw || !/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  let found: number | null = null;
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    const expected = hotp(raw, step);
    let diff = 0;
    for (let i = 0; i < TOTP_DIGITS; i++) diff |= expected.charCodeAt(i) ^ code.charCodeAt(i);
    if (diff === 0 && (afterStep === null || step > afterStep) && found === null) found = step;
  }
  return found;
}

/** The otpauth:// address authenticator apps take (Key URI format), for a link or a QR code. */
export function otpauthUri({ issuer, account, key }: { issuer: string; account: string; key: string }): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret: key, issuer, algorithm: "SHA1", digits: String(TOTP_DIGITS), period: String(TOTP_STEP_SECONDS) });
  return `otpauth://totp/${label}?${params}`;
}
