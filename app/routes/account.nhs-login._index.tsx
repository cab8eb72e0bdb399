import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NhsLoginLinkForm } from "~/components/account/NhsLoginAccount";
import { NhsLoginProblemPage } from "~/components/auth/NhsLogin";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { getFixedT } from "~/web/i18n.server";
import { startNhsLogin } from "~/web/nhs-login.server";
import { checkPasswordAgain, requireNhsLoginChange } from "~/web/nhs-login-account.server";
import { requireSignedIn } from "~/web/auth.server";

export const handle: RouteHandle = { titleKey: "auth:nhsLoginAccount.linkTitle" };

type ActionData = { result: SubmissionResult<string[]> } | { unavailable: true; pageTitle: string };

/** The form again, on a page of its own, when the password on "Your account" was wrong or missing. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireNhsLoginChange(await requireSignedIn(request), false);
  return json({});
}

/**
 * Link NHS login to this account (decision 066): the password again (as every change to how
 * someone signs in asks), then on to NHS login with the account and this session in the flow's
 * sealed cookie. NHS login's answer links only to that account, in that session.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { account, actor, sessionId } = await requireNhsLoginChange(await requireSignedIn(request), false);
  const formData = await requireFormData(request);
  const check = await checkPasswordAgain(getDb(), actor, formData);
  if (check.status !== "ok") return json<ActionData>({ result: check.result }, { status: check.httpStatus });
  const started = await startNhsLogin({ redirectTo: "/account", invitation: null, link: { accountId: account.id, sessionId } });
  if (!started) {
    const { t } = getFixedT(request, account.preferredLanguage);
    return json<ActionData>({ unavailable: true, pageTitle: t("auth:nhsLogin.problem.unavailable.title") }, { status: 503 });
  }
  return redirect(started.location, { headers: { "Set-Cookie": started.setCookie } });
}

export default function LinkNhsLogin() {
  const { t } = useTranslation(["auth"]);
  const actionData = useActionData<ActionData>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const { form, errorFor, summary } = useServerForm("nhs-login-link", result);
  if (actionData && "unavailable" in actionData) return <NhsLoginProblemPage problem="unavailable" back="account" />;
  return (
    <FormPage back={{ href: "/account", label: t("auth:changePassword.back") }} title={t("auth:nhsLoginAccount.linkTitle")} errors={summary} resultKey={actionData}>
      <p>{t("auth:nhsLoginAccount.intro")}</p>
      <NhsLoginLinkForm id={form.id} error={errorFor("current")} />
    </FormPage>
  );
}
