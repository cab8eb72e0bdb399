import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReasonSteps } from "~/components/admin/AccountParts";
import { CannotDisableError, disableAccount, getAccount } from "~/models/accounts-admin.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { orNotFound, pathParam, requireRole } from "~/web/guards.server";
import { reasonStep } from "~/web/reason-steps.server";
import { redirectWithSuccess } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const account = await orNotFound(getAccount(getDb(), actor, pathParam(params, "accountId")));
  // Nothing to disable, or not yours to: the account's page says why.
  if (account.status === "disabled" || account.id === actor.accountId) throw redirect(`/admin/accounts/${account.id}`);
  return json({ id: account.id, displayName: account.displayName, pageTitle: t("admin:disable.title", { name: isolate(account.displayName) }) });
}

/**
 * The reason, then "are you sure?", then disabled: every session ends at once (decision 045). A
 * refusal (yourself, the last admin who can sign in) is an error on the reason's page.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const formData = await requireFormData(request);
  const accountId = pathParam(params, "accountId");
  const account = await orNotFound(getAccount(getDb(), actor, accountId));
  const step = reasonStep(formData, t("admin:disable.checkTitle", { name: isolate(account.displayName) }));
  if (step.answer) return step.answer;
  try {
    await disableAccount(getDb(), actor, { accountId, reason: step.reason });
  } catch (error) {
    if (!(error instanceof CannotDisableError)) throw error;
    const message = error.reason === "yourself" ? "validation:admin.yourself" : "validation:admin.lastAdmin";
    return step.refuse(message);
  }
  return redirectWithSuccess(request, `/admin/accounts/${accountId}`, "admin:success.disabled");
}

export default function DisableAccount() {
  const { id, displayName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return <ReasonSteps ns="disable" name={displayName} accountHref={`/admin/accounts/${id}`} data={data} />;
}
