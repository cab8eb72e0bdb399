import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReasonSteps } from "~/components/admin/AccountParts";
import { CannotResetAppError, getAccount, resetAuthenticatorApp } from "~/models/accounts-admin.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { orNotFound, pathParam, requireRole } from "~/web/guards.server";
import { reasonStep } from "~/web/reason-steps.server";
import { redirectWithSuccess } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const account = await orNotFound(getAccount(getDb(), actor, pathParam(params, "accountId")));
  // No app to reset, a disabled account, or your own: the account's page says what there is to do.
  if (!account.hasApp || account.status === "disabled" || account.id === actor.accountId) throw redirect(`/admin/accounts/${account.id}`);
  return json({ id: account.id, displayName: account.displayName, pageTitle: t("admin:resetApp.title", { name: isolate(account.displayName) }) });
}

/**
 * For someone who lost their phone and their recovery codes (decision 046): the reason, then "are
 * you sure?", then the app's key and recovery codes are removed and every session ends. Signing in
 * next, staff and admins set up an app again.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const formData = await requireFormData(request);
  const accountId = pathParam(params, "accountId");
  const account = await orNotFound(getAccount(getDb(), actor, accountId));
  const step = reasonStep(formData, t("admin:resetApp.checkTitle", { name: isolate(account.displayName) }));
  if (step.answer) return step.answer;
  try {
    await resetAuthenticatorApp(getDb(), actor, { accountId, reason: step.reason });
  } catch (error) {
    if (!(error instanceof CannotResetAppError)) throw error;
    return step.refuse("validation:admin.resetAppYourself");
  }
  return redirectWithSuccess(request, `/admin/accounts/${accountId}`, "admin:success.appReset");
}

export default function ResetAuthenticatorApp() {
  const { id, displayName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return <ReasonSteps ns="resetApp" name={displayName} accountHref={`/admin/accounts/${id}`} data={data} />;
}
