import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { DateInput, datePartsOf } from "~/components/forms/DateInput";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextField } from "~/components/ui/TextField";
import { getDecisionsOverview, recordAdvanceDecision } from "~/models/decisions.server";
import { yesNo } from "~/models/vocabulary/decisions";
import { advanceDecisionSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "decisions.manage");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  return json({ serviceUserId, fact: overview.advanceDecision, draft: await restoreDraft(request, actor.accountId), pageTitle: t("decisions:adrt.title", { name: isolate(overview.displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.manage");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: advanceDecisionSchema() });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(recordAdvanceDecision(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/decisions#adrt`, "saved");
  });
}

/** Staff: whether an advance decision to refuse treatment exists, where it is and when they saw it (MC-07). */
export default function AdvanceDecisionToRefuse() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, fact, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf, partOf } = useServerForm("adrt", lastResult ?? draft);
  const saved = datePartsOf(fact?.seenOn ?? null);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions#adrt`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{t("decisions:adrt.explain")}</p>
      <Form id={form.id} keepsDraft>
        <RadioGroup
          name="exists"
          label={t("decisions:adrt.existsLabel")}
          defaultValue={valueOf("exists") ?? (fact ? (fact.exists ? "yes" : "no") : undefined)}
          error={errorFor("exists")}
          choices={yesNo.map((v) => ({ value: v, label: t(`decisions:adrt.${v}`) }))}
        />
        <TextField name="whereKept" maxLength={500} label={t("decisions:adrt.whereKept")} hint={t("decisions:adrt.whereKeptHint")} optional defaultValue={valueOf("whereKept") ?? fact?.whereKept ?? ""} error={errorFor("whereKept")} />
        <DateInput
          name="seenOn"
          legend={t("decisions:adrt.seenOnLegend")}
          hint={t("decisions:adrt.seenOnHint")}
          optional
          error={errorFor("seenOn")}
          defaultValue={(lastResult ?? draft) ? { day: partOf("seenOn", "day"), month: partOf("seenOn", "month"), year: partOf("seenOn", "year") } : saved}
        />
        <Button type="submit">{t("decisions:save")}</Button>
      </Form>
    </FormPage>
  );
}
