import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommunicationFlag } from "~/components/communication/CommunicationFlag";
import { EnteredByNote, FormattedDate } from "~/components/display/DisplayParts";
import { AppointmentTime, StatusTag, useRequestSummary } from "~/components/requests/RequestParts";
import { Link } from "~/components/ui/Link";
import { config } from "~/config.server";
import { communicationFlags } from "~/models/communication.server";
import { listOpenRequestsForStaff } from "~/models/requests.server";
import type { RouteHandle } from "~/root";
import { getDb } from "~/utils/db.server";
import { requireRole } from "~/web/guards.server";

export const handle: RouteHandle = { titleKey: "requests:queueTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, "staff");
  const requests = await listOpenRequestsForStaff(getDb(), actor, { recordRead: true });
  const people = [...new Set(requests.map((r) => r.serviceUserId))];
  const flags = await communicationFlags(getDb(), actor, people, config().reviewIntervalMonths);
  return json({ requests, flags });
}

/** Open interpreter requests for the people this member of staff works with, oldest first. */
export default function RequestQueue() {
  const { t } = useTranslation(["requests", "common", "attention"]);
  const { requests, flags } = useLoaderData<typeof loader>();
  const summary = useRequestSummary();
  return (
    <>
      <p>
        <Link href="/staff">{t("requests:backToCaseload")}</Link>
      </p>
      <h1 className="heading-xl">{t("requests:queueTitle")}</h1>
      <p>{t("requests:queueIntro")}</p>
      <p>
        <Link href="/staff/attention">{t("attention:homeLink")}</Link>
      </p>
      {requests.length ? (
        <ol className="list">
          {requests.map((r) => (
            <li key={r.id} className="supporter">
              <h2 className="heading-m">
                <Link href={`/people/${r.serviceUserId}/requests/${r.id}`}>
                  <bdi>{r.displayName}</bdi>
                  {t("common:colon")}
                  {summary(r)}
                </Link>
              </h2>
              {flags[r.serviceUserId] ? <CommunicationFlag needs={flags[r.serviceUserId]!} href={`/people/${r.serviceUserId}/communication-needs`} /> : null}
              <EnteredByNote enteredBy={r.enteredBy} forName={r.displayName} />
              <p>
                {t("requests:asked")} <FormattedDate iso={r.createdAt} />
                {/* Only interpreter requests have an appointment: never "When:" with nothing after it. */}
                {r.appointmentAt ? (
                  <>
                    {t("common:sentenceBreak")}
                    {t("requests:when")}
                    {t("common:colon")}
                    <AppointmentTime iso={r.appointmentAt} />
                  </>
                ) : null}
                {t("common:fullStop")}
              </p>
              <p>
                <StatusTag status={r.status} kind={r.kind} />
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("requests:queueEmpty")}</p>
      )}
    </>
  );
}
