import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/ErrorSummary";
import { useServerForm } from "~/components/forms/use-server-form";
import { FormattedDate, SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { crisisFields, needsFields } from "~/models/vocabulary/plan-sections";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { RadioGroup } from "~/components/ui/RadioGroup";
import { TextArea } from "~/components/ui/TextArea";
import { can } from "~/models/access.server";
import { commentOnPlanVersion, getPlanVersion } from "~/models/plan-versions.server";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { invalid, numberParam, orNotFound, requireRecord } from "~/web/guards.server";
import { versionCommentSchema } from "~/web/validation/plan.server";
import { useReaderT } from "~/utils/use-reader";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";
import { DraftRestoredNotice } from "~/components/forms/DraftRestoredNotice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "plan.read");
  const version = await orNotFound(getPlanVersion(getDb(), actor, serviceUserId, numberParam(params, "version")));
  return json({
    serviceUserId,
    version,
    canComment: can(actor, "plan.comment", { serviceUserId }),
    draft: can(actor, "plan.comment", { serviceUserId }) ? await restoreDraft(request, actor.accountId) : null,
    pageTitle: t("plan:versions.heading", { version: version.version }),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.comment");
  const formData = await requireFormData(request);
  const version = numberParam(params, "version");
  const submission = parseWithZod(formData, { schema: versionCommentSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(commentOnPlanVersion(tx, actor, serviceUserId, version, submission.value));
    return saved(`/people/${serviceUserId}/plan/versions/${version}#comments`, "saved");
  });
}

/** One version of the staff-written plan, and the person's view of it. */
export default function PlanVersion() {
  const { t } = useTranslation(["plan", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, version, canComment, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("version-comment", lastResult ?? draft);
  const { content } = version;
  return (
    <div className="grid-two-thirds">
      <ErrorSummary errors={summary} resultKey={lastResult} />
      <p>
        <Link href={`/people/${serviceUserId}/plan/versions`}>{t("plan:versions.back")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <DraftRestoredNotice draft={draft} />
      <p>
        <FormattedDate iso={version.createdAt} />
      </p>
      <h2 className="heading-l">{t("plan:section.needs")}</h2>
      <SummaryList
        rows={needsFields.map((k) => ({ key: k, label: t(`plan:needs.${k}`), value: content.needs[k] || t("plan:nothingRecorded") }))}
      />
      <h2 className="heading-l">{t("plan:section.support")}</h2>
      {content.support.length ? (
        <ul className="list list--bullet">
          {content.support.map((s, i) => (
            <li key={i} dir="auto">
              {s.who}: {s.what}
              {s.howOften ? ` (${s.howOften})` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("plan:nothingRecorded")}</p>
      )}
      {/* Only for those who may see the live crisis plan: it is not in the data otherwise. */}
      {content.crisis ? (
        <>
          <h2 className="heading-l">{t("plan:section.crisis")}</h2>
          <SummaryList
            rows={crisisFields.map((k) => ({ key: k, label: tw(`plan:crisis.fields.${k}`), value: content.crisis?.[k] || t("plan:nothingRecorded") }))}
          />
        </>
      ) : null}
      <h2 className="heading-l">{t("plan:section.wishes")}</h2>
      {content.wishes.advanceStatement ? <TheirWords text={content.wishes.advanceStatement} /> : <p>{t("plan:wishes.none")}</p>}

      <section aria-labelledby="comments" className="section">
        <h2 className="heading-l" id="comments">
          {tw("plan:versions.commentsTitle")}
        </h2>
        {version.comments.length ? (
          <ul className="list">
            {version.comments.map((c, i) => (
              <li key={i}>
                <p>
                  <strong>{tw(`plan:versions.agreement.${c.agreement}`)}</strong> (<FormattedDate iso={c.at} />)
                </p>
                {c.comment ? <TheirWords text={c.comment} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{tw("plan:versions.noComments")}</p>
        )}
        {canComment ? (
          <Form id={form.id} keepsDraft>
            <RadioGroup
              name="agreement"
              label={t("plan:versions.agreementLabel")}
              hint={t("plan:versions.agreementHint")}
              defaultValue={valueOf("agreement")}
              error={errorFor("agreement")}
              choices={(["agree", "partly", "disagree"] as const).map((a) => ({ value: a, label: t(`plan:versions.choice.${a}`) }))}
            />
            <TextArea name="comment" maxLength={2000} label={t("plan:versions.commentLabel")} optional rows={4} defaultValue={valueOf("comment")} error={errorFor("comment")} />
            <Button type="submit">{t("plan:versions.submit")}</Button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
