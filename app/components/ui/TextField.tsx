import { Input, Label, TextField as RACTextField } from "react-aria-components";
import { HintAndError, OptionalLabel } from "./field-parts";

export interface TextFieldProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** Already translated. */
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  optional?: boolean;
  /** The most characters the server accepts: said in the hint (the browser does not cut the text). */
  maxLength?: number;
  /** Character width hint for the input, as GOV.UK's width classes. */
  width?: "full" | "20" | "10" | "5" | "4" | "2";
  spellCheck?: boolean;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

/**
 * Label, hint, error and input, wired together by React Aria. Validation is the server's:
 * validationBehavior="aria" means no browser bubbles, and the error comes from the action.
 */
export function TextField({ name, label, hint, error, optional, maxLength, width = "full", type = "text", ...rest }: TextFieldProps) {
  return (
    <RACTextField
      name={name}
      type={type}
      id={fieldId(name)}
      defaultValue={rest.defaultValue}
      autoComplete={rest.autoComplete}
      inputMode={rest.inputMode}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={["field", error ? "field--error" : ""].filter(Boolean).join(" ")}
    >
      <Label className="field__label">
        <OptionalLabel label={label} optional={optional} />
      </Label>
      <HintAndError hint={hint} error={error} maxLength={maxLength} />
      {/* Email addresses and phone numbers are written left to right, on an Urdu or Arabic page too. */}
      <Input className={`input input--width-${width}`} spellCheck={rest.spellCheck} dir={type === "email" || type === "tel" ? "ltr" : undefined} />
    </RACTextField>
  );
}
