import type { SubmissionResult } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NhsLoginProblemPage } from "~/components/auth/NhsLogin";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextField } from "~/components/ui/TextField";
import { setOwnPassword } from "~/models/account-security.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { renewSession, requireSignedIn, sessionCookie, sessionHashOf, signedInRecently } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { messageWith } from "~/web/forms.server";
import { getFixedT } from "~/web/i18n.server";
import { startNhsLogin } from "~/web/nhs-login.server";
import { RECENT_NHS_LOGIN_MS, requireNoPassword } from "~/web/nhs-login-account.server";
import { newPasswordSchema } from "~/web/validation/auth.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "auth:setPassword.title" };

const PAGE = "/account/set-password";

type ActionData = { result: SubmissionResult<string[]> } | { unavailable: true; pageTitle: string };

/**
 * Set a first password (decision 067), for an account made through NHS login. There is no password
 * to ask for again, so the session must have signed in with NHS login in the last 15 minutes;
 * otherwise the page says so and offers to sign in with NHS login again.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await requireNoPassword(await requireSignedIn(request));
  return json({ recent: signedInRecently(signedIn, "nhs-login", RECENT_NHS_LOGIN_MS) });
}

/**
 * "Sign in with NHS login again" (the sign-in flow, its sealed cookie naming this account, this
 * session and the purpose), or the new password: the rules of every new password, counted as
 * changing one is, then every other session ends and this one gets a new id.
 */
export async function action({ request }: ActionFunctionArgs) {
  const signedIn = await requireNoPassword(await requireSignedIn(request));
  const { account, actor, sessionId } = signedIn;
  const formData = await requireFormData(request);
  if (formData.get("intent") === "again") {
    const started = await startNhsLogin({ redirectTo: PAGE, invitation: null, link: { accountId: account.id, sessionId, purpose: "again" } });
    if (!started) {
      const { t } = getFixedT(request, account.preferredLanguage);
      return json<ActionData>({ unavailable: true, pageTitle: t("auth:nhsLogin.problem.unavailable.title") }, { status: 503 });
    }
    return redirect(started.location, { headers: { "Set-Cookie": started.setCookie } });
  }
  // The sign-in became too old while the form was open: the page now asks for NHS login again.
  if (!signedInRecently(signedIn, "nhs-login", RECENT_NHS_LOGIN_MS)) return redirect(PAGE);
  const submission = parseWithZod(formData, { schema: newPasswordSchema });
  const hide = ["password"];
  const reply = (fieldErrors: Record<string, string[]>) => json<ActionData>({ result: submission.reply({ fieldErrors, hideFields: hide }) }, { status: 400 });
  if (submission.status !== "success") return json<ActionData>({ result: submission.reply({ hideFields: hide }) }, { status: 400 });
  const db = getDb();
  const result = await setOwnPassword(db, actor, { password: submission.value.password, keepSessionHash: sessionHashOf(request) });
  switch (result.status) {
    case "ok": {
      const token = await renewSession(db, request, account.id, { flash: "auth:account.passwordSet" });
      return redirect("/account", { headers: { "Set-Cookie": sessionCookie(token), "Cache-Control": "no-store" } });
    }
    case "has-password":
      return redirect("/account");
    case "locked":
      return json<ActionData>({ result: submission.reply({ formErrors: [messageWith("auth:setPassword.locked", { count: result.minutes })], hideFields: hide }) }, { status: 429 });
    case "common":
      return reply({ password: ["validation:newPassword.common"] });
    case "personal":
      return reply({ password: ["validation:newPassword.personal"] });
  }
}

export default function SetPassword() {
  const { t } = useTranslation(["auth"]);
  const { recent } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const { form, errorFor, summary } = useServerForm("set-password", result);
  if (actionData && "unavailable" in actionData) return <NhsLoginProblemPage problem="unavailable" back="account" />;
  const back = { href: "/account", label: t("auth:changePassword.back") };
  if (!recent) {
    return (
      <FormPage back={back} title={t("auth:setPassword.title")} errors={[]} resultKey={actionData}>
        <p>{t("auth:setPassword.againWhy")}</p>
        <p>{t("auth:setPassword.againNext")}</p>
        <Form action={PAGE} reloadDocument>
          <input type="hidden" name="intent" value="again" />
          <Button type="submit">{t("auth:setPassword.againSubmit")}</Button>
        </Form>
      </FormPage>
    );
  }
  return (
    <FormPage back={back} title={t("auth:setPassword.title")} errors={summary} resultKey={actionData}>
      <p>{t("auth:setPassword.intro")}</p>
      <p>{t("auth:setPassword.endsOthers")}</p>
      <Form id={form.id}>
        <TextField
          name="password"
          type="password"
          label={t("auth:setPassword.password")}
          hint={t("auth:invitation.passwordHint")}
          autoComplete="new-password"
          width="20"
          error={errorFor("password")}
        />
        <Button type="submit">{t("auth:setPassword.submit")}</Button>
      </Form>
    </FormPage>
  );
}
