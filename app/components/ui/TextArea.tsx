import { TextArea as RACTextArea } from "react-aria-components/TextArea";
import { TextField as RACTextField } from "react-aria-components/TextField";
import { FieldHead, fieldId, fieldState, type FieldProps } from "./field-parts";

export interface TextAreaProps extends FieldProps {
  defaultValue?: string;
  /** The most characters the server accepts: said in the hint (the browser does not cut the text). */
  maxLength?: number;
  rows?: number;
}

const noType = { type: null } as unknown as Record<string, never>;

/** TextField for longer answers in the person's own words: several lines, any length up to maxLength. */
export function TextArea({ name, label, hint, error, optional, rows = 5, defaultValue, maxLength }: TextAreaProps) {
  return (
    <RACTextField name={name} id={fieldId(name)} defaultValue={defaultValue} {...fieldState(error)}>
      <FieldHead label={label} optional={optional} hint={hint} error={error} maxLength={maxLength} />
      {/* React Aria gives the control type="text" until it sees that it is a textarea, which only
          JavaScript can: null leaves the attribute out (textarea has no type). */}
      <RACTextArea className="textarea" rows={rows} {...noType} />
    </RACTextField>
  );
}
