import { Input } from "react-aria-components/Input";
import { TextField as RACTextField } from "react-aria-components/TextField";
import { FieldHead, fieldId, fieldState, type FieldProps } from "./field-parts";

export { fieldId } from "./field-parts";

export interface TextFieldProps extends FieldProps {
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  /** The most characters the server accepts: said in the hint (the browser does not cut the text). */
  maxLength?: number;
  /** Character width hint for the input, as GOV.UK's width classes. */
  width?: "full" | "20" | "5" | "4" | "2";
  spellCheck?: boolean;
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
      {...fieldState(error)}
    >
      <FieldHead label={label} optional={optional} hint={hint} error={error} maxLength={maxLength} />
      {/* Email addresses and phone numbers are written left to right, on an Urdu or Arabic page too. */}
      <Input className={`input input--width-${width}`} spellCheck={rest.spellCheck} dir={type === "email" || type === "tel" ? "ltr" : undefined} />
    </RACTextField>
  );
}
