import { CheckboxButton, CheckboxField } from "react-aria-components/Checkbox";
import { FieldError } from "react-aria-components/FieldError";
import { Label } from "react-aria-components/Label";
import { RadioButton, RadioField } from "react-aria-components/RadioGroup";
import { Text } from "react-aria-components/Text";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

/** The id of a field's control (the first option of a group): the error summary links to it. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

/** What every field takes: its name, its question, and the hint and error shown under the question. */
export interface FieldProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** Already translated. */
  error?: string;
  optional?: boolean;
}

/**
 * The props every field's React Aria wrapper gets: invalid when the server sent an error, and
 * validationBehavior="aria" (no browser bubbles; validation is the server's).
 */
export function fieldState(error: string | undefined, ...classes: string[]) {
  return {
    isInvalid: Boolean(error),
    validationBehavior: "aria" as const,
    className: ["field", ...classes, error ? "field--error" : ""].filter(Boolean).join(" "),
  };
}

/**
 * The top of every field, in the GOV.UK order: the question (with "(optional)"), the hint, the
 * error. React Aria wires them to the control: the label names it, the hint and error describe it.
 * A group's question is styled as a legend.
 */
export function FieldHead({ label, optional, hint, error, maxLength, legend }: Omit<FieldProps, "name"> & { maxLength?: number; legend?: boolean }) {
  return (
    <>
      <Label className={legend ? "field__label field__legend" : "field__label"}>
        <OptionalLabel label={label} optional={optional} />
      </Label>
      <HintAndError hint={hint} error={error} maxLength={maxLength} />
    </>
  );
}

/** One option of a radio or checkbox group. */
export interface Choice {
  value: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
}

/**
 * The options of a group, each a native input; the first has the field's id. Each option is React
 * Aria's field-and-button pair (RadioField and RadioButton, or CheckboxField and CheckboxButton):
 * the button is the label around the input, and the option's hint sits under it as its description
 * (as GOV.UK's item hints do: read after the option's name, not as part of it).
 *
 * An option without a hint still has an empty, hidden description (and a checkbox an empty error
 * message): React Aria names both ids in the input's aria-describedby before it knows whether they
 * exist, and only drops a missing one once JavaScript runs. So the server's HTML never points at an
 * id that is not there, and a page is the same with JavaScript on and off (decision 040).
 */
export function ChoiceItems({ name, choices, kind }: { name: string; choices: Choice[]; kind: "radio" | "checkbox" }) {
  const Field = kind === "radio" ? RadioField : CheckboxField;
  const Button = kind === "radio" ? RadioButton : CheckboxButton;
  return (
    <>
      {choices.map((choice, index) => (
        // validationBehavior here too: a checkbox takes its own (or the form's) over its group's.
        <Field key={choice.value} value={choice.value} validationBehavior="aria" className="choice" id={index === 0 ? fieldId(name) : undefined}>
          <Button className="choice__button">
            <span className="choice__label">{choice.label}</span>
          </Button>
          {choice.hint ? (
            <Text slot="description" className="choice__hint">
              {choice.hint}
            </Text>
          ) : (
            <Text slot="description" hidden />
          )}
          {kind === "checkbox" ? <Text slot="errorMessage" hidden /> : null}
        </Field>
      ))}
    </>
  );
}

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
  // React Aria names the hint and the error in the control's aria-describedby before it knows
  // whether they exist, and drops a missing one only once JavaScript runs. So a field without a
  // hint or an error keeps an empty, hidden element with that id: the page's HTML never points at
  // an id that is not there, and it is the same with JavaScript on and off.
  return (
    <>
      {shown ? (
        <Text slot="description" className="field__hint">
          {shown}
        </Text>
      ) : (
        <Text slot="description" hidden />
      )}
      {error ? (
        <FieldError className="field__error">
          <span className="visually-hidden">{t("common:form.errorPrefix")} </span>
          {error}
        </FieldError>
      ) : (
        <Text slot="errorMessage" hidden />
      )}
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
