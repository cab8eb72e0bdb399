import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Form } from "~/components/ui/Form";
import { Link } from "~/components/ui/Link";
import { CoordinatorCannotBeRemovedError, getCareTeamMember, removeCareTeamMember } from "~/models/care-team.server";
import { requireSignedIn } from "~/web/auth.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound } from "~/web/guards.server";
import { getFixedT } from "~/web/i18n.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account } = await requireSignedIn(request);
  const serviceUserId = params.serviceUserId ?? "";
  const member = await orNotFound(getCareTeamMember(getDb(), actor, serviceUserId, params.memberId ?? ""));
  // The coordinator is changed, never removed: the person always has one.
  if (member.isCoordinator) throw redirect(`/people/${serviceUserId}/plan/coordinator`);
  const { t } = getFixedT(request, account.preferredLanguage);
  return json({ serviceUserId, member, pageTitle: t("plan:teamForm.removeTitle", { name: isolate(member.name) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSignedIn(request);
  const formData = await requireFormData(request);
  const serviceUserId = params.serviceUserId ?? "";
  try {
    return await saveOnce(request, formData, actor.accountId, async (tx) => {
      await orNotFound(removeCareTeamMember(tx, actor, serviceUserId, params.memberId ?? ""));
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
    <div className="grid-two-thirds">
      <p>
        <Link href={`/people/${serviceUserId}/plan#team`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <p dir="auto">
        {member.role}, {member.organisation}
      </p>
      <p>{t("plan:teamForm.removeBody")}</p>
      <Form>
        <Button type="submit" variant="warning">
          {t("plan:teamForm.removeConfirm")}
        </Button>
      </Form>
      <p>
        <Link href={`/people/${serviceUserId}/plan#team`}>{t("plan:teamForm.keep")}</Link>
      </p>
    </div>
  );
}
