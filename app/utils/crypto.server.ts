import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
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

const sealKeys = new Map<string, { secret: string; key: Buffer }>();

/** An AES-256 key for one purpose, derived from SESSION_SECRET (HKDF-SHA-256), as drafts do. */
function sealKey(purpose: string): Buffer {
  const secret = config().sessionSecret;
  const cached = sealKeys.get(purpose);
  if (cached?.secret === secret) return cached.key;
  const key = Buffer.from(hkdfSync("sha256", secret, "care-portal", purpose, 32));
  sealKeys.set(purpose, { secret, key });
  return key;
}

/**
 * Encrypt a small secret at rest (AES-256-GCM, a random 96-bit nonce). `boundTo` (an account id,
 * say) goes in as associated data: the sealed value moved to another row does not open.
 */
export function seal(purpose: string, plain: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(purpose), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The secret, or null when it does not open (another SESSION_SECRET, another row, altered). */
export function unseal(purpose: string, sealed: string, boundTo: string): string | null {
  try {
    const raw = Buffer.from(sealed, "base64url");
    if (raw.length < 29) return null;
    const decipher = createDecipheriv("aes-256-gcm", sealKey(purpose), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
