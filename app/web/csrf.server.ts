import { json } from "@remix-run/node";
import { readCookie, serializeCookie } from "./cookies.server";
import { keyedHash, randomToken, safeEqual } from "~/utils/crypto.server";

export const CSRF_COOKIE = "csrf";
export const CSRF_FIELD = "csrf";
/** The hidden field the shared Form component adds to every posted form (see saves.server.ts). */
export const FORM_TOKEN_FIELD = "formToken";

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

/** True when the form carries the token that matches this browser's CSRF cookie. */
export function csrfValid(request: Request, formData: FormData): boolean {
  const cookie = readCookie(request, CSRF_COOKIE);
  const sent = formData.get(CSRF_FIELD);
  return !!cookie && typeof sent === "string" && safeEqual(sent, keyedHash("csrf", cookie));
}

export function verifyCsrf(request: Request, formData: FormData): void {
  if (!csrfValid(request, formData)) throw json({ reason: "csrf" }, { status: 403 });
}

const bodies = new WeakMap<Request, Promise<FormData | null>>();

/**
 * The posted form, read once per request: a body can be read only once, and both the session
 * check (which keeps a draft when the session has ended, see drafts.server.ts) and the action need it.
 * Null when the body is not a form.
 */
export function readFormData(request: Request): Promise<FormData | null> {
  let pending = bodies.get(request);
  if (!pending) {
    pending = request.formData().catch(() => null);
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
