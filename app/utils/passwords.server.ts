import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane.
// Algorithm is a const enum, which isolatedModules cannot read: 2 is Argon2id.
const options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Each hash or check takes 19 MiB while it runs: at most two at once, the others wait their turn, so
 * a burst of sign-ins cannot push the server's memory up (issue 17 item 4). The parameters are unchanged.
 */
export const MAX_CONCURRENT_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line (running stays the same), or is given back.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many hashes run now (for the tests). */
export function hashesRunning(): number {
  return running;
}

export function hashPassword(password: string): Promise<string> {
  return inTurn(() => hash(password, options));
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await inTurn(() => verify(storedHash, password));
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
 * Common passwords (NCSC guidance: block the obvious ones rather than impose composition rules):
 * the 49,000 of the zxcvbn-ts common list (decision 037), and the portal's own short list (it has
 * some the zxcvbn-ts list leaves to its pattern checks, such as "87654321"). Loaded
 * here, on the server only. Compared case-insensitively, with spaces at either end ignored.
 */
const local = [
  "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "12345678", "123456789",
  "1234567890", "123123123", "11111111", "00000000", "87654321", "qwertyui", "qwerty123", "qwertyuiop",
  "iloveyou", "iloveyou1", "letmein1", "letmein123", "welcome1", "welcome123", "sunshine", "sunshine1",
  "football", "football1", "baseball", "princess", "princess1", "superman", "liverpool", "chelsea1",
  "arsenal1", "monkey123", "abc12345", "abcd1234", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "trustno1",
  "starwars", "whatever", "computer", "internet", "changeme", "changeme1", "secret123", "dragon123",
  "asdfghjkl", "asdf1234", "samsung1", "michael1", "charlie1", "jennifer", "jordan23", "hello123",
  "freedom1", "master123", "shadow123", "summer2024", "summer2025", "summer2026", "winter2025", "winter2026",
  "spring2026", "autumn2026", "london123", "cardiff1", "nhs12345", "carer123", "portal123", "demo-portal-pass",
];
const common = new Set([...dictionary["passwords-common"], ...local].map((p) => p.toLowerCase()));

/** How many passwords are refused as common (for the tests and the decision record). */
export const commonPasswordCount = common.size;

export function isCommonPassword(password: string): boolean {
  return common.has(password.trim().toLowerCase());
}

/** Letters and digits only, lower case: "Sam.Okafor-1" becomes "samokafor1". */
function squash(value: string): string {
  return value.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * A password made from the person's own name or email: it contains their whole name or the part
 * of their email before the @, or it is one of their names with only digits and symbols added.
 * A single name inside a longer phrase is allowed ("truth kettle river" for Ruth).
 */
export function isPersonalPassword(password: string, person: { displayName: string; email: string }): boolean {
  const typed = squash(password);
  const lettersOnly = password.toLowerCase().normalize("NFKC").replace(/[^\p{L}]/gu, "");
  const local = squash(person.email.split("@")[0] ?? "");
  const whole = squash(person.displayName);
  const names = person.displayName.split(/[\s\-'.]+/).map(squash).filter((n) => n.length >= 2);
  if (local.length >= 3 && typed.includes(local)) return true;
  if (whole.length >= 3 && typed.includes(whole)) return true;
  return names.some((n) => lettersOnly === n) || (local.length >= 2 && lettersOnly === local.replace(/\p{N}/gu, ""));
}
