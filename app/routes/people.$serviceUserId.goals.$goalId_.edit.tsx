import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { type Params, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { datePartsOf } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { GoalFields } from "~/components/plan/GoalFields";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { getGoal, updateGoal, type GoalInput } from "~/models/goals.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, notFound, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { goalSchemaKeeping } from "~/web/validation/plan.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import type { Actor } from "~/models/access.server";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { restoreDraft } from "~/web/drafts.server";

/** A goal that can be changed here: a suggestion is answered on the goal's page; a declined one stays as it was. */
async function editableGoal(actor: Actor, serviceUserId: string, params: Params) {
  const goal = await orNotFound(getGoal(getDb(), actor, serviceUserId, pathParam(params, "goalId")));
  if (goal.status === "suggested" || goal.status === "declined") throw notFound();
  return goal;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, t } = await requireRecord(request, params, "goals.write");
  const goal = await editableGoal(actor, serviceUserId, params);
  const short = goal.what.length > 60 ? `${goal.what.slice(0, 57)}…` : goal.what;
  // "Change your goal" only to the person; anyone acting for them reads "Change the goal".
  return json({ serviceUserId, goal, draft: await restoreDraft(request, actor.accountId), pageTitle: t("plan:goalForm.editTitle", { what: isolate(short), ...(own ? {} : { context: "them" }) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "goals.write");
  const goal = await editableGoal(actor, serviceUserId, params);
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: goalSchemaKeeping(goal.targetDate) });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(updateGoal(tx, actor, serviceUserId, goal.id, submission.value, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/goals/${goal.id}`, "goalSaved");
    });
  } catch (error) {
    return conflictReply<GoalInput>(submission, error);
  }
}

/** The questions of the goal form, in order, for showing what someone else saved. */
const goalTextFields = ["what", "why", "firstStep", "whoCanHelp"] as const;


/** The person changes the words of their goal at any time. */
export default function EditGoal() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, goal, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictIn<GoalInput>(lastResult);
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("edit-goal", lastResult ?? draft);
  const values = lastResult
    ? {
        what: valueOf("what"),
        why: valueOf("why"),
        firstStep: valueOf("firstStep"),
        whoCanHelp: valueOf("whoCanHelp"),
        targetDate: { day: partOf("targetDate", "day"), month: partOf("targetDate", "month"), year: partOf("targetDate", "year") },
      }
    : { ...goal, targetDate: datePartsOf(goal.targetDate) };
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/goals/${goal.id}`, label: t("plan:goalForm.backToGoal") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{tw("plan:goalForm.intro")}</p>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <dl className="summary-list">
            {goalTextFields.map((field) => (
              <div className="summary-list__row" key={field}>
                <dt>{tw(`plan:goalForm.${field}`)}</dt>
                <dd dir="auto">{conflict.value[field] || t("common:conflict.empty")}</dd>
              </div>
            ))}
            <div className="summary-list__row">
              <dt>{tw("plan:goalForm.targetDate")}</dt>
              <dd>{conflict.value.targetDate ? <FormattedDate iso={conflict.value.targetDate} /> : t("common:conflict.empty")}</dd>
            </div>
          </dl>
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? goal.version} />
        <GoalFields values={values} errorFor={errorFor} />
        <Button type="submit">{t("plan:edit.save")}</Button>
      </Form>
    </FormPage>
  );
}

