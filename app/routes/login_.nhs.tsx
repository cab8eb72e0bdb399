import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { NhsLoginProblemPage } from "~/components/auth/NhsLogin";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/web/csrf.server";
import { notFound } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { nhsLoginEnabled, startNhsLogin } from "~/web/nhs-login.server";

export const handle: RouteHandle = { titleKey: "auth:nhsLogin.problem.unavailable.title" };

/** Signing in with NHS login starts from a form (POST); an address typed in goes to the sign-in page. */
export async function loader() {
  return redirect("/login");
}

/** An invitation token as the invitation page's address carries it (randomToken: base64url). */
const INVITATION_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * "Continue with NHS login": a new state, nonce and PKCE verifier, kept in a short-lived sealed
 * cookie, and on to NHS login's sign-in page (decision 051). From an invitation page, the
 * invitation goes along, so the first sign-in can link the account with it.
 */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  if (!nhsLoginEnabled()) throw notFound();
  const invitation = formData.get("invitation");
  const redirectTo = formData.get("redirectTo");
  const started = await startNhsLogin({
    redirectTo: typeof redirectTo === "string" ? redirectTo : "/",
    invitation: typeof invitation === "string" && INVITATION_TOKEN.test(invitation) ? invitation : null,
  });
  if (!started) {
    const { t } = getFixedT(request);
    return json({ pageTitle: t("auth:nhsLogin.problem.unavailable.title") }, { status: 503 });
  }
  return redirect(started.location, { headers: { "Set-Cookie": started.setCookie } });
}

export default function NhsLoginUnavailable() {
  useActionData<typeof action>();
  return <NhsLoginProblemPage problem="unavailable" />;
}
