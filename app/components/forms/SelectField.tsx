import { useTranslation } from "react-i18next";
import { OptionalLabel } from "~/components/ui/field-parts";
import { fieldId } from "~/components/ui/TextField";

/**
 * A native <select>: it works without JavaScript, and typing a letter jumps through the list, so a
 * long list (languages) can be searched by keyboard. Label, hint and error as the other fields.
 */
export function SelectField({
  name,
  label,
  hint,
  error,
  options,
  placeholder,
  defaultValue,
  optional,
}: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  options: { value: string; label: string; lang?: string }[];
  placeholder: string;
  defaultValue?: string;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", error ? "field--error" : ""].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        <OptionalLabel label={label} optional={optional} />
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("common:form.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <select className="select" id={id} name={name} defaultValue={defaultValue ?? ""} aria-describedby={described} aria-invalid={error ? true : undefined}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
