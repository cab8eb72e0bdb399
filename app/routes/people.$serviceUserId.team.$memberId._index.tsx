import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BaseVersionField, conflictIn, ConflictNotice } from "~/components/forms/ConflictNotice";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { CareTeamFields } from "~/components/plan/CareTeamFields";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { getCareTeamMember, updateCareTeamMember, type CareTeamMemberInput } from "~/models/care-team.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { baseVersionFrom, conflictReply } from "~/web/forms.server";
import { getDb } from "~/utils/db.server";
import { invalid, orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { careTeamMemberSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { draftBaseVersion } from "~/components/forms/DraftRestoredNotice";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  const member = await orNotFound(getCareTeamMember(getDb(), actor, serviceUserId, pathParam(params, "memberId")));
  return json({ serviceUserId, member, draft: await restoreDraft(request, actor.accountId), pageTitle: t("plan:teamForm.changeTitle", { name: isolate(member.name) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const member = await orNotFound(getCareTeamMember(getDb(), actor, serviceUserId, pathParam(params, "memberId")));
  // The coordinator's name is their account's name; it changes only by changing the coordinator.
  if (member.isCoordinator) formData.set("name", member.name);
  const submission = parseWithZod(formData, { schema: careTeamMemberSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(updateCareTeamMember(tx, actor, serviceUserId, pathParam(params, "memberId"), submission.value, { baseVersion: baseVersionFrom(formData) }));
      return saved(`/people/${serviceUserId}/plan#team`, "saved");
    });
  } catch (error) {
    return conflictReply<CareTeamMemberInput>(submission, error);
  }
}

/** Staff correct what the plan says about someone in the care team, or go on to remove them. */
export default function ChangeCareTeamMember() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, member, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const conflict = conflictIn<CareTeamMemberInput>(lastResult);
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("change-team-member", lastResult ?? draft);
  const fields = ["name", "role", "organisation", "agency", "contact", "whenToContact"] as const;
  const shown = fields.filter((f) => f !== "name" || !member.isCoordinator);
  const values = Object.fromEntries(fields.map((f) => [f, (lastResult ?? draft) ? valueOf(f) : member[f]]));
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan#team`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      {conflict ? (
        <ConflictNotice conflict={conflict}>
          <dl className="summary-list">
            {shown.map((field) => (
              <div className="summary-list__row" key={field}>
                <dt>{t(`plan:teamForm.${field}`)}</dt>
                <dd dir="auto">
                  {field === "agency" ? t(`plan:teamForm.agencyChoice.${conflict.value.agency}`) : conflict.value[field] || t("common:conflict.empty")}
                </dd>
              </div>
            ))}
          </dl>
        </ConflictNotice>
      ) : null}
      <Form id={form.id} keepsDraft>
        <BaseVersionField version={conflict?.version ?? draftBaseVersion(draft) ?? member.version} />
        <CareTeamFields values={values} errorFor={errorFor} withName={!member.isCoordinator} />
        <Button type="submit">{t("plan:edit.save")}</Button>
      </Form>
      {member.isCoordinator ? (
        <p>{t("plan:teamForm.coordinatorNote")}</p>
      ) : (
        <p>
          <Link href={`/people/${serviceUserId}/team/${member.id}/remove`}>{t("plan:teamForm.removeLink", { name: isolate(member.name) })}</Link>
        </p>
      )}
    </FormPage>
  );
}
