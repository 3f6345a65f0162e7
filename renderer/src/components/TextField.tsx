// A labelled one-line text input with its error sentence under it, linked for screen readers.

import { useId } from 'react';
import type { AppError } from '../../../shared/model';
import { FieldError } from './FieldError';

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly testId: string;
  /** What is wrong with the value; the input is marked invalid and described by it. */
  readonly error: AppError | string | undefined;
  readonly type?: 'text' | 'email' | 'password';
  /** Takes the focus when its dialog opens. */
  readonly autoFocus?: boolean;
  readonly spellCheck?: boolean;
  readonly placeholder?: string;
  readonly autoComplete?: string;
}

export function TextField({ label, value, onChange, testId, error, type = 'text', autoFocus, spellCheck, placeholder, autoComplete }: TextFieldProps) {
  const inputId = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type={type}
        value={value}
        spellCheck={spellCheck}
        placeholder={placeholder}
        autoComplete={autoComplete}
        data-autofocus={autoFocus || undefined}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
