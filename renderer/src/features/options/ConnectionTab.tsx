import type { ServerPreset } from '../../../../shared/ipc';
import { Checkbox } from '../../components/Checkbox';
import { strings } from '../../strings';
import { ServerField } from '../sign-in/ServerField';
import type { DraftUpdate, OptionsDraft } from './draft';

interface ConnectionTabProps {
  readonly draft: OptionsDraft;
  readonly update: DraftUpdate;
  readonly problem: string | undefined;
  readonly presets: readonly ServerPreset[];
  readonly connectedTo: string | undefined;
}

export function ConnectionTab({ draft, update, problem, presets, connectedTo }: ConnectionTabProps) {
  return (
    <>
      {connectedTo && <p className="dialog__text">{strings.options.currentServer(connectedTo)}</p>}
      <ServerField
        presets={presets}
        value={draft.server}
        onChange={(server) => update({ server })}
        error={problem}
        testId="options-server"
      />
      <p className="hint">{strings.options.serverHint}</p>
      <Checkbox
        label={strings.options.logMessageText}
        checked={draft.logMessageText}
        onChange={(logMessageText) => update({ logMessageText })}
        testId="options-log-message-text"
      />
      <p className="hint">{strings.options.logHint}</p>
    </>
  );
}
