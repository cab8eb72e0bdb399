import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmRemovePage } from "~/components/forms/ConfirmRemovePage";
import { SummaryList } from "~/components/display/DisplayParts";
import { getDecisionsOverview, removeAttorney } from "~/models/decisions.server";
import { getDb } from "~/utils/db.server";
import { requireFormData } from "~/web/csrf.server";
import { orNotFound, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "decisions.write");
  const overview = await orNotFound(getDecisionsOverview(getDb(), actor, serviceUserId));
  if (!overview.attorney) throw redirect(`/people/${serviceUserId}/decisions#attorney`);
  return json({ serviceUserId, attorney: overview.attorney, pageTitle: t("decisions:attorney.removeTitle") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.write");
  const formData = await requireFormData(request);
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(removeAttorney(tx, actor, serviceUserId));
    return saved(`/people/${serviceUserId}/decisions#attorney`, "removed");
  });
}

/** Check before taking away the attorney or deputy record (it ended, or was a mistake). */
export default function RemoveAttorney() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, attorney, pageTitle } = useLoaderData<typeof loader>();
  return (
    <ConfirmRemovePage
      title={pageTitle}
      back={{ href: `/people/${serviceUserId}/decisions#attorney`, label: t("decisions:back") }}
      body={t("decisions:attorney.removeBody")}
      confirmLabel={t("decisions:attorney.removeConfirm")}
      keepLabel={t("decisions:attorney.keep")}
    >
      <SummaryList
        rows={[
          { key: "kind", label: t("decisions:attorney.kindRow"), value: t(`decisions:attorney.kinds.${attorney.kind}`) },
          { key: "names", label: t("decisions:attorney.namesRow"), value: <span className="their-words">{attorney.names}</span> },
        ]}
      />
    </ConfirmRemovePage>
  );
}
