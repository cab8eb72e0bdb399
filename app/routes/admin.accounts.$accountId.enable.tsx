import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ReasonSteps } from "~/components/admin/AccountParts";
import { enableAccount, getAccount } from "~/models/accounts-admin.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { orNotFound, pathParam, requireRole } from "~/web/guards.server";
import { reasonStep } from "~/web/reason-steps.server";
import { redirectWithSuccess } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const account = await orNotFound(getAccount(getDb(), actor, pathParam(params, "accountId")));
  // Nothing to enable, or not yours to: the account's page says why.
  if (account.status !== "disabled" || account.id === actor.accountId) throw redirect(`/admin/accounts/${account.id}`);
  return json({ id: account.id, displayName: account.displayName, pageTitle: t("admin:enable.title", { name: isolate(account.displayName) }) });
}

/** The reason, then "are you sure?", then enabled: signing in works again, and nothing else comes back. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const formData = await requireFormData(request);
  const accountId = pathParam(params, "accountId");
  const account = await orNotFound(getAccount(getDb(), actor, accountId));
  const step = reasonStep(formData, t("admin:enable.checkTitle", { name: isolate(account.displayName) }));
  if (step.answer) return step.answer;
  await enableAccount(getDb(), actor, { accountId, reason: step.reason });
  return redirectWithSuccess(request, `/admin/accounts/${accountId}`, "admin:success.enabled");
}

export default function EnableAccount() {
  const { id, displayName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return <ReasonSteps ns="enable" name={displayName} accountHref={`/admin/accounts/${id}`} data={data} />;
}
