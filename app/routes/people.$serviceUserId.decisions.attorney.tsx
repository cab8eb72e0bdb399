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
import { useDecisionsT } from "~/components/decisions/DecisionParts";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { TextField } from "~/components/ui/TextField";
import { getDecisionsOverview, saveAttorney, type AttorneyInput } from "~/models/decisions.server";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { SummaryList } from "~/components/display/DisplayParts";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { attorneyKindChoices, lifeSustainingChoices } from "~/models/vocabulary/decisions";
import { attorneySchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, t } = await requireRecord(request, params, "decisions.write");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  return json({ serviceUserId, own, attorney: overview.attorney, draft: await restoreDraft(request, actor.accountId), pageTitle: t("decisions:attorney.title") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: attorneySchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(saveAttorney(tx, actor, serviceUserId, submission.value, new Date(), { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/decisions#attorney`, "saved");
    });
  } catch (error) {
    // Someone else changed the details, or staff checked them, since this page was opened.
    return conflictReply<AttorneyInput>(submission, error);
  }
}

/** A health and welfare Lasting Power of Attorney or a deputy (MC-05). Staff check the registration. */
export default function Attorney() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, own, attorney, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const tt = useDecisionsT(own);
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const conflict = conflictIn<AttorneyInput>(lastResult);
  const { form, errorFor, summary, valueOf } = useServerForm("attorney", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions#attorney`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{tt("decisions:attorney.explainLpa")}</p>
      <p>{t("decisions:attorney.explainDeputy")}</p>
      <p>{tt("decisions:attorney.explainWhen")}</p>
      <div className="inset">
        <p>{t("decisions:attorney.opgExplain")}</p>
        {attorney ? <p>{t("decisions:attorney.changeNote")}</p> : null}
      </div>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <SummaryList
            rows={[
              { key: "kind", label: t("decisions:attorney.kindRow"), value: t(`decisions:attorney.kinds.${conflict.value.kind}`) },
              { key: "names", label: t("decisions:attorney.namesRow"), value: <span className="their-words">{conflict.value.names}</span> },
              { key: "life", label: t("decisions:attorney.lifeRow"), value: t(`decisions:attorney.life.${conflict.value.lifeSustaining}`) },
              ...(conflict.value.opgReference ? [{ key: "reference", label: t("decisions:attorney.referenceRow"), value: conflict.value.opgReference }] : []),
            ]}
          />
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? attorney?.version ?? 0} />
        <RadioGroup
          name="kind"
          label={t("decisions:attorney.kind")}
          defaultValue={valueOf("kind") ?? attorney?.kind}
          error={errorFor("kind")}
          choices={attorneyKindChoices.map((k) => ({ value: k, label: t(`decisions:attorney.kinds.${k}`) }))}
        />
        <TextArea name="names" maxLength={500} label={t("decisions:attorney.names")} hint={t("decisions:attorney.namesHint")} rows={3} defaultValue={valueOf("names") ?? attorney?.names ?? ""} error={errorFor("names")} />
        <TextArea name="covers" maxLength={2000} label={t("decisions:attorney.covers")} hint={t("decisions:attorney.coversHint")} optional rows={3} defaultValue={valueOf("covers") ?? attorney?.covers ?? ""} error={errorFor("covers")} />
        <RadioGroup
          name="lifeSustaining"
          label={t("decisions:attorney.lifeSustaining")}
          hint={t("decisions:attorney.lifeSustainingHint")}
          defaultValue={valueOf("lifeSustaining") ?? attorney?.lifeSustaining}
          error={errorFor("lifeSustaining")}
          choices={lifeSustainingChoices.map((v) => ({ value: v, label: t(`decisions:attorney.life.${v}`) }))}
        />
        <TextField
          name="opgReference" maxLength={50}
          label={t("decisions:attorney.opgReference")}
          hint={t("decisions:attorney.opgReferenceHint")}
          optional
          width="20"
          autoComplete="off"
          spellCheck={false}
          defaultValue={valueOf("opgReference") ?? attorney?.opgReference ?? ""}
          error={errorFor("opgReference")}
        />
        <Button type="submit">{t("decisions:save")}</Button>
      </Form>
    </FormPage>
  );
}
