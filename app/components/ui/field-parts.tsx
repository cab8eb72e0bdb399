import { FieldError, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";

/** Hint and error in the GOV.UK order: label, hint, error, then the control. */
export function HintAndError({ hint, error }: { hint?: React.ReactNode; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <FieldError className="field__error">
          <span className="visually-hidden">{t("common:form.errorPrefix")} </span>
          {error}
        </FieldError>
      ) : null}
    </>
  );
}

export function OptionalLabel({ label, optional }: { label: React.ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {optional ? ` ${t("common:form.optional")}` : null}
    </>
  );
}
