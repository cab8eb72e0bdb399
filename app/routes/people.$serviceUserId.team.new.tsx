import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseWithZod } from "~/web/validation/parse.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormPage } from "~/components/forms/FormPage";
import { useServerForm } from "~/components/forms/use-server-form";
import { CareTeamFields } from "~/components/plan/CareTeamFields";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { addCareTeamMember } from "~/models/care-team.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { invalid, orNotFound, requireRecord } from "~/web/guards.server";
import { careTeamMemberSchema } from "~/web/validation/plan.server";
import { saved, saveOnce } from "~/web/saves.server";
import { restoreDraft } from "~/web/drafts.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  return json({ serviceUserId, draft: await restoreDraft(request, actor.accountId), pageTitle: t("plan:teamForm.addTitle", { name: isolate(displayName) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  const submission = parseWithZod(formData, { schema: careTeamMemberSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(addCareTeamMember(tx, actor, serviceUserId, submission.value));
    return saved(`/people/${serviceUserId}/plan#team`, "saved");
  });
}

/** Staff add someone from any agency (NHS, council, a charity) to the person's care team. */
export default function AddCareTeamMember() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, pageTitle, draft: kept } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const draft = lastResult ? null : kept;
  const { form, errorFor, summary, valueOf } = useServerForm("add-team-member", lastResult ?? draft);
  const fields = ["name", "role", "organisation", "agency", "contact", "whenToContact"] as const;
  const values = Object.fromEntries(fields.map((f) => [f, valueOf(f)]));
  return (
    <FormPage back={{ href: `/people/${serviceUserId}/plan#team`, label: t("plan:backToPlan") }} title={pageTitle} errors={summary} resultKey={lastResult} draft={draft}>
      <p>{t("plan:teamForm.intro")}</p>
      <Form id={form.id} keepsDraft>
        <CareTeamFields values={values} errorFor={errorFor} />
        <Button type="submit">{t("plan:teamForm.add")}</Button>
      </Form>
    </FormPage>
  );
}
