import { json, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { NhsLoginProblemPage, type NhsLoginProblem } from "~/components/auth/NhsLogin";
import { auditRefusedSignIn, confirmExternalIdentity, linkExternalIdentityToAccount, signInWithExternalIdentity } from "~/models/external-identities.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { getSignedIn, openSignedInSession, renewSession, sessionCookie } from "~/web/auth.server";
import { notFound } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { finishNhsLogin, nhsLoginEnabled, type FinishedNhsLogin, type NhsLoginLink } from "~/web/nhs-login.server";
import { redirectWithSuccess } from "~/web/saves.server";

export const handle: RouteHandle = { titleKey: "auth:nhsLogin.problem.failed.title" };

/**
 * NHS login sends the person back here (a GET, as OpenID Connect does): it completes the flow this
 * browser started by posting "Continue with NHS login", and only with that flow's state, nonce and
 * PKCE verifier (decision 051). Signed in, it opens the same kind of session a password does;
 * otherwise it says plainly what happened and what to do.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!nhsLoginEnabled()) throw notFound();
  const db = getDb();
  const { result, link, setCookie } = await finishNhsLogin(request);
  let problem: NhsLoginProblem;
  if (link?.purpose === "again") {
    const again = await finishSignInAgain(request, result, link);
    if (again instanceof Response) {
      again.headers.append("Set-Cookie", setCookie);
      return again;
    }
    problem = again;
  } else if (link) {
    const linked = await finishLink(request, result, link);
    if (linked === "ok") {
      const response = await redirectWithSuccess(request, "/account", "auth:account.nhsLoginLinked");
      response.headers.append("Set-Cookie", setCookie);
      return response;
    }
    problem = linked;
  } else if (result.status === "ok") {
    const signed = await signInWithExternalIdentity(db, { provider: "nhs-login", subject: result.subject, invitation: result.invitation, nhsNumber: result.nhsNumber });
    if (signed.status === "ok") {
      const response = await openSignedInSession(db, request, signed.accountId, result.redirectTo, "nhs-login");
      response.headers.append("Set-Cookie", setCookie);
      return response;
    }
    // A disabled account is answered as any other failure (decision 045).
    problem = signed.status === "disabled" ? "failed" : signed.status;
  } else {
    if (result.status !== "cancelled") await auditRefusedSignIn(db, "nhs-login", result.status);
    problem = result.status;
  }
  const { t } = getFixedT(request);
  const status = problem === "failed" || problem === "cancelled" ? 400 : 403;
  const fromInvitation = problem === "expired" || problem === "used" || problem === "unknown";
  const pageTitle = t(fromInvitation ? `auth:invitation.${problem}.title` : `auth:nhsLogin.problem.${problem}.title`);
  return json({ problem, pageTitle, back: link ? ("account" as const) : ("sign-in" as const) }, { status, headers: { "Set-Cookie": setCookie } });
}

/**
 * The answer to a flow started from "Your account" (decision 066): linked to the account that
 * started it, and only in the session that started it (not one signed out, timed out, or another
 * person's signed in since). A refusal says why, on a page of its own.
 */
async function finishLink(request: Request, result: FinishedNhsLogin["result"], link: NhsLoginLink): Promise<"ok" | NhsLoginProblem> {
  if (result.status !== "ok") return result.status;
  const signedIn = await getSignedIn(request);
  if (!signedIn || signedIn.account.id !== link.accountId || signedIn.sessionId !== link.sessionId) return "link-session";
  const linked = await linkExternalIdentityToAccount(getDb(), signedIn.actor, { provider: "nhs-login", subject: result.subject, nhsNumber: result.nhsNumber });
  return linked.status === "nhs-number" ? "link-nhs-number" : linked.status;
}

/**
 * The answer to "Sign in with NHS login again" (decision 067): in the session that asked, with the
 * NHS login linked to that account. The session gets a new id and counts as just signed in with
 * NHS login; then back to the page that asked (setting a password).
 */
async function finishSignInAgain(request: Request, result: FinishedNhsLogin["result"], link: NhsLoginLink): Promise<Response | NhsLoginProblem> {
  if (result.status !== "ok") return result.status;
  const signedIn = await getSignedIn(request);
  if (!signedIn || signedIn.account.id !== link.accountId || signedIn.sessionId !== link.sessionId) return "again-session";
  const db = getDb();
  if (!(await confirmExternalIdentity(db, signedIn.actor, { provider: "nhs-login", subject: result.subject }))) return "again-other";
  const token = await renewSession(db, request, signedIn.account.id, { signIn: { method: "nhs-login", at: new Date() } });
  return redirect(result.redirectTo, { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function NhsLoginCallback() {
  const { problem, back } = useLoaderData<typeof loader>();
  return <NhsLoginProblemPage problem={problem} back={back} />;
}
