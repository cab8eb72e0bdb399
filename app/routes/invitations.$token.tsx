import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NhsLoginChoice } from "~/components/auth/NhsLogin";
import { SetPasswordPage, UnusableLink } from "~/components/forms/SetPasswordPage";
import { acceptInvitation, getInvitation, invitationPerson } from "~/models/invitation.server";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { clientAddress } from "~/web/forms.server";
import { getFixedT } from "~/web/i18n.server";
import { nhsLoginEnabled } from "~/web/nhs-login.server";
import { setPasswordWithToken } from "~/web/set-password.server";

export const handle: RouteHandle = { titleKey: "auth:invitation.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await getInvitation(getDb(), params.token ?? "");
  const { t } = getFixedT(request);
  const pageTitle = invitation.status === "valid" ? t("auth:invitation.title") : t(`auth:invitation.${invitation.status}.title`);
  return json({ invitation, pageTitle, nhsLogin: nhsLoginEnabled() });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  return setPasswordWithToken(formData, request, params.token ?? "", acceptInvitation, invitationPerson, "auth:invitation.problem", clientAddress(context));
}

export default function AcceptInvitation() {
  const { t } = useTranslation(["auth", "common"]);
  const { invitation, nhsLogin } = useLoaderData<typeof loader>();
  const { token = "" } = useParams();
  if (invitation.status !== "valid") {
    return <UnusableLink title={t(`auth:invitation.${invitation.status}.title`)} body={t(`auth:invitation.${invitation.status}.body`)} />;
  }
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
