import type { SubmissionResult } from "@conform-to/react";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";

/** A one-time link that cannot be used (expired, used, unknown): why, and the way to sign in. */
export function UnusableLink({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation(["auth"]);
  return (
    <div className="grid-two-thirds">
      <h1 className="heading-xl">{title}</h1>
      <p>{body}</p>
      <p>
        <Link href="/login">{t("auth:invitation.goToSignIn")}</Link>
      </p>
    </div>
  );
}

/**
 * Set a password from a one-time link (an invitation, or a set-up or reset link): who it is for,
 * what the account is (`children`), then one new-password field. The action is setPasswordWithToken
 * (web/set-password.server.ts): it answers with the submission, or redirects once the password is set.
 */
export function SetPasswordPage({
  formId,
  title,
  displayName,
  passwordLabel,
  submitLabel,
  children,
}: {
  formId: string;
  title: string;
  displayName: string;
  passwordLabel: string;
  submitLabel: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation(["auth", "common"]);
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const { form, errorFor, summary } = useServerForm(formId, lastResult);
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <h1 className="heading-xl">{title}</h1>
      <p className="lead">{t("auth:invitation.welcome", { name: displayName })}</p>
      {children}
      <Form id={form.id}>
        <TextField
          name="password"
          type="password"
          label={passwordLabel}
          hint={t("auth:invitation.passwordHint")}
          autoComplete="new-password"
          width="20"
          error={errorFor("password")}
        />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </div>
  );
}
