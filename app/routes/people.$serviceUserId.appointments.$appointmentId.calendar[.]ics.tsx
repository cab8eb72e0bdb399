import type { LoaderFunctionArgs } from "@remix-run/node";
import { getAppointment } from "~/models/appointments.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/use-format";
import { calendarDownload } from "~/web/calendar.server";
import { getFixedT } from "~/web/i18n.server";
import { orNotFound, pathParam, requireRecord } from "~/web/guards.server";

/** How long the calendar entry lasts: the team gives the end when it matters. */
const HOUR_MS = 60 * 60 * 1000;

/**
 * One appointment as a calendar file, in the reader's language: what it is, the date and time in
 * words, how, with whom and what for. A cancelled one is not found.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, account, serviceUserId } = await requireRecord(request, params, "appointments.read");
  const appointment = await orNotFound(getAppointment(getDb(), actor, serviceUserId, pathParam(params, "appointmentId")));
  if (appointment.cancelledAt) throw new Response("Not found", { status: 404 });
  const { t, lng } = getFixedT(request, account.preferredLanguage);
  const start = new Date(appointment.startsAt);
  const how = t(`appointments:mode.${appointment.mode}`);
  return calendarDownload(
    {
      uid: `appointment-${appointment.id}`,
      when: { start, end: new Date(start.getTime() + HOUR_MS) },
      summary: t(`appointments:kind.${appointment.kind}`),
      description: [
        formatDateTime(t, appointment.startsAt, lng),
        `${t("appointments:how")}${t("common:colon")}${how}`,
        `${t("appointments:withWhom")}${t("common:colon")}${appointment.withWhom}`,
        `${t("appointments:purpose")}${t("common:colon")}${appointment.purpose}`,
      ].join("\n"),
      location: appointment.mode === "in_person" ? appointment.place : how,
      lng,
    },
    "appointment.ics",
  );
}
