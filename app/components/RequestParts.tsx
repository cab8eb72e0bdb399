import { useTranslation } from "react-i18next";
import { FormattedDate } from "~/components/plan/PlanParts";

/** What was asked, in words: "British Sign Language interpreter, face to face". */
export function useRequestSummary() {
  const { t } = useTranslation(["requests", "communication"]);
  return (details: { need: string; language: string | null; mode: string }) =>
    [
      details.need === "spoken" && details.language
        ? t("communication:flag.interpreter", { language: t(`communication:language.${details.language}`) })
        : t(`requests:need.${details.need}`),
      t(`requests:mode.${details.mode}`),
    ].join(", ");
}

/** A status as a tag with words, never colour alone. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation(["requests"]);
  return <strong className={`tag tag--${status === "booked" ? "done" : "todo"}`}>{t(`requests:status.${status}`)}</strong>;
}

/** Date and time of the appointment, in the reader's language. */
export function AppointmentTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" }).format(new Date(iso));
  return (
    <>
      <FormattedDate iso={iso} />, <time dateTime={iso} suppressHydrationWarning>{time}</time>
    </>
  );
}
