import { useTranslation } from "react-i18next";
import { TheirWords } from "~/components/display/DisplayParts";
import { useFormat } from "~/utils/use-format";
import { useReaderT } from "~/utils/use-reader";

interface InterpreterAsked {
  need: string;
  language: string | null;
  /** Left out when the mode is shown on a line of its own. */
  mode: string | null;
}

/** A request as the lists show it: its kind and what was asked. */
export interface AskedRequest {
  kind: string;
  details: unknown;
}

/**
 * What was asked, in words: "British Sign Language interpreter, face to face", "Independent Mental Health Advocate (IMHA)",
 * "Care and support plan in easy read", or "Share my communication needs with other services". The interpreter and
 * how they come are two things said about one request, not a list of two ("… and face to face"): the language's
 * own comma joins them (common:comma: "،" in Arabic and Urdu, "，" in Chinese).
 */
export function useRequestSummary() {
  const { t } = useTranslation(["requests", "communication", "common"]);
  return ({ kind, details }: AskedRequest) => {
    const d = details as Record<string, string>;
    if (kind === "advocate") return t(`requests:advocate.kindShort.${d.kind}`);
    if (kind === "format") return t("requests:format.summary", { document: t(`requests:format.documents.${d.document}`), format: formatName(t, d) });
    if (kind === "share_needs") return t("requests:shareNeeds.summary");
    if (kind === "appointment_change") return t(`requests:appointmentChange.summary.${d.ask}`);
    const i = details as InterpreterAsked;
    return [
      i.need === "spoken" && i.language
        ? t("communication:flag.interpreter", { language: t(`communication:language.${i.language}`) })
        : t(`requests:need.${i.need}`),
      // Mid-phrase, in the small letters of a language that has them ("…, face to face"), not the radio label's "Face to face".
      i.mode ? t(`requests:modeInline.${i.mode}`) : null,
    ]
      .filter(Boolean)
      .join(t("common:comma"));
  };
}

/** A format in words; a translation says into which language: "Translated into Tigrinya". */
export function formatName(t: (key: string, values?: Record<string, unknown>) => string, d: { format?: string; language?: string }): string {
  if (d.format === "translated" && d.language) return t("communication:format.translatedInto", { language: t(`communication:language.${d.language}`) });
  return t(`communication:format.${d.format}`);
}

/** The words for a status. "Booked" reads "advocate found", "sent to you" or "shared" for the other kinds. */
export function useStatusLabel() {
  const { t } = useTranslation(["requests"]);
  return (kind: string, status: string) => (status === "booked" && kind !== "interpreter" ? t(`requests:doneStatus.${kind}`) : t(`requests:status.${status}`));
}

/** A status as a tag with words, never colour alone. */
export function StatusTag({ status, kind = "interpreter" }: { status: string; kind?: string }) {
  const label = useStatusLabel();
  return <strong className={`tag tag--${status === "booked" ? "done" : "todo"}`}>{label(kind, status)}</strong>;
}

/** Date and time of the appointment, in the reader's language and word order: "24 November 2026 at 10:00". */
export function AppointmentTime({ iso }: { iso: string }) {
  const format = useFormat();
  return <time dateTime={iso}>{format.dateTime(iso)}</time>;
}

interface AdvocateAnswersShown {
  kind: string;
  referrer: string;
  about: string;
  legalStatus: string | null;
  shareCommunication: boolean | null;
  communicationOther: string;
  contactMethod: string;
  contactDetails: string;
  contactTimes: string;
  leaveMessage: boolean | null;
}

/** The answers of an advocate request as summary rows, for the check page and the request itself. */
export function useAdvocateRows() {
  const { t } = useTranslation(["requests"]);
  const { tw } = useReaderT();
  // An answer left blank reads "Not given": it is never filled in for the person (issue 12).
  const notGiven = t("requests:advocate.notGiven");
  const yesNo = (v: boolean | null) => (v === null ? notGiven : v ? t("requests:advocate.yes") : t("requests:advocate.no"));
  return (d: AdvocateAnswersShown) => [
    ...(d.referrer !== "self" ? [{ key: "referrer", label: t("requests:advocate.referrer"), value: t(`requests:advocate.referrers.${d.referrer}`) }] : []),
    { key: "kind", label: t("requests:advocate.kind"), value: t(`requests:advocate.kinds.${d.kind}`) },
    { key: "about", label: t("requests:advocate.about"), value: <TheirWords text={d.about} /> },
    { key: "legal", label: tw("requests:advocate.legalStatus"), value: d.legalStatus ? tw(`requests:advocate.legal.${d.legalStatus}`) : notGiven },
    // Only asked when needs are recorded.
    ...(d.shareCommunication === null ? [] : [{ key: "share", label: t("requests:advocate.shareCommunication"), value: yesNo(d.shareCommunication) }]),
    ...(d.communicationOther ? [{ key: "comms", label: tw("requests:advocate.communicationOther"), value: <TheirWords text={d.communicationOther} /> }] : []),
    { key: "method", label: tw("requests:advocate.contactMethod"), value: tw(`requests:advocate.contact.${d.contactMethod}`) },
    { key: "details", label: t("requests:advocate.contactDetails"), value: <bdi>{d.contactDetails}</bdi> },
    { key: "times", label: tw("requests:advocate.contactTimes"), value: d.contactTimes ? <bdi>{d.contactTimes}</bdi> : notGiven },
    { key: "message", label: tw("requests:advocate.leaveMessage"), value: yesNo(d.leaveMessage) },
  ];
}

interface InterpreterAnswersShown extends InterpreterAsked {
  gender: string | null;
  dialect: string;
  notSomeoneIKnow: boolean;
  appointment: string;
}

/**
 * The answers of an interpreter request as summary rows, for the check page and the request itself.
 * An answer left blank reads "Not given": nothing is filled in for the person.
 */
export function useInterpreterRows() {
  const { t } = useTranslation(["requests", "communication"]);
  const what = useRequestSummary();
  const notGiven = t("requests:notGiven");
  return (d: InterpreterAnswersShown, appointmentAt: string | null) => [
    { key: "need", label: t("requests:interpreter.need"), value: what({ kind: "interpreter", details: { ...d, mode: null } }) },
    { key: "mode", label: t("requests:interpreter.mode"), value: t(`requests:mode.${d.mode}`) },
    { key: "appointment", label: t("requests:interpreter.appointment"), value: <TheirWords text={d.appointment} /> },
    { key: "when", label: t("requests:when"), value: appointmentAt ? <AppointmentTime iso={appointmentAt} /> : notGiven },
    { key: "gender", label: t("requests:interpreter.gender"), value: d.gender ? t(`requests:gender.${d.gender}`) : notGiven },
    { key: "dialect", label: t("requests:interpreter.dialect"), value: d.dialect ? <bdi>{d.dialect}</bdi> : notGiven },
    { key: "known", label: t("requests:interpreter.privacy"), value: d.notSomeoneIKnow ? t("requests:interpreter.notSomeoneIKnow") : notGiven },
  ];
}
