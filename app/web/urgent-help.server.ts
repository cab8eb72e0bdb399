import { ownServiceUserId } from "~/models/access.server";
import { getSignedIn, SESSION_COOKIE } from "./auth.server";
import { readCookie } from "./cookies.server";

/** However slow the database is, urgent help does not wait longer than this for the crisis plan link. */
const SIGNED_IN_WAIT_MS = 1500;

/**
 * The person's own crisis plan (`suffix` picks a version of it, such as "/easy-read"), when they are
 * signed in and it can be found quickly. Signed out (no session cookie) the database is never
 * touched; when it is down or slow, there is no link. Used by /urgent-help and its Easy Read version.
 */
export async function ownCrisisPlanHref(request: Request, suffix = ""): Promise<string | null> {
  if (!readCookie(request, SESSION_COOKIE)) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const signedIn = await Promise.race([
      getSignedIn(request),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), SIGNED_IN_WAIT_MS);
      }),
    ]);
    const own = signedIn ? ownServiceUserId(signedIn.actor, "plan.crisis.read") : null;
    return own ? `/people/${own}/plan/crisis${suffix}` : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

