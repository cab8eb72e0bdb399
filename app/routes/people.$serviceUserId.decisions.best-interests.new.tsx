import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { DateInput } from "~/components/forms/DateInput";
import { CheckboxGroup } from "~/components/ui/CheckboxGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { getDecisionsOverview, recordBestInterests } from "~/models/decisions.server";
import { isolate } from "~/utils/bidi";
import { bestInterestsSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "decisions.manage");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId), pageTitle: t("decisions:bestInterests.title", { name: isolate(overview.displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.manage");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: bestInterestsSchema() });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(recordBestInterests(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/decisions#best-interests`, "saved");
  });
}

/**
 * Staff: one decision made in the person's best interests (MC-06). Always about one decision at
 * one time (MC-01); the person reads it, so the words are neutral (MC-09).
 */
export default function NewBestInterestsDecision() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, valuesOf, partOf } = useServerForm("best-interests", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions#best-interests`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{t("decisions:bestInterests.intro")}</p>
      <Form id={form.id} keepsDraft>
        <TextField name="decision" maxLength={500} label={t("decisions:bestInterests.decision")} hint={t("decisions:bestInterests.decisionHint")} defaultValue={valueOf("decision")} error={errorFor("decision")} />
        <DateInput
          name="decidedOn"
          legend={t("decisions:bestInterests.decidedOn")}
          hint={t("decisions:bestInterests.decidedOnHint")}
          error={errorFor("decidedOn")}
          defaultValue={{ day: partOf("decidedOn", "day"), month: partOf("decidedOn", "month"), year: partOf("decidedOn", "year") }}
        />
        <CheckboxGroup
          name="oneDecision"
          label={t("decisions:bestInterests.oneDecision")}
          defaultValue={valuesOf("oneDecision")}
          error={errorFor("oneDecision")}
          choices={[{ value: "yes", label: t("decisions:bestInterests.oneDecisionChoice") }]}
        />
        <TextArea name="consulted" maxLength={2000} label={t("decisions:bestInterests.consulted")} hint={t("decisions:bestInterests.consultedHint")} rows={4} defaultValue={valueOf("consulted")} error={errorFor("consulted")} />
        <TextArea
          name="lessRestrictive" maxLength={2000}
          label={t("decisions:bestInterests.lessRestrictive")}
          hint={t("decisions:bestInterests.lessRestrictiveHint")}
          rows={4}
          defaultValue={valueOf("lessRestrictive")}
          error={errorFor("lessRestrictive")}
        />
        <TextArea name="outcome" maxLength={2000} label={t("decisions:bestInterests.outcome")} hint={t("decisions:bestInterests.outcomeHint")} rows={4} defaultValue={valueOf("outcome")} error={errorFor("outcome")} />
        <Button type="submit">{t("decisions:bestInterests.save")}</Button>
      </Form>
    </FormPage>
  );
}
