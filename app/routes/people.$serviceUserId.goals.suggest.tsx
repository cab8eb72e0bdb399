import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextArea } from "~/components/ui/TextArea";
import { suggestGoal } from "~/models/goals.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { suggestGoalSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { DraftRestoredNotice } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "goals.suggest");
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId), pageTitle: t("plan:suggest.title", { name: isolate(displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "goals.suggest");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: suggestGoalSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(suggestGoal(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/plan#goals`, "goalSaved");
  });
}

/** Staff suggest a goal; the person decides. */
export default function SuggestGoal() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("suggest-goal", lastResult ?? draft);
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <p>
        <Link href={`/people/${serviceUserId}/plan#goals`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <DraftRestoredNotice draft={draft} />
      <p>{t("plan:suggest.intro")}</p>
      <Form id={form.id} keepsDraft>
        <TextArea name="what" maxLength={500} label={t("plan:suggest.what")} rows={3} defaultValue={valueOf("what")} error={errorFor("what")} />
        <TextArea name="why" maxLength={2000} label={t("plan:suggest.why")} optional rows={3} defaultValue={valueOf("why")} error={errorFor("why")} />
        <Button type="submit">{t("plan:suggest.submit")}</Button>
      </Form>
    </div>
  );
}
