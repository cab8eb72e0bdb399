import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "~/config.server";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Keyed hash with the session secret: lets us compare values without storing them. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", config().sessionSecret).update(`${purpose}:${value}`).digest("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
