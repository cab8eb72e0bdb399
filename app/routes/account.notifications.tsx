import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { LetterNotice } from "~/components/notifications/LetterNotice";
import { Button } from "~/components/ui/Button";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextField } from "~/components/ui/TextField";
import { getNotificationSettings, saveNotificationSettings } from "~/models/notifications.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireSignedIn } from "~/web/auth.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";
import { notificationSettingsSchema } from "~/web/validation/notifications.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "auth:notifications.title" };

/** How someone wants to hear that something changed: email, text message, both or neither (decision 057). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  return json({ settings: await getNotificationSettings(getDb(), actor) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: notificationSettingsSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await saveNotificationSettings(tx, actor, submission.value);
    return saved("/account", "auth:notifications.saved");
  });
}

export default function NotificationSettings() {
  const { t } = useTranslation(["auth", "common"]);
  const { settings } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf, valuesOf } = useServerForm("notification-settings", lastResult);
  const { rules } = settings;
  const chosen = lastResult ? (valuesOf("channels") ?? []) : [settings.emailEnabled ? "email" : null, settings.smsEnabled ? "sms" : null].filter((c): c is string => c !== null);
  const choices = [
    rules.email ? { value: "email", label: t("auth:notifications.byEmail") } : null,
    rules.sms ? { value: "sms", label: t("auth:notifications.byText") } : null,
  ].filter((c) => c !== null);
  return (
    <FormPage back={{ href: "/account", label: t("auth:notifications.back") }} title={t("auth:notifications.title")} errors={summary} resultKey={lastResult}>
      <p className="lead">{t("auth:notifications.intro")}</p>
      <p>{t("auth:notifications.private")}</p>
      <LetterNotice rules={rules} />
      {!rules.email || !rules.sms ? (
        <p>
          {t(!rules.email && !rules.sms ? "auth:notifications.neitherAllowed" : !rules.sms ? "auth:notifications.noText" : "auth:notifications.noEmail")}{" "}
          <Link href="/communication-needs">{t("auth:notifications.changeNeeds")}</Link>
        </p>
      ) : null}
      <Form id={form.id}>
        {choices.length ? (
          <CheckboxGroup
            name="channels"
            label={t("auth:notifications.how")}
            hint={t("auth:notifications.howHint")}
            choices={choices}
            defaultValue={chosen}
            error={errorFor("channels")}
          />
        ) : null}
        {rules.email ? (
          <TextField
            name="email"
            type="email"
            label={t("auth:notifications.email")}
            hint={t("auth:notifications.emailHint")}
            autoComplete="email"
            spellCheck={false}
            defaultValue={lastResult ? (valueOf("email") ?? "") : settings.email}
            error={errorFor("email")}
            maxLength={254}
          />
        ) : null}
        {rules.sms ? (
          <TextField
            name="mobile"
            type="tel"
            label={t("auth:notifications.mobile")}
            hint={t("auth:notifications.mobileHint")}
            autoComplete="tel"
            width="20"
            defaultValue={lastResult ? (valueOf("mobile") ?? "") : settings.mobile}
            error={errorFor("mobile")}
          />
        ) : null}
        {/* Nothing to choose (letters only): no button that would save nothing. */}
        {choices.length ? <Button type="submit">{t("auth:notifications.save")}</Button> : null}
      </Form>
    </FormPage>
  );
}
