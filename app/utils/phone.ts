/**
 * Phone numbers inside someone's own words ("Crisis team, evenings and weekends: 0800 123 4567"),
 * so each can be a tap-to-call link. Shared by server and browser: no database, no secrets.
 */

/** The zero of each run of digits people here may type: Arabic, Urdu and Persian, Devanagari, Bengali, Gurmukhi, full width. */
const digitZeros = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0xff10];

function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0)!;
  const zero = digitZeros.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? digit : String(code - zero);
}

/** Short numbers that are phone numbers wherever they appear in a crisis plan. */
const shortNumbers = new Set(["999", "111", "112"]);

/**
 * A run that may be a phone number: an optional "+", then digits with single spaces, hyphens,
 * dots or brackets between them. Counted as a number when it has 6 to 15 digits (UK numbers
 * have 10 or 11; Samaritans' 116 123 has 6), or is 999, 111 or 112. Times like "9am" and years
 * like "2026" have too few digits.
 */
const candidate = /\+?\(?\p{Nd}(?:[ \u00a0.\-()]{0,2}\p{Nd})*\)?/gu;

/** The number as a `tel:` address: digits 0–9 and a leading "+" only. */
export function telHref(number: string): string {
  const digits = [...number].map((c) => (/\p{Nd}/u.test(c) ? asciiDigit(c) : c)).join("");
  const international = digits.trim().startsWith("+");
  // "+44 (0)1632 960000": the (0) is dialled only from inside the country.
  const dialled = international ? digits.replace(/\(0\)/, "") : digits;
  return `tel:${international ? "+" : ""}${dialled.replace(/[^0-9]/g, "")}`;
}

export type TextPart = { kind: "text"; text: string } | { kind: "phone"; text: string; href: string };

/** Split text into plain parts and phone numbers, keeping every character in order. */
export function splitPhoneNumbers(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(candidate)) {
    let found = match[0];
    let at = match.index;
    // A bracket is part of the number only when it is matched inside it: "(01632) 960000", not "(01632 960000)".
    if (found.startsWith("(") && found.endsWith(")") && found.split("(").length === 2 && found.split(")").length === 2) {
      found = found.slice(1, -1);
      at += 1;
    }
    if (found.endsWith(")") && !found.includes("(")) found = found.slice(0, -1);
    if (found.startsWith("(") && !found.includes(")")) {
      found = found.slice(1);
      at += 1;
    }
    const digits = telHref(found).slice("tel:".length).replace("+", "");
    const isNumber = (digits.length >= 6 && digits.length <= 15) || shortNumbers.has(digits);
    // Part of a longer word or code ("ref12345678x") is not a number to call.
    const before = text[at - 1] ?? "";
    const after = text[at + found.length] ?? "";
    if (!isNumber || /[\p{L}]/u.test(before) || /[\p{L}]/u.test(after)) continue;
    if (at > from) parts.push({ kind: "text", text: text.slice(from, at) });
    parts.push({ kind: "phone", text: found, href: telHref(found) });
    from = at + found.length;
  }
  if (from < text.length) parts.push({ kind: "text", text: text.slice(from) });
  return parts;
}

/**
 * A UK mobile number as GOV.UK Notify takes it (+447…), or null when the text is not one. Takes
 * "07700 900123", "+44 7700 900123", "0044 7700-900123", "(07700) 900123" and digits typed in
 * other scripts. 070 (personal numbers) and 076 (pagers, apart from 07624 on the Isle of Man)
 * are not mobiles.
 */
export function ukMobile(text: string): string | null {
  const cleaned = [...text.trim()].map((c) => (/\p{Nd}/u.test(c) ? asciiDigit(c) : c)).join("");
  if (!/^\+?[0-9 \u00a0().-]+$/.test(cleaned)) return null;
  let digits = cleaned.replace(/\(0\)/, "").replace(/[^0-9+]/g, "");
  if (digits.startsWith("+44")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("0044")) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith("44") && digits.length === 12) digits = `0${digits.slice(2)}`;
  if (!/^07[0-9]{9}$/.test(digits)) return null;
  if (digits.startsWith("070") || (digits.startsWith("076") && !digits.startsWith("07624"))) return null;
  return `+44${digits.slice(1)}`;
}
