import { parseWithZod } from "~/web/validation/parse.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NhsLoginChoice } from "~/components/auth/NhsLogin";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { signIn } from "~/models/account.server";
import type { RouteHandle } from "~/root";
import { getSignedIn, openSignedInSession } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { clientAddress, messageWith } from "~/web/forms.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { signInSchema } from "~/web/validation/auth.server";
import { invalid } from "~/web/guards.server";
import { nhsLoginEnabled } from "~/web/nhs-login.server";

export const handle: RouteHandle = { titleKey: "auth:signIn.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getSignedIn(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return json({ nhsLogin: nhsLoginEnabled() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return invalid(submission.reply({ hideFields: ["password"] }));
  }
  const db = getDb();
  const result = await signIn(db, {
    email: submission.value.email,
    password: submission.value.password,
    address: clientAddress(context),
  });
  if (result.status === "locked") {
    return json(
      submission.reply({ formErrors: [messageWith("auth:signIn.locked", { count: result.minutes })], hideFields: ["password"] }),
      { status: 429 },
    );
  }
  if (result.status === "invalid") {
    return invalid(submission.reply({ fieldErrors: { email: ["auth:signIn.invalid"] }, hideFields: ["password"] }));
  }
  return openSignedInSession(db, request, result.accountId, safeRedirect(submission.value.redirectTo), "password");
}

export default function SignIn() {
  const { t } = useTranslation(["auth", "carers", "common"]);
  const lastResult = useActionData<typeof action>();
  const { nhsLogin } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { form, errorFor, summary, valueOf } = useServerForm("sign-in", lastResult);
  const reason = params.get("reason");
  // "kept": a form was posted after the session ended, and what was typed is kept (decision 033).
  const kept = reason === "kept";
  const timedOut = reason === "timeout" || kept;
  const redirectTo = params.get("redirectTo") ?? "";
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      {timedOut && !summary.length ? (
        <div className="notification" role="region" aria-labelledby="timeout-heading">
          <h2 className="notification__title" id="timeout-heading">
            {t(kept ? "auth:signIn.keptTitle" : "auth:signIn.timedOutTitle")}
          </h2>
          <p>{t(kept ? "auth:signIn.kept" : "auth:signIn.timedOut")}</p>
        </div>
      ) : null}
      <h1 className="heading-xl">{t("auth:signIn.title")}</h1>
      {nhsLogin ? <NhsLoginChoice introKey="auth:nhsLogin.intro" orKey="auth:nhsLogin.orEmail" redirectTo={redirectTo} /> : null}
      <p>{t("auth:signIn.intro")}</p>
      <Form id={form.id}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          type="email"
          label={t("auth:signIn.email")}
          autoComplete="username"
          spellCheck={false}
          defaultValue={valueOf("email")}
          error={errorFor("email")}
        />
        <TextField
          name="password"
          type="password"
          label={t("auth:signIn.password")}
          autoComplete="current-password"
          width="20"
          error={errorFor("password")}
        />
        <Button type="submit">{t("auth:signIn.submit")}</Button>
      </Form>
      <p>{t("auth:signIn.timeLimit", { minutes: 30 })}</p>
      <p>
        <a href="/staying-safe">{t("common:footer.stayingSafe")}</a>
      </p>
      <h2 className="heading-m">{t("auth:signIn.noAccountTitle")}</h2>
      <p>{t("auth:signIn.noAccount")}</p>
      <p>
        <Link href="/look-after-someone">{t("carers:signUp.link")}</Link>
      </p>
      <p>{t("auth:signIn.forgotten")}</p>
    </div>
  );
}
