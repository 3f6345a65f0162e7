// A fieldset of radio buttons, one per choice, each with its label around it.

import { useId } from 'react';

interface RadioGroupProps<T extends string> {
  readonly legend: string;
  readonly choices: readonly T[];
  readonly value: T;
  readonly label: (choice: T) => string;
  readonly onChange: (choice: T) => void;
  /** Each button's test id is `${testId}-${choice}`. */
  readonly testId: string;
}

export function RadioGroup<T extends string>({ legend, choices, value, label, onChange, testId }: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} className="field field--inline">
          <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} data-testid={`${testId}-${choice}`} />
          {label(choice)}
        </label>
      ))}
    </fieldset>
  );
}
