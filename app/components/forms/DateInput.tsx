import { useTranslation } from "react-i18next";
import { fieldId } from "~/components/ui/TextField";

/** A saved ISO date (yyyy-mm-dd) as the three boxes show it: "3", "12", "2026". Empty when there is none. */
export function datePartsOf(iso: string | null): { day?: string; month?: string; year?: string } {
  if (!iso) return {};
  const [year, month, day] = iso.slice(0, 10).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export interface DateInputProps {
  name: string;
  legend: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  defaultValue?: { day?: string; month?: string; year?: string };
  optional?: boolean;
}

/**
 * GOV.UK date input: day, month and year as three numeric text inputs in a fieldset. Works
 * without JavaScript and with any keyboard, unlike a date picker. Posts name.day, name.month, name.year.
 */
export function DateInput({ name, legend, hint, error, defaultValue, optional }: DateInputProps) {
  const { t } = useTranslation();
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const parts = [
    { key: "day", width: 2, label: t("common:date.day") },
    { key: "month", width: 2, label: t("common:date.month") },
    { key: "year", width: 4, label: t("common:date.year") },
  ] as const;
  return (
    <div className={["field", error ? "field--error" : ""].filter(Boolean).join(" ")}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="field__label field__legend">
          {legend}
          {optional ? ` ${t("common:form.optional")}` : null}
        </legend>
        {hint ? (
          <div className="field__hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="field__error" id={errorId}>
            <span className="visually-hidden">{t("common:form.errorPrefix")} </span>
            {error}
          </p>
        ) : null}
        <div className="date-input">
          {parts.map((part, index) => {
            const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${part.key}`;
            return (
              <div className="date-input__item" key={part.key}>
                <label className="field__label" htmlFor={id}>
                  {part.label}
                </label>
                <input
                  className={`input input--width-${part.width}`}
                  id={id}
                  name={`${name}.${part.key}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={defaultValue?.[part.key] ?? ""}
                  aria-invalid={error ? true : undefined}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
