import { Label, TextArea as RACTextArea, TextField as RACTextField } from "react-aria-components";
import { HintAndError, OptionalLabel } from "./field-parts";
import { fieldId } from "./TextField";

export interface TextAreaProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  defaultValue?: string;
  optional?: boolean;
  /** The most characters the server accepts: said in the hint (the browser does not cut the text). */
  maxLength?: number;
  rows?: number;
}

export function TextArea({ name, label, hint, error, optional, rows = 5, defaultValue, maxLength }: TextAreaProps) {
  return (
    <RACTextField
      name={name}
      id={fieldId(name)}
      defaultValue={defaultValue}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={["field", error ? "field--error" : ""].filter(Boolean).join(" ")}
    >
      <Label className="field__label">
        <OptionalLabel label={label} optional={optional} />
      </Label>
      <HintAndError hint={hint} error={error} maxLength={maxLength} />
      <RACTextArea className="textarea" rows={rows} />
    </RACTextField>
  );
}
