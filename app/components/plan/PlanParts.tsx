import { useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Disclosure } from "~/components/ui/Disclosure";
import { isolate } from "~/utils/bidi";

export type ExplainedTerm = "careCoordinator" | "keyWorker" | "cpa" | "lpc" | "review" | "contingency" | "advanceStatement";

/** A plain explanation of a term, opened in place (works without JavaScript). */
export function Explain({ term }: { term: ExplainedTerm }) {
  const { t } = useTranslation("plan");
  return <Disclosure summary={t(`plan:explain.${term}.summary`)}>{t(`plan:explain.${term}.body`)}</Disclosure>;
}

/** Someone's own words, shown exactly as written, keeping their line breaks. */
export function TheirWords({ text }: { text: string }) {
  return (
    <p className="their-words" dir="auto">
      {text}
    </p>
  );
}

export function SummaryList({ rows }: { rows: { key: string; label: React.ReactNode; value: React.ReactNode }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt>{row.label}</dt>
          <dd dir="auto">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Dates in the person's language, in words ("24 November 2026"), never as numbers alone. */
export function useFormatDate() {
  const { i18n } = useTranslation();
  return (iso: string) => {
    const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
    return new Intl.DateTimeFormat(i18n.language, {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/London",
    }).format(date);
  };
}

/**
 * A date in words in the person's language. The server and the browser may word a date a little
 * differently (their ICU data), so the server's text is kept as it is.
 */
export function FormattedDate({ iso }: { iso: string }) {
  const format = useFormatDate();
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format(iso)}
    </time>
  );
}

/** Who entered something for the person: "Entered by Priya Shah (advocate) on behalf of Sam Taylor." */
export function EnteredByNote({ enteredBy, forName }: { enteredBy: { name: string; as: string } | null; forName?: string }) {
  const { t } = useTranslation(["common"]);
  // Inside someone's record the layout already knows whose it is.
  const record = useRouteLoaderData("routes/people.$serviceUserId") as { displayName: string } | undefined;
  if (!enteredBy) return null;
  return (
    <p className="hint entered-by">
      {t("common:enteredBy", { name: isolate(enteredBy.name), role: t(`common:onBehalfRole.${enteredBy.as}`), person: isolate(forName ?? record?.displayName ?? "") })}
    </p>
  );
}
