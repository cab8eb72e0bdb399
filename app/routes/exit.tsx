import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireFormData } from "~/web/csrf.server";
import { resolveLanguage } from "~/web/i18n.server";
import { exitPageHref, forgetThisBrowser, signOut } from "~/web/sign-out.server";

/** An address someone kept or typed: to the neutral page, and nothing else (no state change on GET). */
export async function loader({ request }: LoaderFunctionArgs) {
  return redirect(exitPageHref(resolveLanguage(request)), 303);
}

/**
 * "Exit this page" (AX-14, decision 059): signs out and leads to the neutral page at once. With
 * JavaScript the page sends this form in the background and replaces itself (ExitThisPage.tsx).
 *
 * A form without a good CSRF token still leaves and still signs out: the person may be in danger
 * now, so no error page. Another site cannot use this to sign anyone out: the session cookie is
 * SameSite=Lax, so a form posted from elsewhere arrives without it (and then ends nothing).
 * Nor does a database that is down stop anyone leaving.
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireFormData(request).catch(() => null);
  // With the database down the session cannot be ended there, but the browser still forgets it.
  const { lng, headers } = await signOut(request).catch(() => ({ lng: resolveLanguage(request), headers: forgetThisBrowser() }));
  return redirect(exitPageHref(lng), { status: 303, headers });
}
