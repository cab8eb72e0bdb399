import { Checkbox, CheckboxGroup as RACCheckboxGroup, Label } from "react-aria-components";
import { HintAndError, OptionalLabel } from "./field-parts";
import type { Choice } from "./RadioGroup";
import { fieldId } from "./TextField";

export interface CheckboxGroupProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  choices: Choice[];
  defaultValue?: string[];
  optional?: boolean;
}

export function CheckboxGroup({ name, label, hint, error, choices, defaultValue, optional }: CheckboxGroupProps) {
  return (
    <RACCheckboxGroup
      name={name}
      defaultValue={defaultValue ?? []}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={["field", "choices", error ? "field--error" : ""].filter(Boolean).join(" ")}
    >
      <Label className="field__label field__legend">
        <OptionalLabel label={label} optional={optional} />
      </Label>
      <HintAndError hint={hint} error={error} />
      {choices.map((choice, index) => (
        <Checkbox key={choice.value} value={choice.value} className="choice" id={index === 0 ? fieldId(name) : undefined}>
          <span className="choice__label">{choice.label}</span>
          {choice.hint ? <span className="choice__hint">{choice.hint}</span> : null}
        </Checkbox>
      ))}
    </RACCheckboxGroup>
  );
}
