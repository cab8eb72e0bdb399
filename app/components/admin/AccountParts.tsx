import { useTranslation } from "react-i18next";
import { ChangeOrSend } from "~/components/forms/CheckAnswers";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { SummaryList } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextArea } from "~/components/ui/TextArea";
import { useFormat } from "~/utils/use-format";
import type { SubmissionResult } from "@conform-to/react";

/** An account's roles in words, as a list the language's way ("Staff and Admin"), or "No role yet" (an invitation not yet accepted). */
export function RoleNames({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation(["admin"]);
  const format = useFormat();
  if (!roles.length) return <>{t("admin:list.noRole")}</>;
  return <>{format.list(roles.map((r) => t(`admin:role.${r}`)))}</>;
}

/** The account's status as a tag: the words say it, the colour only repeats them. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation(["admin"]);
  const look = status === "active" ? "done" : status === "disabled" ? "disabled" : "todo";
  return <strong className={`tag tag--${look}`}>{t(`admin:status.${status}`)}</strong>;
}

export type ReasonStepData =
  | { step: "details"; result: SubmissionResult<string[]> | null; reason: null }
  | { step: "check"; result: SubmissionResult<string[]> | null; reason: string };

/**
 * Disabling or enabling an account, or resetting its authenticator app: the reason, then "are you sure?" with the reason shown and
 * one button that does it (the reason travels in a hidden field; nothing is stored until then).
 * A refusal from the model (yourself, the last admin) comes back as an error on the first step.
 */
export function ReasonSteps({
  ns,
  name,
  accountHref,
  data,
}: {
  ns: "disable" | "enable" | "resetApp";
  name: string;
  accountHref: string;
  data: ReasonStepData | undefined;
}) {
  const { t } = useTranslation(["admin", "common"]);
  const { form, errorFor, summary, valueOf } = useServerForm(`${ns}-account`, data?.step === "details" ? data.result : null);
  const back = { href: accountHref, label: t("admin:account.back") };
  if (data?.step === "check") {
    return (
      <FormPage back={back} title={t(`admin:${ns}.checkTitle`, { name })} errors={[]} resultKey={data}>
        <SummaryList rows={[{ key: "reason", label: t("admin:account.reason"), value: <bdi>{data.reason}</bdi> }]} />
        <ChangeOrSend values={{ reason: data.reason }} changeLabel={t(`admin:${ns}.change`)} sendLabel={t(`admin:${ns}.confirm`)}>
          <p>{t(`admin:${ns}.checkBody`)}</p>
        </ChangeOrSend>
        <p>
          <Link href={accountHref}>{t(`admin:${ns}.keep`)}</Link>
        </p>
      </FormPage>
    );
  }
  return (
    <FormPage back={back} title={t(`admin:${ns}.title`, { name })} errors={summary} resultKey={data}>
      <p>{t(`admin:${ns}.intro`)}</p>
      <Form id={form.id}>
        <input type="hidden" name="intent" value="check" />
        <TextArea
          name="reason"
          label={t(`admin:${ns}.reason`)}
          hint={t(`admin:${ns}.reasonHint`)}
          maxLength={500}
          rows={3}
          defaultValue={valueOf("reason")}
          error={errorFor("reason")}
        />
        <Button type="submit">{t("common:form.continue")}</Button>
      </Form>
    </FormPage>
  );
}
