import type { SubmissionResult } from "@conform-to/react";
import { useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";

/**
 * The second step of signing in: one field for a code, which may be pasted and needs no puzzle or
 * memory test (WCAG 3.3.8). `method` is the app's 6-digit code or a recovery code; each page
 * links to the other, keeping where the person was going.
 */
export function SecondStepPage({ method }: { method: "totp" | "recovery" }) {
  const { t } = useTranslation(["auth", "common"]);
  const lastResult = useActionData<SubmissionResult<string[]>>();
  const [params] = useSearchParams();
  const { form, errorFor, summary, valueOf } = useServerForm(`second-step-${method}`, lastResult);
  const redirectTo = params.get("redirectTo") ?? "";
  const keep = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : "";
  const words = method === "totp" ? "secondStep" : "recoveryStep";
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <h1 className="heading-xl">{t(`auth:${words}.title`)}</h1>
      <p>{t(`auth:${words}.intro`)}</p>
      <Form id={form.id}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="code"
          label={t(`auth:${words}.code`)}
          hint={t(`auth:${words}.codeHint`)}
          autoComplete={method === "totp" ? "one-time-code" : "off"}
          inputMode={method === "totp" ? "numeric" : "text"}
          spellCheck={false}
          width={method === "totp" ? "5" : "20"}
          defaultValue={valueOf("code")}
          error={errorFor("code")}
        />
        <Button type="submit">{t(`auth:${words}.submit`)}</Button>
      </Form>
      <p>
        {method === "totp" ? (
          <Link href={`/login/recovery-code${keep}`}>{t("auth:secondStep.useRecovery")}</Link>
        ) : (
          <Link href={`/login/code${keep}`}>{t("auth:recoveryStep.useApp")}</Link>
        )}
      </p>
      {method === "recovery" ? <p>{t("auth:recoveryStep.noCodes")}</p> : null}
      <Form action="/logout" className="inline-form" reloadDocument>
        <Button type="submit" variant="link">
          {t("auth:secondStep.startAgain")}
        </Button>
      </Form>
    </div>
  );
}
