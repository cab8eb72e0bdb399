import { RadioGroup as RACRadioGroup } from "react-aria-components/RadioGroup";
import { ChoiceItems, FieldHead, fieldState, type Choice, type FieldProps } from "./field-parts";

export type { Choice } from "./field-parts";

export interface RadioGroupProps extends FieldProps {
  choices: Choice[];
  defaultValue?: string;
}

/**
 * Native radio inputs (React Aria renders them; our CSS shows them rather than hiding them) so the
 * chosen option is visible and sent with JavaScript off. The error summary links to the first option.
 */
export function RadioGroup({ name, label, hint, error, choices, defaultValue, optional }: RadioGroupProps) {
  return (
    <RACRadioGroup name={name} defaultValue={defaultValue ?? null} {...fieldState(error, "choices")}>
      <FieldHead label={label} optional={optional} hint={hint} error={error} legend />
      <ChoiceItems name={name} choices={choices} kind="radio" />
    </RACRadioGroup>
  );
}
