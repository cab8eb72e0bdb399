import { useTranslation } from "react-i18next";
import { Disclosure } from "~/components/ui/Disclosure";
import { isolate } from "~/utils/bidi";
import type { EnteredBy } from "~/models/entered-by.server";
import { splitPhoneNumbers } from "~/utils/phone";
import { useFormat } from "~/utils/use-format";

export type ExplainedTerm = "careCoordinator" | "keyWorker" | "cpa" | "lpc" | "review" | "contingency" | "advanceStatement";

/**
 * A plain explanation of a term, opened in place (works without JavaScript). Spoken to the person
 * on their own record ("your plan"); about them to anyone else (i18next context `_them`).
 */
export function Explain({ term, own = true }: { term: ExplainedTerm; own?: boolean }) {
  const { t } = useTranslation("plan");
  return <Disclosure summary={t(`plan:explain.${term}.summary`)}>{t(`plan:explain.${term}.body`, own ? {} : { context: "them" })}</Disclosure>;
}

/**
 * Text with each phone number in it as a tap-to-call link: the number shown as typed, the link's
 * address with digits only, and the number kept left to right on a right-to-left page.
 */
export function PhoneText({ text }: { text: string }) {
  return (
    <>
      {splitPhoneNumbers(text).map((part, i) =>
        part.kind === "phone" ? (
          <a key={i} href={part.href} dir="ltr" className="phone-link">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/** Someone's own words, shown exactly as written, keeping their line breaks. `phones`: numbers in it can be called. */
export function TheirWords({ text, phones = false }: { text: string; phones?: boolean }) {
  return (
    <p className="their-words" dir="auto">
      {phones ? <PhoneText text={text} /> : text}
    </p>
  );
}

export function SummaryList({ rows }: { rows: { key: string; label: React.ReactNode; value: React.ReactNode; action?: React.ReactNode }[] }) {
  const withActions = rows.some((row) => row.action);
  return (
    <dl className={withActions ? "summary-list summary-list--actions" : "summary-list"}>
      {rows.map((row) => (
        <div className="summary-list__row" key={row.key}>
          <dt>{row.label}</dt>
          <dd dir="auto">{row.value}</dd>
          {withActions ? <dd className="summary-list__action">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/**
 * Several answers as a bulleted list, one as plain text. Labels like "Money and bills" would blur
 * together in a sentence ("Where I live and Money and bills"), and a list reads the same in every language.
 */
export function Items({ items }: { items: readonly string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** Dates in the person's language, in words ("24 November 2026"), never as numbers alone. */
export function useFormatDate() {
  return useFormat().date;
}

/** A date in words in the person's language, with the machine-readable date beside it. */
export function FormattedDate({ iso }: { iso: string }) {
  const format = useFormatDate();
  return <time dateTime={iso}>{format(iso)}</time>;
}

/** Who entered something for the person: "Entered by Priya Shah (advocate) on behalf of Sam Taylor." */
export function EnteredByNote({ enteredBy, forName }: { enteredBy: EnteredBy; forName: string }) {
  const { t } = useTranslation(["common"]);
  if (!enteredBy) return null;
  return (
    <p className="hint entered-by">
      {t("common:enteredBy", { name: isolate(enteredBy.name), role: t(`common:onBehalfRole.${enteredBy.as}`), person: isolate(forName) })}
    </p>
  );
}
