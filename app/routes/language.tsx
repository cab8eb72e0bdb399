import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isSupportedLanguage } from "~/i18n";
import { setPreferredLanguage } from "~/models/account.server";
import { getSignedIn } from "~/web/auth.server";
import { serializeCookie } from "~/web/cookies.server";
import { requireFormData } from "~/web/csrf.server";
import { LANGUAGE_COOKIE } from "~/web/i18n.server";
import { getDb } from "~/utils/db.server";
import { safeRedirect } from "~/utils/safe-redirect";

/** Nothing to show here: opening it goes to the start page (and changes nothing). */
export async function loader() {
  return redirect("/");
}

/**
 * The language switcher (a POST, never a link: no state change on GET). The choice is remembered
 * in this browser and, for a signed-in person, saved as their language; then back to the page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  const lng = formData.get("lng");
  if (!isSupportedLanguage(lng)) throw new Response("Bad request", { status: 400 });
  const signedIn = await getSignedIn(request);
  if (signedIn && signedIn.account.preferredLanguage !== lng) await setPreferredLanguage(getDb(), signedIn.account.id, lng);
  // Back to the same page without a `?lng=` that would outvote the choice just made.
  const back = new URL(safeRedirect(formData.get("redirectTo")), "http://portal.invalid");
  back.searchParams.delete("lng");
  return redirect(back.pathname + back.search, {
    status: 303,
    headers: { "Set-Cookie": serializeCookie(LANGUAGE_COOKIE, lng, { maxAgeSeconds: 60 * 60 * 24 * 365 }) },
  });
}
