import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmRemovePage } from "~/components/forms/ConfirmRemovePage";
import { CoordinatorCannotBeRemovedError, getCareTeamMember, removeCareTeamMember } from "~/models/care-team.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "plan.write");
  const member = await orNotFound(getCareTeamMember(getDb(), actor, serviceUserId, pathParam(params, "memberId")));
  // The coordinator is changed, never removed: the person always has one.
  if (member.isCoordinator) throw redirect(`/people/${serviceUserId}/plan/coordinator`);
  return json({ serviceUserId, member, pageTitle: t("plan:teamForm.removeTitle", { name: isolate(member.name) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "plan.write");
  const formData = await requireFormData(request);
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(removeCareTeamMember(tx, actor, serviceUserId, pathParam(params, "memberId")));
      return saved(`/people/${serviceUserId}/plan#team`, "removed");
    });
  } catch (error) {
    if (error instanceof CoordinatorCannotBeRemovedError) throw redirect(`/people/${serviceUserId}/plan/coordinator`);
    throw error;
  }
}

/** Check before taking someone off the care team: the person will see that the team changed. */
export default function RemoveCareTeamMember() {
  const { t } = useTranslation(["plan", "common"]);
  const { serviceUserId, member, pageTitle } = useLoaderData<typeof loader>();
  return (
    <ConfirmRemovePage
      title={pageTitle}
      back={{ href: `/people/${serviceUserId}/plan#team`, label: t("plan:backToPlan") }}
      body={t("plan:teamForm.removeBody")}
      confirmLabel={t("plan:teamForm.removeConfirm")}
      keepLabel={t("plan:teamForm.keep")}
    >
      <p dir="auto">
        {member.role}, {member.organisation}
      </p>
    </ConfirmRemovePage>
  );
}
