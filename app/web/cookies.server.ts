import { config } from "~/config.server";

/**
 * The name a cookie goes by. With Secure cookies (a deployment on https) every cookie is a
 * `__Host-` cookie: the browser keeps it only if it is Secure, for this host alone (no Domain) and
 * path /, so a neighbouring subdomain or a plain-http page cannot plant or overwrite it. The local
 * demo on http keeps plain names: a browser refuses `__Host-` cookies without https.
 */
/** The session cookie's name (before cookieName adds `__Host-` in a deployment on https). */
export const SESSION_COOKIE = "__session";

export function cookieName(name: string): string {
  return config().secureCookies ? `__Host-${name.replace(/^_+/, "")}` : name;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie");
  if (!header) return undefined;
  const wanted = cookieName(name);
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === wanted) {
      try {
        return decodeURIComponent(v.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  httpOnly?: boolean;
}

/** Every cookie we set is SameSite=Lax, path /, Secure outside the local demo. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const parts = [`${cookieName(name)}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (config().secureCookies) parts.push("Secure");
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join("; ");
}
