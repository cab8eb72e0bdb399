import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { recordReview } from "~/models/plan.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { reviewSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId), pageTitle: t("plan:reviewForm.title", { name: isolate(displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: reviewSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { heldOn, attendees, summary, nextReviewOn } = submission.value;
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(recordReview(tx, actor, serviceUserId, { heldOn: heldOn!, attendees, summary, nextReviewOn: nextReviewOn! }));
    return saved(`/people/${serviceUserId}/plan#reviews`, "saved");
  });
}

/** Staff record a review meeting. */
export default function RecordReview() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("review", lastResult ?? draft);
  const date = (name: string) => ({ day: partOf(name, "day"), month: partOf(name, "month"), year: partOf(name, "year") });
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan#reviews`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <Form id={form.id} keepsDraft>
        <DateInput name="heldOn" legend={t("plan:reviewForm.heldOn")} hint={t("plan:reviewForm.dateHint")} error={errorFor("heldOn")} defaultValue={date("heldOn")} />
        <TextField name="attendees" maxLength={1000} label={t("plan:reviewForm.attendees")} hint={t("plan:reviewForm.attendeesHint")} defaultValue={valueOf("attendees")} error={errorFor("attendees")} />
        <TextArea name="summary" maxLength={5000} label={t("plan:reviewForm.summary")} hint={t("plan:reviewForm.summaryHint")} rows={5} defaultValue={valueOf("summary")} error={errorFor("summary")} />
        <DateInput name="nextReviewOn" legend={t("plan:reviewForm.nextReviewOn")} hint={t("plan:reviewForm.dateHint")} error={errorFor("nextReviewOn")} defaultValue={date("nextReviewOn")} />
        <Button type="submit">{t("plan:reviewForm.submit")}</Button>
      </Form>
    </FormPage>
  );
}
