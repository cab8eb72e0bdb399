import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, endSession, readSession } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { resolveLanguage } from "~/web/i18n.server";
import { getDb } from "~/utils/db.server";
import { recordAudit } from "~/models/audit.server";

export async function loader() {
  return redirect("/");
}

/**
 * Sign out ends the session on the server, not only in the browser, and asks the browser to
 * forget what it kept for the portal (cookies, cached pages, storage): on a shared or borrowed
 * computer the next person finds nothing of this one's record. The sign-in page that follows is
 * still in the language the person was using (in its address, since the cookie goes too).
 */
export async function action({ request }: ActionFunctionArgs) {
  await requireFormData(request);
  const state = await readSession(request);
  const signedIn = state.status === "active" || state.status === "enrol" ? state.signedIn : null;
  const lng = resolveLanguage(request, signedIn?.account.preferredLanguage);
  await endSession(getDb(), request);
  if (signedIn) await recordAudit(getDb(), signedIn.actor, { action: "sign_out", recordType: "account", recordId: signedIn.account.id });
  return redirect(`/login?${new URLSearchParams({ lng })}`, {
    headers: { "Set-Cookie": clearSessionCookie(), "Clear-Site-Data": '"cache", "cookies", "storage"' },
  });
}
