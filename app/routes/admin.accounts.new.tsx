import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChangeOrSend } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { InvitationCreated, InviteeFields } from "~/components/forms/InvitationParts";
import { useServerForm } from "~/components/forms/use-server-form";
import { SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { publicLink } from "~/config.server";
import { inviteAccount } from "~/models/accounts-admin.server";
import { AccountExistsError, SETUP_LINK_DAYS } from "~/models/password-links.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { invalid, requireRole } from "~/web/guards.server";
import { inviteAccountSchema } from "~/web/validation/admin.server";
import { parseWithZod } from "~/web/validation/parse.server";

export const handle: RouteHandle = { titleKey: "admin:invite.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json({});
}

/**
 * Three steps on one address, as the carer invitation: the details, "check before you make it"
 * (the answers travel in hidden fields), then the one-time link, shown this once. The link is
 * built from PUBLIC_URL as every invitation's is (the request's address only in the local demo).
 */
export async function action({ request }: ActionFunctionArgs) {
  const { actor, t } = await requireRole(request, "admin");
  const formData = await requireFormData(request);
  const intent = formData.get("intent");
  const submission = parseWithZod(formData, { schema: inviteAccountSchema });
  if (intent === "edit") return json({ step: "details" as const, result: submission.reply(), check: null, link: null });
  if (submission.status !== "success") return invalid({ step: "details" as const, result: submission.reply(), check: null, link: null });
  const value = submission.value;
  if (intent !== "send") {
    return json({ step: "check" as const, result: submission.reply(), check: value, link: null, pageTitle: t("admin:invite.checkTitle") });
  }
  try {
    const { token } = await inviteAccount(getDb(), actor, value);
    const link = publicLink(`/password/${token}`, request);
    return json({ step: "done" as const, result: null, check: value, link, days: SETUP_LINK_DAYS, pageTitle: t("admin:invite.doneTitle") });
  } catch (error) {
    if (!(error instanceof AccountExistsError)) throw error;
    const result = submission.reply({ fieldErrors: { email: ["validation:admin.emailTaken"] } });
    return invalid({ step: "details" as const, result, check: null, link: null });
  }
}

export default function InviteAccount() {
  const { t } = useTranslation(["admin", "common"]);
  const data = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf } = useServerForm("invite-account", data?.step === "details" ? data.result : null);
  const back = { href: "/admin/accounts", label: t("admin:account.back") };

  if (data?.step === "done" && data.check && data.link) {
    return (
      <InvitationCreated title={t("admin:invite.doneTitle")} body={t("admin:invite.doneBody", { name: data.check.displayName })} link={data.link} next={back}>
        <p>{t("admin:invite.doneExpiry", { days: data.days })}</p>
      </InvitationCreated>
    );
  }

  if (data?.step === "check" && data.check) {
    const value = data.check;
    return (
      <FormPage back={back} title={t("admin:invite.checkTitle")} errors={[]} resultKey={data}>
        <SummaryList
          rows={[
            { key: "name", label: t("admin:invite.name"), value: <bdi>{value.displayName}</bdi> },
            { key: "email", label: t("admin:invite.email"), value: <bdi>{value.email}</bdi> },
            { key: "role", label: t("admin:invite.role"), value: t(`admin:role.${value.role}`) },
          ]}
        />
        <ChangeOrSend values={value} changeLabel={t("admin:invite.change")} sendLabel={t("admin:invite.send")}>
          <p>{t("admin:invite.checkBody")}</p>
        </ChangeOrSend>
      </FormPage>
    );
  }

  return (
    <FormPage back={back} title={t("admin:invite.title")} errors={summary} resultKey={data}>
      <p>{t("admin:invite.intro")}</p>
      <Form id={form.id}>
        <input type="hidden" name="intent" value="check" />
        <InviteeFields
          labels={{ name: t("admin:invite.name"), email: t("admin:invite.email"), emailHint: t("admin:invite.emailHint") }}
          valueOf={valueOf}
          errorFor={errorFor}
        />
        <RadioGroup
          name="role"
          label={t("admin:invite.role")}
          defaultValue={valueOf("role")}
          error={errorFor("role")}
          choices={(["staff", "admin"] as const).map((r) => ({ value: r, label: t(`admin:invite.roleOption.${r}`) }))}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
