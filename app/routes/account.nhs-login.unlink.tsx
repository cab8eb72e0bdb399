import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextField } from "~/components/ui/TextField";
import { unlinkExternalIdentity } from "~/models/external-identities.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { checkPasswordAgain, requireNhsLoginChange } from "~/web/nhs-login-account.server";
import { requireSignedIn } from "~/web/auth.server";
import { redirectWithSuccess } from "~/web/saves.server";

export const handle: RouteHandle = { titleKey: "auth:nhsLoginAccount.unlinkTitle" };

/** The check step: what stopping means, before anything changes. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireNhsLoginChange(await requireSignedIn(request), true);
  return json({});
}

/** Stop signing in with NHS login (decision 066), after the password again. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireNhsLoginChange(await requireSignedIn(request), true);
  const formData = await requireFormData(request);
  const db = getDb();
  const check = await checkPasswordAgain(db, actor, formData);
  if (check.status !== "ok") return json(check.result, { status: check.httpStatus });
  await unlinkExternalIdentity(db, actor, "nhs-login");
  return redirectWithSuccess(request, "/account", "auth:account.nhsLoginUnlinked");
}

export default function UnlinkNhsLogin() {
  const { t } = useTranslation(["auth"]);
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary } = useServerForm("nhs-login-unlink", lastResult);
  return (
    <FormPage back={{ href: "/account", label: t("auth:changePassword.back") }} title={t("auth:nhsLoginAccount.unlinkTitle")} errors={summary} resultKey={lastResult}>
      <p>{t("auth:nhsLoginAccount.unlinkBody")}</p>
      <Form id={form.id}>
        <TextField name="current" type="password" label={t("auth:changePassword.current")} autoComplete="current-password" width="20" error={errorFor("current")} />
        <Button type="submit" variant="warning">
          {t("auth:nhsLoginAccount.unlinkSubmit")}
        </Button>
      </Form>
    </FormPage>
  );
}
