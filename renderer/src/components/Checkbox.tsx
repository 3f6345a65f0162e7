// A checkbox with its label around it.

interface CheckboxProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId: string;
  readonly disabled?: boolean;
}

export function Checkbox({ label, checked, onChange, testId, disabled }: CheckboxProps) {
  return (
    <label className="field field--inline">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      {label}
    </label>
  );
}
