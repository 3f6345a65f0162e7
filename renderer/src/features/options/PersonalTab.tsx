import { TextField } from '../../components/TextField';
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
  if (!signedIn) return <p className="hint">{strings.options.signInFirst}</p>;
  return (
    <>
      <TextField
        label={strings.options.friendlyName}
        value={draft.friendlyName}
        onChange={(friendlyName) => update({ friendlyName })}
        testId="options-friendly-name"
        error={problem}
      />
      <p className="dialog__text">
        {strings.options.email}: <strong>{handle}</strong>
      </p>
    </>
  );
}
