import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/ui/TextField";

export interface SummaryError {
  /** Field name, or null for a problem with the whole form. */
  name: string | null;
  /** Already translated. */
  message: string;
}

/**
 * GOV.UK error summary: at the top of the form, takes focus when it appears (so screen readers
 * announce it), and links each message to its field. `autoFocus` covers the no-JavaScript case.
 */
export function ErrorSummary({ errors, resultKey }: { errors: SummaryError[]; resultKey?: unknown }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors.length, resultKey]);
  if (!errors.length) return null;
  return (
    <div
      className="error-summary"
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      autoFocus
    >
      <h2 className="error-summary__title" id="error-summary-title">
        {t("common:form.errorSummaryTitle")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e, i) => (
          <li key={`${e.name ?? "form"}-${i}`}>
            {e.name ? <a href={`#${fieldId(e.name)}`}>{e.message}</a> : e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
