import { parseWithZod } from "~/web/validation/parse.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { acceptInvitation, getInvitation } from "~/models/invitation.server";
import type { RouteHandle } from "~/root";
import { createSession, endSession, sessionCookie } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { getFixedT } from "~/web/i18n.server";
import { isCommonPassword } from "~/utils/passwords.server";
import { newPasswordSchema } from "~/web/validation/auth.server";

export const handle: RouteHandle = { titleKey: "auth:invitation.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await getInvitation(getDb(), params.token ?? "");
  const { t } = getFixedT(request);
  const pageTitle = invitation.status === "valid" ? t("auth:invitation.title") : t(`auth:invitation.${invitation.status}.title`);
  return json({ invitation, pageTitle });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, {
    schema: newPasswordSchema.refine((v) => !isCommonPassword(v.password), {
      path: ["password"],
      message: "validation:newPassword.common",
    }),
  });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const db = getDb();
  const result = await acceptInvitation(db, { token: params.token ?? "", password: submission.value.password });
  if (result.status !== "ok") {
    return json(submission.reply({ formErrors: [`auth:invitation.problem.${result.status}`], hideFields: ["password"] }), {
      status: 400,
    });
  }
  await endSession(db, request);
  const token = await createSession(db, result.accountId);
  return redirect("/", { headers: { "Set-Cookie": sessionCookie(token) } });
}

export default function AcceptInvitation() {
  const { t } = useTranslation(["auth", "common"]);
  const { invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary } = useServerForm("accept-invitation", lastResult);

  if (invitation.status !== "valid") {
    return (
      <div className="grid-two-thirds">
        <h1 className="heading-xl">{t(`auth:invitation.${invitation.status}.title`)}</h1>
        <p>{t(`auth:invitation.${invitation.status}.body`)}</p>
        <p>
          <Link href="/login">{t("auth:invitation.goToSignIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <h1 className="heading-xl">{t("auth:invitation.title")}</h1>
      <p className="lead">{t("auth:invitation.welcome", { name: invitation.displayName })}</p>
      <p>{t(`auth:invitation.role.${invitation.kind}`, { name: invitation.serviceUserName })}</p>
      <Form id={form.id} onSubmit={form.onSubmit}>
        <TextField
          name="password"
          type="password"
          label={t("auth:invitation.password")}
          hint={t("auth:invitation.passwordHint")}
          autoComplete="new-password"
          width="20"
          error={errorFor("password")}
        />
        <Button type="submit">{t("auth:invitation.submit")}</Button>
      </Form>
    </div>
  );
}
