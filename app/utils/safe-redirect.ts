/**
 * Only ever redirect to a path on this site. A sign-in link that sends people to another site
 * afterwards (an open redirect) is a classic way to steal passwords.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  if (/[\u0000-\u001f]/.test(to)) return fallback;
  return to;
}
