import { CheckboxGroup as RACCheckboxGroup } from "react-aria-components/CheckboxGroup";
import { ChoiceItems, FieldHead, fieldState, type Choice, type FieldProps } from "./field-parts";

export interface CheckboxGroupProps extends FieldProps {
  choices: Choice[];
  defaultValue?: string[];
}

/** Native checkboxes, as RadioGroup, where more than one answer can be chosen (or none). */
export function CheckboxGroup({ name, label, hint, error, choices, defaultValue, optional }: CheckboxGroupProps) {
  return (
    <RACCheckboxGroup name={name} defaultValue={defaultValue ?? []} {...fieldState(error, "choices")}>
      <FieldHead label={label} optional={optional} hint={hint} error={error} legend />
      <ChoiceItems name={name} choices={choices} kind="checkbox" />
    </RACCheckboxGroup>
  );
}
