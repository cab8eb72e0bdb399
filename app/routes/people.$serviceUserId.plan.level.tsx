import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateInput } from "~/components/forms/DateInput";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { getRecordOverview } from "~/models/people.server";
import { changePlanLevel } from "~/models/plan.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { planLevelSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  const overview = await getRecordOverview(getDb(), actor, serviceUserId);
  return json({
    serviceUserId,
    current: overview?.planLevel ?? "cpa",
    draft: await restoreDraft(request, actor.accountId),
    pageTitle: t("plan:levelForm.title", { name: isolate(displayName) }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: planLevelSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const { to, reason, effectiveOn } = submission.value;
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(changePlanLevel(tx, actor, serviceUserId, { to, reason, effectiveOn: effectiveOn! }));
    return saved(`/people/${serviceUserId}/plan#changes`, "saved");
  });
}

/** Staff move the person between CPA and Lead Professional Care, saying why. */
export default function ChangePlanLevel() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, current, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("plan-level", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t("plan:levelForm.intro")}</p>
      <Form id={form.id} keepsDraft>
        <RadioGroup
          name="to"
          label={t("plan:levelForm.to")}
          defaultValue={valueOf("to") ?? current}
          error={errorFor("to")}
          choices={(["cpa", "lpc"] as const).map((v) => ({ value: v, label: t(`common:planLevel.${v}`) }))}
        />
        <TextArea name="reason" maxLength={2000} label={t("plan:levelForm.reason")} hint={t("plan:levelForm.reasonHint")} rows={4} defaultValue={valueOf("reason")} error={errorFor("reason")} />
        <DateInput
          name="effectiveOn"
          legend={t("plan:levelForm.effectiveOn")}
          hint={t("plan:reviewForm.dateHint")}
          error={errorFor("effectiveOn")}
          defaultValue={{ day: partOf("effectiveOn", "day"), month: partOf("effectiveOn", "month"), year: partOf("effectiveOn", "year") }}
        />
        <Button type="submit">{t("plan:levelForm.submit")}</Button>
      </Form>
    </FormPage>
  );
}
