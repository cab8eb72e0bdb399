import { Label, Radio, RadioGroup as RACRadioGroup } from "react-aria-components";
import { HintAndError, OptionalLabel } from "./field-parts";
import { fieldId } from "./TextField";

export interface Choice {
  value: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
}

export interface RadioGroupProps {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  choices: Choice[];
  defaultValue?: string;
  optional?: boolean;
}

/**
 * Native radio inputs (React Aria renders them; our CSS shows them rather than hiding them) so the
 * chosen option is visible and sent with JavaScript off. The error summary links to the first option.
 */
export function RadioGroup({ name, label, hint, error, choices, defaultValue, optional }: RadioGroupProps) {
  return (
    <RACRadioGroup
      name={name}
      defaultValue={defaultValue ?? null}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={["field", "choices", error ? "field--error" : ""].filter(Boolean).join(" ")}
    >
      <Label className="field__label field__legend">
        <OptionalLabel label={label} optional={optional} />
      </Label>
      <HintAndError hint={hint} error={error} />
      {choices.map((choice, index) => (
        <Radio key={choice.value} value={choice.value} className="choice" id={index === 0 ? fieldId(name) : undefined}>
          <span className="choice__label">{choice.label}</span>
          {choice.hint ? <span className="choice__hint">{choice.hint}</span> : null}
        </Radio>
      ))}
    </RACRadioGroup>
  );
}
