import { useTranslation } from "react-i18next";
import { SummaryList, TheirWords } from "~/components/display/DisplayParts";
import { AppointmentTime } from "~/components/requests/RequestParts";

/** An appointment as the pages show it (the list, staff's change page, the ask page). */
export interface AppointmentShown {
  id: string;
  kind: string;
  startsAt: string;
  mode: string;
  place: string;
  withWhom: string;
  purpose: string;
  cancelledAt: string | null;
  cancelledReason: string;
}

/** What it is, when, how and where, with whom, and what for: the rows every appointment page shows. */
export function AppointmentSummary({ appointment: a }: { appointment: AppointmentShown }) {
  const { t } = useTranslation(["appointments", "common"]);
  return (
    <SummaryList
      rows={[
        { key: "when", label: t("appointments:when"), value: <AppointmentTime iso={a.startsAt} /> },
        {
          key: "how",
          label: t("appointments:how"),
          value: a.mode === "in_person" && a.place ? <>{t("appointments:mode.in_person")}{t("common:colon")}<bdi>{a.place}</bdi></> : t(`appointments:mode.${a.mode}`),
        },
        { key: "with", label: t("appointments:withWhom"), value: <bdi>{a.withWhom}</bdi> },
        { key: "purpose", label: t("appointments:purpose"), value: <TheirWords text={a.purpose} /> },
        ...(a.cancelledAt ? [{ key: "cancelled", label: t("appointments:cancelledWhy"), value: <TheirWords text={a.cancelledReason} /> }] : []),
      ]}
    />
  );
}

/** One appointment in the list: its kind as the heading, cancelled said in words, then what can be done. */
export function AppointmentCard({ appointment, children }: { appointment: AppointmentShown; children?: React.ReactNode }) {
  const { t } = useTranslation(["appointments"]);
  return (
    <li className="supporter">
      <h3 className="heading-m">
        {t(`appointments:kind.${appointment.kind}`)}
        {appointment.cancelledAt ? (
          <>
            {" "}
            <strong className="tag tag--todo">{t("appointments:cancelled")}</strong>
          </>
        ) : null}
      </h3>
      <AppointmentSummary appointment={appointment} />
      {children}
    </li>
  );
}
