import { FieldError, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

/**
 * Hint and error in the GOV.UK order: label, hint, error, then the control. A field with a length
 * limit says it in the hint from the start ("You can write up to 1,000 characters."), not only once
 * it is broken.
 */
export function HintAndError({ hint, error, maxLength }: { hint?: React.ReactNode; error?: string; maxLength?: number }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const limit = maxLength ? t("common:form.limit", { limit: number(maxLength) }) : null;
  const shown = hint && limit ? (
    <>
      {hint} {limit}
    </>
  ) : (
    (hint ?? limit)
  );
  return (
    <>
      {shown ? (
        <Text slot="description" className="field__hint">
          {shown}
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
