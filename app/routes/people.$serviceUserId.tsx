import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { capacityFor } from "~/models/access.server";
import { isolate } from "~/utils/bidi";
import { requireRecord } from "~/web/guards.server";

/**
 * Every page of someone's record says whose record it is and in what capacity the reader is
 * there, so a carer, advocate or member of staff always knows whose forms they are filling in.
 * The child pages check their own permissions; this only needs the record to be visible at all.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId } = await requireRecord(request, params, "record.view");
  return json({ serviceUserId, displayName, capacity: capacityFor(actor, serviceUserId) });
}


export default function RecordLayout() {
  const { t } = useTranslation(["home", "common"]);
  const { displayName, capacity } = useLoaderData<typeof loader>();
  return (
    <>
      {capacity !== "service_user" ? (
        <div className="record-banner" role="note" aria-label={t("home:record.bannerLabel")}>
          {t("home:record.bannerOther", { name: isolate(displayName), capacity: t(`common:capacity.${capacity}`) })}
        </div>
      ) : null}
      <Outlet />
    </>
  );
}
