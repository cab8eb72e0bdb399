import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { needsPartNames, needsParts, type NeedsField } from "~/models/vocabulary/carer-needs";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { getNeedsForAssessment, updateAssessmentRequest } from "~/models/carers.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { assessmentStatusSchema } from "~/web/validation/sharing.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "carers.support");
  const data = await orNotFound(getNeedsForAssessment(getDb(), actor, serviceUserId, pathParam(params, "requestId")));
  return json({ serviceUserId, ...data, draft: await restoreDraft(request, actor.accountId), pageTitle: t("carers:team.requestTitle", { name: isolate(data.carer) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "carers.support");
  const formData = await requireFormData(request);
  formData.set("requestId", pathParam(params, "requestId"));
  const submission = parseWithZod(formData, { schema: assessmentStatusSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(updateAssessmentRequest(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/carers#requests-heading`, "saved");
  });
}

/** For the team: a carer's request for an assessment, their needs record, and the request's status. */
export default function AssessmentRequestForTeam() {
  const { t } = useTranslation(["carers", "common"]);
  const { serviceUserId, needs, request, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("assessment-status", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/carers`, label: t("carers:team.back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <SummaryList
        rows={[
          { key: "on", label: t("carers:assessment.requestedOn"), value: <FormattedDate iso={request.requestedAt} /> },
          { key: "contact", label: t("carers:assessment.contactBy"), value: t(`carers:assessment.contact.${request.contactBy}`) },
          { key: "time", label: t("carers:assessment.bestTime"), value: request.bestTime ? <bdi>{request.bestTime}</bdi> : t("carers:assessment.notGiven") },
          { key: "advocate", label: t("carers:assessment.advocate"), value: t(`carers:assessment.yesNo.${request.wantsAdvocate ? "yes" : "no"}`) },
        ]}
      />
      <h2 className="heading-l">{t("carers:team.needsTitle")}</h2>
      {needsPartNames.map((part) => {
        const saved = needs[part];
        return (
          <section key={part} aria-labelledby={`part-${part}`} className="section">
            <h3 className="heading-m" id={`part-${part}`}>
              {t(`carers:needs.part.${part}.title`)}
            </h3>
            {saved ? (
              <SummaryList
                rows={(needsParts[part] as readonly NeedsField[]).map((f) => {
                  const answer = saved.answers[f.name] ?? "";
                  return {
                    key: f.name,
                    label: t(`carers:needs.part.${part}.${f.name}.label`, { name: t("carers:team.thePerson") }),
                    value: !answer ? t("carers:team.noAnswer") : f.type === "text" ? <TheirWords text={answer} /> : t(`carers:needs.option.${f.options}.${answer}`),
                  };
                })}
              />
            ) : (
              <p>{t("carers:team.partNotDone")}</p>
            )}
          </section>
        );
      })}
      <h2 className="heading-l">{t("carers:team.updateTitle")}</h2>
      <Form id={form.id} keepsDraft>
        <RadioGroup
          name="status"
          label={t("carers:team.status")}
          defaultValue={valueOf("status") ?? request.status}
          error={errorFor("status")}
          choices={(["received", "in_progress", "completed"] as const).map((s) => ({ value: s, label: t(`carers:assessment.status.${s}`) }))}
        />
        <TextArea name="note" maxLength={2000} label={t("carers:team.note")} hint={t("carers:team.noteHint")} optional rows={4} defaultValue={valueOf("note") ?? request.note} error={errorFor("note")} />
        <Button type="submit">{t("carers:team.save")}</Button>
      </Form>
    </FormPage>
  );
}
