// Server address: the presets (the Local demo among them) plus "Other server…" with a free entry.

import { useId, useState } from 'react';
import type { ServerPreset } from '../../../../shared/ipc';
import { FieldError } from '../../components/FieldError';
import { strings } from '../../strings';

const CUSTOM = 'custom';

interface ServerFieldProps {
  readonly presets: readonly ServerPreset[];
  readonly value: string;
  readonly onChange: (address: string) => void;
  readonly error?: string;
  readonly testId: string;
}

export function ServerField({ presets, value, onChange, error, testId }: ServerFieldProps) {
  const selectId = useId();
  const customId = useId();
  const errorId = useId();
  const [custom, setCustom] = useState(() => !presets.some((preset) => preset.address === value));
  const describedBy = error ? errorId : undefined;

  return (
    <div className="field">
      <label htmlFor={selectId}>{strings.signIn.server}</label>
      <select
        id={selectId}
        value={custom ? CUSTOM : value}
        data-testid={testId}
        aria-describedby={custom ? undefined : describedBy}
        aria-invalid={!custom && error ? true : undefined}
        onChange={(event) => {
          const chosen = event.target.value;
          setCustom(chosen === CUSTOM);
          if (chosen !== CUSTOM) onChange(chosen);
        }}
      >
        {presets.map((preset) => (
          <option key={preset.address} value={preset.address}>
            {preset.label}
          </option>
        ))}
        <option value={CUSTOM}>{strings.signIn.customServer}</option>
      </select>
      {custom && (
        <>
          <label htmlFor={customId}>{strings.signIn.customServerAddress}</label>
          <input
            id={customId}
            type="text"
            value={value}
            autoComplete="off"
            spellCheck={false}
            data-testid={`${testId}-custom`}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        </>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  );
}
