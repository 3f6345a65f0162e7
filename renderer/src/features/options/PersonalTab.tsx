import { useId } from 'react';
import { FieldError } from '../../components/FieldError';
import { strings } from '../../strings';
import type { DraftUpdate, OptionsDraft } from './draft';

interface PersonalTabProps {
  readonly draft: OptionsDraft;
  readonly update: DraftUpdate;
  readonly problem: string | undefined;
  readonly signedIn: boolean;
  readonly handle: string | undefined;
}

export function PersonalTab({ draft, update, problem, signedIn, handle }: PersonalTabProps) {
  const nameId = useId();
  const errorId = useId();
  if (!signedIn) return <p className="hint">{strings.options.signInFirst}</p>;
  return (
    <>
      <div className="field">
        <label htmlFor={nameId}>{strings.options.friendlyName}</label>
        <input
          id={nameId}
          type="text"
          value={draft.friendlyName}
          data-testid="options-friendly-name"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => update({ friendlyName: event.target.value })}
        />
        <FieldError id={errorId} error={problem} />
      </div>
      <p className="dialog__text">
        {strings.options.email}: <strong>{handle}</strong>
      </p>
    </>
  );
}
