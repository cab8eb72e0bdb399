import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { DraftRestoredNotice, draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { EnteredByNote, FormattedDate, TheirWords } from "~/components/display/DisplayParts";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { TextArea } from "~/components/ui/TextArea";
import { can, capacityFor } from "~/models/access.server";
import { getRecordOverview } from "~/models/people.server";
import { listRecoveryVersions, writeRecoveryStatement } from "~/models/recovery.server";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { recoverySchema } from "~/web/validation/plan.server";
import { isolate } from "~/utils/bidi";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, displayName, t } = await requireRecord(request, params, "recovery.read");
  const versions = await orNotFound(listRecoveryVersions(getDb(), actor, serviceUserId));
  const overview = await getRecordOverview(getDb(), actor, serviceUserId);
  const own = capacityFor(actor, serviceUserId) === "service_user";
  return json({
    serviceUserId,
    displayName,
    versions,
    own,
    canWrite: can(actor, "recovery.write", { serviceUserId }),
    draft: can(actor, "recovery.write", { serviceUserId }) ? await restoreDraft(request, actor.accountId) : null,
    pageTitle: own
      ? t("plan:recovery.titleOwn")
      : t("plan:recovery.titleOther", { name: isolate(overview?.displayName ?? "") }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "recovery.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: recoverySchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(writeRecoveryStatement(tx, actor, serviceUserId, submission.value.body, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/plan#recovery`, "saved");
    });
  } catch (error) {
    return conflictReply<string>(submission, error);
  }
}

/** What recovery means to me: the person's own words, every earlier version kept. */
export default function RecoveryStatement() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, displayName, versions, canWrite, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictIn<string>(lastResult);
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("recovery", lastResult ?? draft);
  const [current, ...earlier] = versions;
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <p>
        <Link href={`/people/${serviceUserId}/plan`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      {current ? <EnteredByNote enteredBy={current.enteredBy} forName={displayName} /> : null}
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <TheirWords text={conflict.value} />
        </ConflictNotice>
      ) : null}
      {canWrite ? <DraftRestoredNotice draft={draft} /> : null}
      {canWrite ? (
        <Form id={form.id} keepsDraft>
          <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? current?.version ?? 0} />
          <TextArea
            name="body" maxLength={5000}
            label={tw("plan:recovery.label")}
            hint={tw("plan:recovery.hint")}
            rows={8}
            defaultValue={valueOf("body") ?? current?.body ?? ""}
            error={errorFor("body")}
          />
          <Button type="submit">{t("plan:recovery.save")}</Button>
        </Form>
      ) : (
        <>
          <p>{t("plan:recovery.readOnly")}</p>
          {current ? <TheirWords text={current.body} /> : <p>{t("plan:recovery.none")}</p>}
        </>
      )}
      {earlier.length ? (
        <section aria-labelledby="earlier" className="section">
          <h2 className="heading-l" id="earlier">
            {t("plan:recovery.earlier")}
          </h2>
          <ol className="list version-list">
            {earlier.map((v) => (
              <li key={v.version}>
                <h3 className="heading-s">
                  {t("plan:recovery.versionHeading", { version: v.version })}{t("common:comma")}<FormattedDate iso={v.writtenAt} />
                </h3>
                <TheirWords text={v.body} />
                <EnteredByNote enteredBy={v.enteredBy} forName={displayName} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
