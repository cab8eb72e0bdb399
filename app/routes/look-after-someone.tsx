import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SummaryList } from "~/components/display/DisplayParts";
import { ChangeOrSend, HiddenAnswers } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { signUpAsCarer } from "~/models/carer-sign-up.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { isPersonalPassword } from "~/utils/passwords.server";
import { getSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { clientAddress } from "~/web/forms.server";
import { invalid } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { carerSignUpPasswordSchema, carerSignUpSchema } from "~/web/validation/carers.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "carers:signUp.title" };

/** Public: anyone may sign up as a carer. Someone signed in already has an account. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSignedIn(request)) throw redirect("/");
  const done = new URL(request.url).searchParams.get("done") === "1";
  const { t } = getFixedT(request);
  return json({ done, pageTitle: done ? t("carers:signUp.doneTitle") : t("carers:signUp.title") });
}

type Answers = { displayName: string; email: string };

/**
 * Four steps on one address, all server-rendered (decision 060): name and email, "check your
 * answers", a password, then the same answer whether or not the email already had an account
 * (a GET after a redirect). Nothing is stored before the password step; the password is never
 * sent back into a page.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  if (await getSignedIn(request)) throw redirect("/");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  const { t } = getFixedT(request);
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: carerSignUpPasswordSchema });
    if (submission.status !== "success") {
      return invalid({ step: "password" as const, result: submission.reply({ hideFields: ["password"] }), answers: answersFrom(formData) });
    }
    const { displayName, email, password } = submission.value;
    if (isPersonalPassword(password, { displayName, email })) {
      const result = submission.reply({ fieldErrors: { password: ["validation:newPassword.personal"] }, hideFields: ["password"] });
      return invalid({ step: "password" as const, result, answers: { displayName, email } });
    }
    const outcome = await signUpAsCarer(getDb(), { displayName, email, password, address: clientAddress(context) });
    if (outcome.status === "locked") {
      const result = submission.reply({ formErrors: ["carers:signUp.locked"], hideFields: ["password"] });
      return json({ step: "password" as const, result, answers: { displayName, email } }, { status: 429 });
    }
    throw redirect("/look-after-someone?done=1");
  }
  const submission = parseWithZod(formData, { schema: carerSignUpSchema });
  if (intent === "edit" || submission.status !== "success") {
    const body = { step: "details" as const, result: submission.reply(), answers: null };
    return intent === "edit" ? json(body) : invalid(body);
  }
  if (intent === "send") {
    return json({ step: "password" as const, result: null, answers: submission.value, pageTitle: t("carers:signUp.passwordTitle") });
  }
  return json({ step: "check" as const, result: null, answers: submission.value, pageTitle: t("carers:signUp.checkTitle") });
}

function answersFrom(formData: FormData): Answers {
  const text = (name: string) => String(formData.get(name) ?? "").slice(0, 254);
  return { displayName: text("displayName"), email: text("email") };
}

export default function LookAfterSomeone() {
  const { t } = useTranslation(["carers", "auth", "common"]);
  const { done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf } = useServerForm("carer-sign-up", data?.result ?? null);
  const back = { href: "/login", label: t("carers:signUp.backToSignIn") };

  if (done && !data) {
    return (
      <div className="grid-two-thirds">
        <div className="panel" role="status">
          <h1 className="heading-xl">{t("carers:signUp.doneTitle")}</h1>
        </div>
        <p>{t("carers:signUp.doneBody")}</p>
        <p>{t("carers:signUp.doneExisting")}</p>
        <p>
          <Link href="/login">{t("carers:signUp.signIn")}</Link>
        </p>
      </div>
    );
  }

  if (data?.step === "check" && data.answers) {
    return (
      <FormPage back={back} title={t("carers:signUp.checkTitle")} errors={[]} resultKey={data}>
        <SummaryList
          rows={[
            { key: "name", label: t("carers:signUp.name"), value: <bdi>{data.answers.displayName}</bdi> },
            { key: "email", label: t("carers:signUp.email"), value: <bdi>{data.answers.email}</bdi> },
          ]}
        />
        <ChangeOrSend values={data.answers} changeLabel={t("carers:signUp.changeAnswers")} sendLabel={t("common:form.continue")}>
          <p>{t("carers:signUp.checkBody")}</p>
        </ChangeOrSend>
      </FormPage>
    );
  }

  if (data?.step === "password" && data.answers) {
    return (
      <FormPage back={back} title={t("carers:signUp.passwordTitle")} errors={summary} resultKey={data}>
        <Form id={form.id}>
          <HiddenAnswers values={data.answers} />
          <input type="hidden" name="intent" value="create" />
          <TextField
            name="password"
            type="password"
            label={t("carers:signUp.password")}
            hint={t("auth:invitation.passwordHint")}
            autoComplete="new-password"
            width="20"
            error={errorFor("password")}
          />
          <Button type="submit">{t("carers:signUp.submit")}</Button>
        </Form>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={t("carers:signUp.title")} errors={summary} resultKey={data}>
      <p className="lead">{t("carers:signUp.intro")}</p>
      <p>{t("carers:signUp.youGet")}</p>
      <p>{t("carers:signUp.noDetails")}</p>
      <Form id={form.id}>
        <input type="hidden" name="intent" value="check" />
        {/* Their own name and email: the browser may fill them in (WCAG 1.3.5), unlike an invitee's. */}
        <TextField name="displayName" maxLength={100} label={t("carers:signUp.name")} autoComplete="name" defaultValue={valueOf("displayName")} error={errorFor("displayName")} />
        <TextField
          name="email"
          type="email"
          label={t("carers:signUp.email")}
          hint={t("carers:signUp.emailHint")}
          autoComplete="username"
          spellCheck={false}
          defaultValue={valueOf("email")}
          error={errorFor("email")}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
