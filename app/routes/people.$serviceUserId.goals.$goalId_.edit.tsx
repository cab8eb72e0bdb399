import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { datePartsOf } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { GoalFields } from "~/components/plan/GoalFields";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { capacityFor } from "~/models/access.server";
import { getGoal, updateGoal } from "~/models/goals.server";
import { requirePermission, requireSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { goalSchemaKeeping } from "~/web/validation/plan.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";

async function editableGoal(request: Request, params: LoaderFunctionArgs["params"]) {
  const { actor, account } = await requireSignedIn(request);
  const serviceUserId = params.serviceUserId ?? "";
  requirePermission(actor, "goals.write", { serviceUserId });
  const goal = await orNotFound(getGoal(getDb(), actor, serviceUserId, params.goalId ?? ""));
  // A suggestion is answered on the goal's page; a declined one stays as it was.
  if (goal.status === "suggested" || goal.status === "declined") throw new Response("Not found", { status: 404 });
  return { actor, account, serviceUserId, goal };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account, serviceUserId, goal } = await editableGoal(request, params);
  const { t } = getFixedT(request, account.preferredLanguage);
  const short = goal.what.length > 60 ? `${goal.what.slice(0, 57)}…` : goal.what;
  // "Change your goal" only to the person; anyone acting for them reads "Change the goal".
  const own = capacityFor(actor, serviceUserId) === "service_user";
  return json({ serviceUserId, goal, pageTitle: t("plan:goalForm.editTitle", { what: isolate(short), ...(own ? {} : { context: "them" }) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId, goal } = await editableGoal(request, params);
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: goalSchemaKeeping(goal.targetDate) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(updateGoal(tx, actor, serviceUserId, goal.id, submission.value));
    return saved(`/people/${serviceUserId}/goals/${goal.id}`, "goalSaved");
  });
}


/** The person changes the words of their goal at any time. */
export default function EditGoal() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, goal, pageTitle } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("edit-goal", lastResult);
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
    <FormPage back={{ href: `/people/${serviceUserId}/goals/${goal.id}`, label: t("plan:goalForm.backToGoal") }} title={pageTitle} errors={summary} resultKey={lastResult}>
      <p>{tw("plan:goalForm.intro")}</p>
      <Form id={form.id} onSubmit={form.onSubmit}>
        <GoalFields values={values} errorFor={errorFor} />
        <Button type="submit">{t("plan:edit.save")}</Button>
      </Form>
    </FormPage>
  );
}

