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
import { TextField } from "~/components/ui/TextField";
import { getDecisionsOverview, saveNominatedPerson, type NominatedPersonInput } from "~/models/decisions.server";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { SummaryList } from "~/components/display/DisplayParts";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { nominatedPersonSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, own, t } = await requireRecord(request, params, "decisions.write");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  return json({ serviceUserId, own, nominated: overview.nominatedPerson, draft: await restoreDraft(request, actor.accountId), pageTitle: t("decisions:nominated.title") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: nominatedPersonSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(saveNominatedPerson(tx, actor, serviceUserId, submission.value, new Date(), { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/decisions#nominated`, "saved");
    });
  } catch (error) {
    // Someone else named, changed or took away the nominated person since this page was opened.
    return conflictReply<NominatedPersonInput>(submission, error);
  }
}

/** A nominated person under the Mental Health Act 2025 (MC-08). Optional; clearing both boxes removes it. */
export default function NominatedPerson() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, own, nominated, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const tt = useDecisionsT(own);
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const conflict = conflictIn<NominatedPersonInput>(lastResult);
  const { form, errorFor, summary, valueOf } = useServerForm("nominated", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions#nominated`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p className="lead">{tt("decisions:nominated.explain")}</p>
      <p>{tt("decisions:nominated.explain2")}</p>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          {conflict.value.name ? (
            <SummaryList
              rows={[
                { key: "name", label: t("decisions:nominated.name"), value: <span className="their-words">{conflict.value.name}</span> },
                { key: "contact", label: t("decisions:nominated.contact"), value: conflict.value.contact ? <span className="their-words">{conflict.value.contact}</span> : t("common:conflict.empty") },
              ]}
            />
          ) : (
            <p>{t("common:conflict.empty")}</p>
          )}
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? nominated?.version ?? 0} />
        {nominated ? <p className="hint">{t("decisions:nominated.removeHint")}</p> : null}
        <TextField name="name" maxLength={200} label={t("decisions:nominated.name")} optional autoComplete="off" defaultValue={valueOf("name") ?? nominated?.name ?? ""} error={errorFor("name")} />
        <TextField
          name="contact" maxLength={200}
          label={t("decisions:nominated.contact")}
          hint={t("decisions:nominated.contactHint")}
          optional
          autoComplete="off"
          defaultValue={valueOf("contact") ?? nominated?.contact ?? ""}
          error={errorFor("contact")}
        />
        <Button type="submit">{t("decisions:save")}</Button>
      </Form>
    </FormPage>
  );
}
