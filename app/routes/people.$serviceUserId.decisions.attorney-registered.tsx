import { parseWithZod } from "~/web/validation/parse.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { DateInput } from "~/components/forms/DateInput";
import { SummaryList } from "~/components/display/DisplayParts";
import { useFormat } from "~/utils/use-format";
import { getDecisionsOverview, markAttorneyRegistered, type AttorneyCheckState } from "~/models/decisions.server";
import { isolate } from "~/utils/bidi";
import { attorneyRegisteredSchema } from "~/web/validation/decisions.server";
import { saved, saveOnce } from "~/web/saves.server";
import { getDb } from "~/utils/db.server";
import { restoreDraft } from "~/web/drafts.server";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "decisions.manage");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  if (!overview.attorney) throw redirect(`/people/${serviceUserId}/decisions#attorney`);
  return json({ serviceUserId, attorney: overview.attorney, draft: await restoreDraft(request, actor.accountId), pageTitle: t("decisions:attorney.checkTitle", { name: isolate(overview.displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.manage");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: attorneyRegisteredSchema() });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(markAttorneyRegistered(tx, actor, serviceUserId, submission.value.checkedOn, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/decisions#attorney`, "saved");
    });
  } catch (error) {
    // The details changed, or someone else recorded a check, since this page was opened.
    return conflictReply<AttorneyCheckState>(submission, error);
  }
}

/** Staff: the LPA or deputy order is checked as registered with the Office of the Public Guardian (MC-05). */
export default function AttorneyRegistered() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, attorney, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const conflict = conflictIn<AttorneyCheckState>(lastResult);
  const format = useFormat();
  // After a conflict the page shows the record as it is now, and the form checks that version.
  const shown = conflict ? conflict.value : attorney;
  const { form, errorFor, summary, partOf } = useServerForm("registered", lastResult ?? draft);
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/decisions#attorney`, label: t("decisions:back") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <p>
            {conflict.value.checkedOn
              ? t("decisions:attorney.checked", { date: format.date(conflict.value.checkedOn), name: isolate(conflict.value.checkedBy ?? "") })
              : t("decisions:attorney.notUsable")}
          </p>
        </ConflictNotice>
      ) : null}
      <p className="lead">{t("decisions:attorney.checkIntro")}</p>
      <SummaryList
        rows={[
          { key: "kind", label: t("decisions:attorney.kindRow"), value: t(`decisions:attorney.kinds.${shown.kind}`) },
          { key: "names", label: t("decisions:attorney.namesRow"), value: <span className="their-words">{shown.names}</span> },
          { key: "life", label: t("decisions:attorney.lifeRow"), value: t(`decisions:attorney.life.${shown.lifeSustaining}`) },
          ...(shown.opgReference ? [{ key: "reference", label: t("decisions:attorney.referenceRow"), value: shown.opgReference }] : []),
        ]}
      />
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? attorney.version} />
        <DateInput
          name="checkedOn"
          legend={t("decisions:attorney.checkLegend")}
          hint={t("decisions:attorney.checkHint")}
          error={errorFor("checkedOn")}
          defaultValue={{ day: partOf("checkedOn", "day"), month: partOf("checkedOn", "month"), year: partOf("checkedOn", "year") }}
        />
        <Button type="submit">{t("decisions:attorney.checkSave")}</Button>
      </Form>
    </FormPage>
  );
}
