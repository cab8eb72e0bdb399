import { hash, verify, type Algorithm } from "@node-rs/argon2";

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane.
// Algorithm is a const enum, which isolatedModules cannot read: 2 is Argon2id.
const options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spend the same time on an unknown email as on a wrong password, so timing does not reveal accounts. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword("not-a-real-password-for-timing-only");
  await verifyPassword(await dummy, password);
}

/**
 * A short list of the most common passwords (NCSC guidance: block the obvious ones rather than
 * impose composition rules). Compared case-insensitively.
 */
const common = new Set([
  "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "12345678", "123456789",
  "1234567890", "123123123", "11111111", "00000000", "87654321", "qwertyui", "qwerty123", "qwertyuiop",
  "iloveyou", "iloveyou1", "letmein1", "letmein123", "welcome1", "welcome123", "sunshine", "sunshine1",
  "football", "football1", "baseball", "princess", "princess1", "superman", "liverpool", "chelsea1",
  "arsenal1", "monkey123", "abc12345", "abcd1234", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "trustno1",
  "starwars", "whatever", "computer", "internet", "changeme", "changeme1", "secret123", "dragon123",
  "asdfghjkl", "asdf1234", "samsung1", "michael1", "charlie1", "jennifer", "jordan23", "hello123",
  "freedom1", "master123", "shadow123", "summer2024", "summer2025", "summer2026", "winter2025", "winter2026",
  "spring2026", "autumn2026", "london123", "cardiff1", "nhs12345", "carer123", "portal123", "demo-portal-pass",
]);

export function isCommonPassword(password: string): boolean {
  return common.has(password.trim().toLowerCase());
}
