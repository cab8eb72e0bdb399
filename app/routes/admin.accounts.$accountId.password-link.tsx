import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { InvitationCreated } from "~/components/forms/InvitationParts";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { publicLink } from "~/config.server";
import { CannotIssueLinkError, getAccount, issuePasswordLink } from "~/models/accounts-admin.server";
import { RESET_LINK_MINUTES, SETUP_LINK_DAYS } from "~/models/password-links.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, pathParam, requireRole } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const account = await orNotFound(getAccount(getDb(), actor, pathParam(params, "accountId")));
  // Not for yourself, nor for a disabled account: the account's page says why.
  if (account.status === "disabled" || account.id === actor.accountId) throw redirect(`/admin/accounts/${account.id}`);
  return json({
    id: account.id,
    displayName: account.displayName,
    purpose: account.status === "no_password" ? ("setup" as const) : ("reset" as const),
    // How long the link will work: the numbers live on the server (a .server module never reaches the browser).
    lifetime: { minutes: RESET_LINK_MINUTES, days: SETUP_LINK_DAYS },
    pageTitle: t("admin:link.title", { name: isolate(account.displayName) }),
  });
}

/**
 * "Make the link" posts; the link is shown this once to the admin, to pass on (only its hash is
 * stored). Built from PUBLIC_URL, as invitations are.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const formData = await requireFormData(request);
  // Also email the link to the account's address, through the outbox (decision 057).
  const sendByEmail = formData.get("sendEmail") === "yes";
  try {
    const issued = await orNotFound(issuePasswordLink(getDb(), actor, pathParam(params, "accountId"), new Date(), { sendByEmail }));
    return json({ error: null, link: publicLink(`/password/${issued.token}`, request), displayName: issued.displayName, emailed: issued.emailed, pageTitle: t("admin:link.doneTitle") });
  } catch (error) {
    if (!(error instanceof CannotIssueLinkError)) throw error;
    const message = error.reason === "yourself" ? "validation:admin.linkYourself" : "validation:admin.linkDisabled";
    return invalid({ error: { status: "error" as const, error: { "": [message] } }, link: null, displayName: null, emailed: false, pageTitle: null });
  }
}

export default function PasswordLink() {
  const { t } = useTranslation(["admin", "common"]);
  const { id, displayName, purpose, lifetime } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { summary } = useServerForm("password-link", data?.error ?? null);
  const accountHref = `/admin/accounts/${id}`;
  if (data?.link) {
    return (
      <InvitationCreated
        title={t("admin:link.doneTitle")}
        body={t("admin:link.doneBody", { name: data.displayName })}
        link={data.link}
        next={{ href: accountHref, label: t("admin:account.back") }}
      >
        <p>{purpose === "reset" ? t("admin:link.reset", lifetime) : t("admin:link.setup", lifetime)}</p>
        {data.emailed ? <p>{t("auth:notifications.linkEmailed")}</p> : null}
      </InvitationCreated>
    );
  }
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={data} />
      <p>
        <Link href={accountHref}>{t("admin:account.back")}</Link>
      </p>
      <h1 className="heading-xl">{t("admin:link.title", { name: displayName })}</h1>
      <p>{purpose === "reset" ? t("admin:link.reset", lifetime) : t("admin:link.setup", lifetime)}</p>
      <p>{t("admin:link.earlier")}</p>
      <p>{t("admin:link.check")}</p>
      <Form>
        <CheckboxGroup name="sendEmail" label={t("auth:notifications.sendLink")} optional choices={[{ value: "yes", label: t("auth:notifications.sendLinkYes") }]} />
        <Button type="submit">{t("admin:link.confirm")}</Button>
      </Form>
      <p>
        <Link href={accountHref}>{t("admin:link.keep")}</Link>
      </p>
    </div>
  );
}
