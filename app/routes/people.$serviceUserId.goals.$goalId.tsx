import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { EnteredByNote, FormattedDate, SummaryList } from "~/components/display/DisplayParts";
import { ProgressChart } from "~/components/plan/ProgressChart";
import { ProgressTable } from "~/components/plan/PlanParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { can } from "~/models/access.server";
import { getGoal, recordGoalProgress, respondToSuggestion, setGoalStatus } from "~/models/goals.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { goalStatusSchema, progressSchema, respondSchema } from "~/web/validation/plan.server";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { DraftRestoredNotice, draftFor } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, t } = await requireRecord(request, params, "goals.read");
  const goal = await orNotFound(getGoal(getDb(), actor, serviceUserId, pathParam(params, "goalId")));
  return json({
    goal,
    displayName,
    canWrite: can(actor, "goals.write", { serviceUserId }),
    draft: can(actor, "goals.write", { serviceUserId }) ? await restoreDraft(request, actor.accountId) : null,
    pageTitle: t("plan:goal.title", { what: isolate(goal.what.length > 60 ? `${goal.what.slice(0, 57)}…` : goal.what) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "goals.write");
  const formData = await requireFormData(request);
  const goalId = pathParam(params, "goalId");
  if (formData.get("intent") === "respond") {
    const submission = parseWithZod(formData, { schema: respondSchema });
    if (submission.status !== "success") return invalid({ intent: "respond", result: submission.reply() });
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(respondToSuggestion(tx, actor, serviceUserId, goalId, submission.value));
      return saved(
        submission.value.response === "accept" ? `/people/${serviceUserId}/goals/${goalId}` : `/people/${serviceUserId}/plan#goals`,
        "goalSaved",
      );
    });
  }
  if (formData.get("intent") === "status") {
    const submission = parseWithZod(formData, { schema: goalStatusSchema });
    if (submission.status !== "success") return invalid({ intent: "status", result: submission.reply() });
    return saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(setGoalStatus(tx, actor, serviceUserId, goalId, submission.value.status));
      return saved(`/people/${serviceUserId}/goals/${goalId}`, "goalSaved");
    });
  }
  const submission = parseWithZod(formData, { schema: progressSchema });
  if (submission.status !== "success") return invalid({ intent: "progress", result: submission.reply() });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(recordGoalProgress(tx, actor, serviceUserId, goalId, submission.value));
    return saved(`/people/${serviceUserId}/goals/${goalId}#progress`, "progressSaved");
  });
}

export default function GoalPage() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { goal, displayName, canWrite, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // What was typed before the session ended goes back into the form it came from (by its intent).
  const draft = actionData ? null : kept;
  const resultOf = (intent: string) => (actionData ? (actionData.intent === intent ? actionData.result : null) : draftFor(draft, intent));
  const progressForm = useServerForm("progress-form", resultOf("progress"));
  const statusForm = useServerForm("status-form", resultOf("status"));
  const respondForm = useServerForm("respond-form", resultOf("respond"));
  const summary = [...progressForm.summary, ...statusForm.summary, ...respondForm.summary];
  const suggested = goal.status === "suggested";
  const latestFirst = [...goal.progress].reverse();
  return (
    <>
      <ErrorSummary errors={summary} resultKey={actionData} />
      <p>
        <Link href={`/people/${goal.serviceUserId}/plan#goals`}>{t("plan:backToPlan")}</Link>
      </p>
      <span className="caption">{t(`plan:goalStatus.${goal.status}`)}</span>
      <h1 className="heading-xl">{pageTitle}</h1>
      <DraftRestoredNotice draft={draft} />
      <EnteredByNote enteredBy={goal.enteredBy} forName={displayName} />
      <div className="grid-two-thirds">
        <SummaryList
          rows={[
            { key: "why", label: tw("plan:goalForm.why"), value: goal.why || t("plan:nothingRecorded") },
            { key: "first", label: t("plan:goalForm.firstStep"), value: goal.firstStep || t("plan:nothingRecorded") },
            { key: "who", label: t("plan:goalForm.whoCanHelp"), value: goal.whoCanHelp || t("plan:nothingRecorded") },
            {
              key: "when",
              label: tw("plan:goalForm.targetDate"),
              value: goal.targetDate ? <FormattedDate iso={goal.targetDate} /> : t("plan:goal.noTarget"),
            },
          ]}
        />
        {canWrite && !suggested && goal.status !== "declined" ? (
          <p>
            <Link href={`/people/${goal.serviceUserId}/goals/${goal.id}/edit`}>{t("plan:goal.change")}</Link>
          </p>
        ) : null}
      </div>

      <section aria-labelledby="progress" className="section">
        <h2 className="heading-l" id="progress">
          {t("plan:progress.title")}
        </h2>
        {goal.progress.length ? (
          <>
            <ProgressChart points={goal.progress} id="goal-chart" />
            <ProgressTable
              rows={latestFirst.map((p) => ({
                at: p.recordedAt,
                rating: p.rating,
                note: (
                  <>
                    <span dir="auto">{p.note}</span>
                    <EnteredByNote enteredBy={p.enteredBy} forName={displayName} />
                  </>
                ),
              }))}
            />
          </>
        ) : (
          <p>{t("plan:progress.none")}</p>
        )}
      </section>

      {canWrite && suggested ? (
        <div className="grid-two-thirds">
          <section aria-labelledby="respond" className="section">
            <h2 className="heading-l" id="respond">
              {t("plan:suggest.respondTitle")}
            </h2>
            <p>{t("plan:suggest.respondIntro")}</p>
            <Form id={respondForm.form.id} keepsDraft>
              <input type="hidden" name="intent" value="respond" />
              <TextArea
                name="what" maxLength={500}
                label={t("plan:suggest.respondWhat")}
                hint={t("plan:suggest.respondWhatHint")}
                rows={3}
                defaultValue={respondForm.valueOf("what") ?? goal.what}
                error={respondForm.errorFor("what")}
              />
              <RadioGroup
                name="response"
                label={t("plan:suggest.respondLabel")}
                defaultValue={respondForm.valueOf("response")}
                error={respondForm.errorFor("response")}
                choices={[
                  { value: "accept", label: t("plan:suggest.accept") },
                  { value: "decline", label: t("plan:suggest.decline"), hint: t("plan:suggest.declineHint") },
                ]}
              />
              <Button type="submit">{t("plan:suggest.respondSubmit")}</Button>
            </Form>
          </section>
        </div>
      ) : null}

      {canWrite && !suggested && goal.status !== "declined" ? (
        <div className="grid-two-thirds">
          <section aria-labelledby="record" className="section">
            <h2 className="heading-l" id="record">
              {t("plan:progress.recordTitle")}
            </h2>
            <Form id={progressForm.form.id} keepsDraft>
              <input type="hidden" name="intent" value="progress" />
              <TextField
                name="rating"
                label={t("plan:progress.ratingLabel")}
                hint={t("plan:progress.ratingHint")}
                inputMode="numeric"
                width="2"
                defaultValue={progressForm.valueOf("rating")}
                error={progressForm.errorFor("rating")}
              />
              <TextArea
                name="note" maxLength={1000}
                label={t("plan:progress.noteLabel")}
                optional
                rows={3}
                defaultValue={progressForm.valueOf("note")}
                error={progressForm.errorFor("note")}
              />
              <Button type="submit">{t("plan:progress.save")}</Button>
            </Form>
          </section>
          <section aria-labelledby="status-heading" className="section">
            <h2 className="heading-l" id="status-heading">
              {t("plan:goal.statusTitle")}
            </h2>
            <Form id={statusForm.form.id} keepsDraft>
              <input type="hidden" name="intent" value="status" />
              <RadioGroup
                name="status"
                label={tw("plan:goal.statusLabel")}
                defaultValue={statusForm.valueOf("status") ?? goal.status}
                error={statusForm.errorFor("status")}
                choices={(["active", "paused", "done"] as const).map((s) => ({ value: s, label: t(`plan:goalStatus.${s}`) }))}
              />
              <Button type="submit" variant="secondary">
                {t("plan:goal.statusSave")}
              </Button>
            </Form>
          </section>
        </div>
      ) : null}
    </>
  );
}
