import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmRemovePage } from "~/components/forms/ConfirmRemovePage";
import { Items, SummaryList } from "~/components/display/DisplayParts";
import { getConsultee, removeConsultee } from "~/models/decisions.server";
import { isolate } from "~/utils/bidi";
import { requireFormData } from "~/web/csrf.server";
import { getDb } from "~/utils/db.server";
import { orNotFound, pathParam, requireRecord } from "~/web/guards.server";
import { saved, saveOnce } from "~/web/saves.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, serviceUserId, t } = await requireRecord(request, params, "decisions.write");
  const consultee = await orNotFound(getConsultee(getDb(), actor, serviceUserId, pathParam(params, "consulteeId")));
  return json({ serviceUserId, consultee, pageTitle: t("decisions:consult.removeTitle", { name: isolate(consultee.name) }) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, serviceUserId } = await requireRecord(request, params, "decisions.write");
  const formData = await requireFormData(request);
  return saveOnce(request, formData, actor.accountId, async (tx) => {
    await orNotFound(removeConsultee(tx, actor, serviceUserId, pathParam(params, "consulteeId")));
    return saved(`/people/${serviceUserId}/decisions#consult`, "removed");
  });
}

/** Check before taking someone off the people to consult. */
export default function RemoveConsultee() {
  const { t } = useTranslation(["decisions", "common"]);
  const { serviceUserId, consultee, pageTitle } = useLoaderData<typeof loader>();
  return (
    <ConfirmRemovePage
      title={pageTitle}
      back={{ href: `/people/${serviceUserId}/decisions#consult`, label: t("decisions:back") }}
      body={t("decisions:consult.removeBody")}
      confirmLabel={t("decisions:consult.removeConfirm")}
      keepLabel={t("decisions:consult.keep")}
    >
      <SummaryList
        rows={[
          { key: "relationship", label: t("decisions:consult.howTheyKnow"), value: consultee.relationship },
          {
            key: "scopes",
            label: t("decisions:consult.decisions"),
            value: <Items items={[...consultee.scopes.map((s) => t(`decisions:consult.scope.${s}`)), ...(consultee.scopeOther ? [consultee.scopeOther] : [])]} />,
          },
        ]}
      />
    </ConfirmRemovePage>
  );
}
