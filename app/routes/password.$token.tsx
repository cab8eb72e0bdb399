import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SetPasswordPage, UnusableLink } from "~/components/forms/SetPasswordPage";
import { getPasswordLink, passwordLinkPerson, setPasswordFromLink } from "~/models/password-links.server";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { clientAddress } from "~/web/forms.server";
import { getFixedT } from "~/web/i18n.server";
import { setPasswordWithToken } from "~/web/set-password.server";

export const handle: RouteHandle = { titleKey: "auth:passwordLink.title" };

/** A one-time link to set a password: the first one for a new staff or admin account, or a reset. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await getPasswordLink(getDb(), params.token ?? "");
  const { t } = getFixedT(request);
  const pageTitle = link.status === "valid" ? t("auth:passwordLink.title") : t(`auth:passwordLink.${link.status}.title`);
  return json({ link, pageTitle });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  return setPasswordWithToken(formData, request, params.token ?? "", setPasswordFromLink, passwordLinkPerson, "auth:passwordLink.problem", clientAddress(context));
}

export default function SetPassword() {
  const { t } = useTranslation(["auth", "common"]);
  const { link } = useLoaderData<typeof loader>();
  if (link.status !== "valid") {
    return <UnusableLink title={t(`auth:passwordLink.${link.status}.title`)} body={t(`auth:passwordLink.${link.status}.body`)} />;
  }
  return (
    <SetPasswordPage
      formId="set-password"
      title={t("auth:passwordLink.title")}
      displayName={link.displayName}
      passwordLabel={t("auth:passwordLink.password")}
      submitLabel={t("auth:passwordLink.submit")}
    >
      <p>{t(`auth:passwordLink.intro.${link.purpose}`)}</p>
    </SetPasswordPage>
  );
}
