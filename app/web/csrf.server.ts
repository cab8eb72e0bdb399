import { json } from "@remix-run/node";
import { readCookie, serializeCookie } from "./cookies.server";
import { keyedHash, randomToken, safeEqual } from "~/utils/crypto.server";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";

/**
 * Signed double-submit: the browser holds a random httpOnly cookie; every form carries an
 * HMAC of it. A page on another site can neither read the cookie nor compute the token.
 */
export function csrfForRequest(request: Request): { token: string; setCookie?: string } {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing && existing.length >= 32) return { token: keyedHash("csrf", existing) };
  const fresh = randomToken();
  return { token: keyedHash("csrf", fresh), setCookie: serializeCookie(CSRF_COOKIE, fresh) };
}

export function verifyCsrf(request: Request, formData: FormData): void {
  const cookie = readCookie(request, CSRF_COOKIE);
  const sent = formData.get(CSRF_FIELD);
  if (!cookie || typeof sent !== "string" || !safeEqual(sent, keyedHash("csrf", cookie))) {
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
