import { json } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import type { ConflictInfo } from "~/components/forms/ConflictNotice";
import { ConflictError } from "~/models/access.server";

/** Encode a message key with values for the person's language, e.g. "auth:signIn.locked|{"minutes":5}". */
export function messageWith(key: string, values: Record<string, string | number>): string {
  return `${key}|${JSON.stringify(values)}`;
}

export function clientAddress(context: Record<string, unknown>): string {
  return typeof context.clientAddress === "string" ? context.clientAddress : "unknown";
}

/** The zero of each run of digits people here may type: Arabic, Urdu and Persian, Devanagari, Bengali, Gurmukhi, full width. */
const digitZeros = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0xff10];

/**
 * Numbers as the person typed them, in any of those scripts, read as 0–9: "৭" is 7, "١٠:٣٠" is 10:30.
 * A full-width colon (from a Chinese keyboard) reads as ":".
 */
export function westernDigits(value: string): string {
  return value
    .replace(/\p{Nd}/gu, (digit) => {
      const code = digit.codePointAt(0)!;
      const zero = digitZeros.find((z) => code >= z && code <= z + 9);
      return zero === undefined ? digit : String(code - zero);
    })
    .replace(/\uff1a/g, ":");
}

/**
 * The version a form was opened at (a hidden field), for saves that check nobody else saved in
 * between. Anything that is not a whole number counts as "not given".
 */
export function baseVersionFrom(formData: FormData): number | null {
  const raw = formData.get("baseVersion");
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The answer to a save that someone else's newer save got to first (a ConflictError): the form
 * again, with what the person typed, the error at the top, and `conflict` (who saved what, and
 * when) for ConflictNotice. Its version becomes the form's base, so saving again lands on top.
 * Any other error is thrown on. Use it as `catch (error) { return conflictReply<T>(submission, error); }`.
 */
export function conflictReply<T>(submission: { reply(options?: { formErrors?: string[] }): SubmissionResult<string[]> }, error: unknown) {
  if (!(error instanceof ConflictError)) throw error;
  const { version, changedBy, changedAt, value } = error.latest;
  const conflict: ConflictInfo & { value: T } = { version, changedBy, changedAt, value: value as T };
  return json({ ...submission.reply({ formErrors: ["common:conflict.error"] }), conflict }, { status: 409 });
}
