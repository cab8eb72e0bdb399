import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { GoalFields } from "~/components/plan/GoalFields";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { addGoal } from "~/models/goals.server";
import type { RouteHandle } from "~/root";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { goalSchema } from "~/web/validation/plan.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { DraftRestoredNotice } from "~/components/forms/DraftRestoredNotice";
import { restoreDraft } from "~/web/drafts.server";

export const handle: RouteHandle = { titleKey: "plan:goalForm.title" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "goals.write");
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "goals.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: goalSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    const goalId = await orNotFound(addGoal(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/goals/${goalId}`, "goalSaved");
  });
}

/** A goal in the person's own words: a short single page, every question but the first optional. */
export default function NewGoal() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("new-goal", lastResult ?? draft);
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <p>
        <Link href={`/people/${serviceUserId}/plan#goals`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{t("plan:goalForm.title")}</h1>
      <DraftRestoredNotice draft={draft} />
      <p>{tw("plan:goalForm.intro")}</p>
      <Form id={form.id} keepsDraft>
        <GoalFields
          values={{
            what: valueOf("what"),
            why: valueOf("why"),
            firstStep: valueOf("firstStep"),
            whoCanHelp: valueOf("whoCanHelp"),
            targetDate: { day: partOf("targetDate", "day"), month: partOf("targetDate", "month"), year: partOf("targetDate", "year") },
          }}
          errorFor={errorFor}
        />
        <Button type="submit">{t("plan:goalForm.submit")}</Button>
      </Form>
    </div>
  );
}
