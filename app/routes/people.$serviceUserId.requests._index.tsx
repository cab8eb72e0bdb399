import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EnteredByNote } from "~/components/display/DisplayParts";
import { AppointmentTime, StatusTag, useRequestSummary } from "~/components/requests/RequestParts";
import { Link } from "~/components/ui/Link";
import { can, capacityFor } from "~/models/access.server";
import { listRequests } from "~/models/requests.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireRecord } from "~/web/guards.server";
import { useReaderT } from "~/utils/use-reader";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, t } = await requireRecord(request, params, "requests.read");
  const requests = await listRequests(getDb(), actor, serviceUserId);
  const own = capacityFor(actor, serviceUserId) === "service_user";
  return json({
    serviceUserId,
    requests,
    canCreate: can(actor, "requests.create", { serviceUserId }),
    pageTitle: own ? t("requests:titleOwn") : t("requests:titleOther", { name: isolate(displayName) }),
  });
}

/** Interpreter requests for this person, newest first, each with where it has got to. */
export default function Requests() {
  const { t } = useTranslation(["requests", "common"]);
  const { tw } = useReaderT();
  const { serviceUserId, requests, canCreate, pageTitle } = useLoaderData<typeof loader>();
  const summary = useRequestSummary();
  return (
    <>
      <p>
        <Link href={`/people/${serviceUserId}`}>{t("requests:backToRecord")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      <p className="lead">{tw("requests:intro")}</p>
      {canCreate ? (
        <ul className="list">
          <li>
            <Link href={`/people/${serviceUserId}/requests/interpreter`}>{t("requests:interpreter.link")}</Link>
          </li>
          <li>
            <Link href={`/people/${serviceUserId}/requests/advocate`}>{t("requests:advocate.link")}</Link>
          </li>
          <li>
            <Link href={`/people/${serviceUserId}/requests/format`}>{tw("requests:format.link")}</Link>
          </li>
          <li>
            <Link href={`/people/${serviceUserId}/requests/share-needs`}>{t("requests:shareNeeds.link")}</Link>
          </li>
        </ul>
      ) : null}
      {requests.length ? (
        <ul className="list">
          {requests.map((r) => (
            <li key={r.id} className="supporter">
              <h2 className="heading-m">
                <Link href={`/people/${serviceUserId}/requests/${r.id}`}>{summary(r)}</Link>
              </h2>
              <EnteredByNote enteredBy={r.enteredBy} forName={r.displayName} />
              <p>
                {r.appointmentAt ? <AppointmentTime iso={r.appointmentAt} /> : null} <StatusTag status={r.status} kind={r.kind} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("requests:none")}</p>
      )}
    </>
  );
}
