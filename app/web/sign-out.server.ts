import { config } from "~/config.server";
import type { LanguageCode } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { getDb } from "~/utils/db.server";
import { clearSessionCookie, endSession, readSession } from "./auth.server";
import { resolveLanguage } from "./i18n.server";

/**
 * Signing out, for "Sign out" and for "Exit this page" alike: the session ends on the server, not
 * only in the browser, and the browser is asked to forget what it kept for the portal (cookies,
 * cached pages, storage): on a shared or borrowed computer the next person finds nothing of this
 * one's record. The language the person was using comes back, for the page that follows (in its
 * address, since the cookie goes too).
 */
export async function signOut(request: Request): Promise<{ lng: LanguageCode; headers: Record<string, string> }> {
  const state = await readSession(request);
  const signedIn = state.status === "active" || state.status === "enrol" ? state.signedIn : null;
  const lng = resolveLanguage(request, signedIn?.account.preferredLanguage);
  await endSession(getDb(), request);
  if (signedIn) await recordAudit(getDb(), signedIn.actor, { action: "sign_out", recordType: "account", recordId: signedIn.account.id });
  return { lng, headers: forgetThisBrowser() };
}

/** The browser drops the session cookie and everything else it kept for the portal. */
export function forgetThisBrowser(): Record<string, string> {
  return { "Set-Cookie": clearSessionCookie(), "Clear-Site-Data": '"cache", "cookies", "storage"' };
}

/**
 * Where "Exit this page" leads (decision 059): EXIT_PAGE_URL when it is set, otherwise our own
 * neutral page in the person's language (its address says only the language).
 */
export function exitPageHref(lng: LanguageCode): string {
  return config().exitPageUrl ?? `/new-tab?${new URLSearchParams({ lng })}`;
}
