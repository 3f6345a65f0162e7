// A checkbox with its label around it.

interface CheckboxProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly testId: string;
  readonly disabled?: boolean;
  /** The id of a sentence that explains the checkbox (why it is disabled, say). */
  readonly describedBy?: string;
}

export function Checkbox({ label, checked, onChange, testId, disabled, describedBy }: CheckboxProps) {
  return (
    <label className="field field--inline">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      {label}
    </label>
  );
}
