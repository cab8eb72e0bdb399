import { json } from "@remix-run/node";
import { SESSION_COOKIE } from "./auth.server";
import { readCookie, serializeCookie } from "./cookies.server";
import { keyedHash, randomToken, safeEqual } from "~/utils/crypto.server";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";

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

export function verifyCsrf(request: Request, formData: FormData): void {
  const cookie = readCookie(request, CSRF_COOKIE);
  const sent = formData.get(CSRF_FIELD);
  if (!cookie || typeof sent !== "string" || !safeEqual(sent, csrfToken(cookie, readCookie(request, SESSION_COOKIE)))) {
    throw json({ reason: "csrf" }, { status: 403 });
  }
}

/** Read a posted form and check its CSRF token. Every action goes through this. */
export async function requireFormData(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw json({ reason: "bad-form" }, { status: 400 });
  }
  verifyCsrf(request, formData);
  return formData;
}
