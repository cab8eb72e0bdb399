import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppointmentCard } from "~/components/appointments/AppointmentParts";
import { Link } from "~/components/ui/Link";
import { can } from "~/models/access.server";
import { isOpen, listAppointments } from "~/models/appointments.server";
import { isolate } from "~/utils/bidi";
import { getDb } from "~/utils/db.server";
import { requireRecord } from "~/web/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, displayName, serviceUserId, own, t } = await requireRecord(request, params, "appointments.read");
  const { upcoming, past } = await listAppointments(getDb(), actor, serviceUserId);
  const now = new Date();
  return json({
    serviceUserId,
    upcoming: upcoming.map((a) => ({ ...a, open: isOpen(a, now) })),
    past,
    canWrite: can(actor, "appointments.write", { serviceUserId }),
    canAsk: can(actor, "appointments.request", { serviceUserId }),
    canInterpreter: can(actor, "requests.create", { serviceUserId }),
    pageTitle: own ? t("appointments:titleOwn") : t("appointments:titleOther", { name: isolate(displayName) }),
  });
}

/** The person's appointments and reviews: upcoming first (soonest first), then past ones. */
export default function Appointments() {
  const { t } = useTranslation(["appointments"]);
  const { serviceUserId, upcoming, past, canWrite, canAsk, canInterpreter, pageTitle } = useLoaderData<typeof loader>();
  const base = `/people/${serviceUserId}`;
  return (
    <>
      <p>
        <Link href={base}>{t("appointments:backToRecord")}</Link>
      </p>
      <h1 className="heading-xl">{pageTitle}</h1>
      {canWrite ? (
        <p>
          <Link href={`${base}/appointments/new`}>{t("appointments:record")}</Link>
        </p>
      ) : null}
      <h2 className="heading-l">{t("appointments:upcoming")}</h2>
      {upcoming.length ? (
        <ul className="list">
          {upcoming.map((a) => (
            <AppointmentCard key={a.id} appointment={a}>
              {a.open ? (
                <ul className="list">
                  <li>
                    <a href={`${base}/appointments/${a.id}/calendar.ics`} download>
                      {t("appointments:calendar")}
                    </a>
                  </li>
                  {canInterpreter ? (
                    <li>
                      <Link href={`${base}/requests/interpreter?appointment=${a.id}`}>{t("appointments:interpreter")}</Link>
                    </li>
                  ) : null}
                  {canAsk ? (
                    <li>
                      <Link href={`${base}/appointments/${a.id}/ask`}>{t("appointments:ask")}</Link>
                    </li>
                  ) : null}
                  {canWrite ? (
                    <li>
                      <Link href={`${base}/appointments/${a.id}`}>{t("appointments:change")}</Link>
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </AppointmentCard>
          ))}
        </ul>
      ) : (
        <p>{t("appointments:noneUpcoming")}</p>
      )}
      <h2 className="heading-l">{t("appointments:past")}</h2>
      {past.length ? (
        <ul className="list">
          {past.map((a) => (
            <AppointmentCard key={a.id} appointment={a} />
          ))}
        </ul>
      ) : (
        <p>{t("appointments:nonePast")}</p>
      )}
    </>
  );
}
