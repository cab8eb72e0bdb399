import { json } from "@remix-run/node";
import { readCookie, serializeCookie, SESSION_COOKIE } from "./cookies.server";
import { keyedHash, randomToken, safeEqual } from "~/utils/crypto.server";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";
/** The hidden field the shared Form component adds to every posted form (see saves.server.ts). */
export const FORM_TOKEN_FIELD = "formToken";

/**
 * Signed double-submit, bound to the session: the browser holds a random httpOnly cookie; every
 * form carries an HMAC of it and of the session cookie (none when signed out). A page on another
 * site can neither read the cookies nor compute the token, and a token from another session (one
 * seen before signing in, or taken from someone else's page) is refused.
 */
export function csrfToken(csrfCookie: string, sessionCookie: string | undefined): string {
  return keyedHash("csrf", `${csrfCookie}\n${sessionCookie ?? ""}`);
}

export function csrfForRequest(request: Request): { token: string; setCookie?: string } {
  const session = readCookie(request, SESSION_COOKIE);
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing && existing.length >= 32) return { token: csrfToken(existing, session) };
  const fresh = randomToken();
  return { token: csrfToken(fresh, session), setCookie: serializeCookie(CSRF_COOKIE, fresh) };
}

/** True when the form carries the token that matches this browser's CSRF cookie. */
export function csrfValid(request: Request, formData: FormData): boolean {
  const cookie = readCookie(request, CSRF_COOKIE);
  const sent = formData.get(CSRF_FIELD);
  return !!cookie && typeof sent === "string" && safeEqual(sent, csrfToken(cookie, readCookie(request, SESSION_COOKIE)));
}

export function verifyCsrf(request: Request, formData: FormData): void {
  if (!csrfValid(request, formData)) throw json({ reason: "csrf" }, { status: 403 });
}

const bodies = new WeakMap<Request, Promise<FormData | null>>();

/** Control characters no one types (all but tab, line feed and carriage return), NUL among them. */
const UNTYPEABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * The form with control characters taken out of every name and text value. PostgreSQL cannot
 * store NUL in text (the save failed with a 500), and the others are invisible: they could only
 * hide what a value really says. Tab and line breaks stay. Files are left as they are.
 */
export function withoutControlCharacters(formData: FormData): FormData {
  const clean = new FormData();
  for (const [name, value] of formData) {
    const key = name.replace(UNTYPEABLE, "");
    if (typeof value === "string") clean.append(key, value.replace(UNTYPEABLE, ""));
    else clean.append(key, value);
  }
  return clean;
}

/**
 * The posted form, read once per request: a body can be read only once, and both the session
 * check (which keeps a draft when the session has ended, see drafts.server.ts) and the action need it.
 * Null when the body is not a form. Control characters are taken out (see withoutControlCharacters).
 */
export function readFormData(request: Request): Promise<FormData | null> {
  let pending = bodies.get(request);
  if (!pending) {
    pending = request.formData().then(withoutControlCharacters, () => null);
    bodies.set(request, pending);
  }
  return pending;
}

/** Read a posted form and check its CSRF token. Every action goes through this. */
export async function requireFormData(request: Request): Promise<FormData> {
  const formData = await readFormData(request);
  if (!formData) throw json({ reason: "bad-form" }, { status: 400 });
  verifyCsrf(request, formData);
  return formData;
}
