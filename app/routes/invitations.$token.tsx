import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NhsLoginChoice } from "~/components/auth/NhsLogin";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { SetPasswordPage, UnusableLink } from "~/components/forms/SetPasswordPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { acceptInvitation, acceptInvitationSignedIn, getInvitation, invitationForExistingAccount, invitationPerson } from "~/models/invitation.server";
import type { RouteHandle } from "~/root";
import { getSignedIn, requireSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { clientAddress } from "~/web/forms.server";
import { getFixedT } from "~/web/i18n.server";
import { nhsLoginEnabled } from "~/web/nhs-login.server";
import { setPasswordWithToken } from "~/web/set-password.server";

export const handle: RouteHandle = { titleKey: "auth:invitation.title" };

/**
 * An invitation for someone who already has an account (decision 060): a carer or advocate for one
 * more person accepts it signed in as that account. Only whoever holds the link learns this.
 */
type Existing = null | "signed-in" | "signed-out" | "other";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const invitation = await getInvitation(getDb(), token);
  const { t } = getFixedT(request);
  let existing: Existing = null;
  if (invitation.status === "valid") {
    const accountId = await invitationForExistingAccount(getDb(), token);
    if (accountId) {
      const signedIn = await getSignedIn(request);
      existing = !signedIn ? "signed-out" : signedIn.account.id === accountId ? "signed-in" : "other";
    }
  }
  const pageTitle =
    invitation.status !== "valid" ? t(`auth:invitation.${invitation.status}.title`) : existing ? t("auth:existing.title") : t("auth:invitation.title");
  return json({ invitation, existing, pageTitle, nhsLogin: nhsLoginEnabled() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  const token = params.token ?? "";
  if (formData.get("intent") === "accept") {
    const { actor } = await requireSignedIn(request);
    const result = await acceptInvitationSignedIn(getDb(), actor, token);
    if (result.status === "ok") throw redirect("/carers");
    return json({ status: "error" as const, formErrors: [`auth:existing.problem.${result.status}`] }, { status: 400 });
  }
  return setPasswordWithToken(formData, request, token, acceptInvitation, invitationPerson, "auth:invitation.problem", clientAddress(context));
}

function AcceptAsExisting({ existing, name, kind }: { existing: Exclude<Existing, null>; name: string; kind: string }) {
  const { t } = useTranslation(["auth", "common"]);
  const { token = "" } = useParams();
  const data = useActionData<{ status: "error"; formErrors: string[] }>();
  const { summary } = useServerForm("accept-existing", data ? { status: "error", error: { "": data.formErrors } } : null);
  const here = `/invitations/${token}`;
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={data} />
      <h1 className="heading-xl">{t("auth:existing.title")}</h1>
      <p>{t(`auth:invitation.role.${kind}`, { name })}</p>
      <p>{t("auth:existing.body")}</p>
      {existing === "signed-in" ? (
        <Form>
          <input type="hidden" name="intent" value="accept" />
          <Button type="submit">{t("auth:existing.accept")}</Button>
        </Form>
      ) : existing === "signed-out" ? (
        <p>
          <Link href={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("auth:existing.signIn")}</Link>
        </p>
      ) : (
        <p>{t("auth:existing.other")}</p>
      )}
    </div>
  );
}

export default function AcceptInvitation() {
  const { t } = useTranslation(["auth", "common"]);
  const { invitation, existing, nhsLogin } = useLoaderData<typeof loader>();
  const { token = "" } = useParams();
  if (invitation.status !== "valid") {
    return <UnusableLink title={t(`auth:invitation.${invitation.status}.title`)} body={t(`auth:invitation.${invitation.status}.body`)} />;
  }
  if (existing) return <AcceptAsExisting existing={existing} name={invitation.serviceUserName} kind={invitation.kind} />;
  return (
    <SetPasswordPage
      formId="accept-invitation"
      title={t("auth:invitation.title")}
      displayName={invitation.displayName}
      passwordLabel={t("auth:invitation.password")}
      submitLabel={t("auth:invitation.submit")}
    >
      <p>{t(`auth:invitation.role.${invitation.kind}`, { name: invitation.serviceUserName })}</p>
      {nhsLogin ? <NhsLoginChoice introKey="auth:nhsLogin.invitationIntro" orKey="auth:nhsLogin.orPassword" invitation={token} /> : null}
    </SetPasswordPage>
  );
}
