import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextField } from "~/components/ui/TextField";
import { changePassword } from "~/models/account-security.server";
import type { RouteHandle } from "~/root";
import { requireSignedIn, sessionHashOf } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { messageWith } from "~/web/forms.server";
import { invalid } from "~/web/guards.server";
import { redirectWithSuccess } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { changePasswordSchema } from "~/web/validation/auth.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "auth:changePassword.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return json({});
}

/** The current password, then a new one; every other session of the account then ends. Passwords are never sent back. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: changePasswordSchema });
  const hide = ["current", "password"];
  if (submission.status !== "success") return invalid(submission.reply({ hideFields: hide }));
  const result = await changePassword(getDb(), actor, {
    current: submission.value.current,
    password: submission.value.password,
    keepSessionHash: sessionHashOf(request),
  });
  switch (result.status) {
    case "ok":
      return redirectWithSuccess(request, "/account", "auth:account.passwordChanged");
    case "locked":
      return json(submission.reply({ formErrors: [messageWith("auth:changePassword.locked", { count: result.minutes })], hideFields: hide }), {
        status: 429,
      });
    case "wrong-password":
      return invalid(submission.reply({ fieldErrors: { current: ["auth:changePassword.wrong"] }, hideFields: hide }));
    case "same":
      return invalid(submission.reply({ fieldErrors: { password: ["auth:changePassword.same"] }, hideFields: hide }));
    case "common":
      return invalid(submission.reply({ fieldErrors: { password: ["validation:newPassword.common"] }, hideFields: hide }));
    case "personal":
      return invalid(submission.reply({ fieldErrors: { password: ["validation:newPassword.personal"] }, hideFields: hide }));
  }
}

export default function ChangePassword() {
  const { t } = useTranslation(["auth", "common"]);
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary } = useServerForm("change-password", lastResult);
  return (
    <FormPage back={{ href: "/account", label: t("auth:changePassword.back") }} title={t("auth:changePassword.title")} errors={summary} resultKey={lastResult}>
      <p>{t("auth:changePassword.endsOthers")}</p>
      <Form id={form.id}>
        <TextField name="current" type="password" label={t("auth:changePassword.current")} autoComplete="current-password" width="20" error={errorFor("current")} />
        <TextField
          name="password"
          type="password"
          label={t("auth:changePassword.new")}
          hint={t("auth:invitation.passwordHint")}
          autoComplete="new-password"
          width="20"
          error={errorFor("password")}
        />
        <Button type="submit">{t("auth:changePassword.submit")}</Button>
      </Form>
    </FormPage>
  );
}
