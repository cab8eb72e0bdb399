import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NeedsSummary } from "~/components/communication/NeedsSummary";
import { FormattedDate } from "~/components/display/DisplayParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { getCommunicationNeedsFor } from "~/models/communication.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { orNotFound, requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "plan.read");
  const needs = await orNotFound(getCommunicationNeedsFor(getDb(), actor, serviceUserId, config().reviewIntervalMonths));
  return json({ serviceUserId, displayName, needs, pageTitle: t("communication:detailTitle", { name: isolate(displayName) }) });
}

/** A person's communication needs in full, for whoever may read their plan (the flag's detail). */
export default function CommunicationNeedsDetail() {
  const { t } = useTranslation(["communication", "plan"]);
  const { serviceUserId, displayName, needs, pageTitle } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link href={`/people/${serviceUserId}/plan`}>{t("plan:backToPlan")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      {needs ? (
        <>
          <p>
            {t("communication:lastReviewed")} <FormattedDate iso={needs.reviewedAt} />
            {needs.reviewDue ? <strong> {t("communication:reviewDueStaff")}</strong> : null}
          </p>
          <NeedsSummary needs={needs} />
        </>
      ) : (
        <p>{t("communication:noneRecorded", { name: isolate(displayName) })}</p>
      )}
    </>
  );
}
