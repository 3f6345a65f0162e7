import { useId } from 'react';
import { Checkbox } from '../../components/Checkbox';
import { strings } from '../../strings';
import type { DraftUpdate, OptionsDraft } from './draft';

const MAX_IDLE_MINUTES = 240;

interface PreferencesTabProps {
  readonly draft: OptionsDraft;
  readonly update: DraftUpdate;
  /** The history switch belongs to the signed-in account. */
  readonly signedIn: boolean;
}

export function PreferencesTab({ draft, update, signedIn }: PreferencesTabProps) {
  const minutesId = useId();
  return (
    <>
      <Checkbox
        label={strings.options.autoIdle(draft.autoIdleMinutes)}
        checked={draft.autoIdle}
        onChange={(autoIdle) => update({ autoIdle })}
        testId="options-auto-idle"
      />
      <div className="field field--inline field--indented">
        <label htmlFor={minutesId}>{strings.options.autoIdleMinutes}</label>
        <input
          id={minutesId}
          type="number"
          min={1}
          max={MAX_IDLE_MINUTES}
          value={draft.autoIdleMinutes}
          disabled={!draft.autoIdle}
          data-testid="options-auto-idle-minutes"
          onChange={(event) => {
            const minutes = Math.round(Number(event.target.value));
            if (Number.isFinite(minutes)) update({ autoIdleMinutes: Math.max(1, Math.min(MAX_IDLE_MINUTES, minutes)) });
          }}
        />
      </div>
      <Checkbox label={strings.options.sounds} checked={draft.sounds} onChange={(sounds) => update({ sounds })} testId="options-sounds" />
      <Checkbox label={strings.options.toasts} checked={draft.toasts} onChange={(toasts) => update({ toasts })} testId="options-toasts" />
      <Checkbox
        label={strings.options.escapeCloses}
        checked={draft.escapeClosesConversation}
        onChange={(escapeClosesConversation) => update({ escapeClosesConversation })}
        testId="options-escape-closes"
      />
      <Checkbox
        label={strings.options.signInAtStart}
        checked={draft.signInAtStart}
        onChange={(signInAtStart) => update({ signInAtStart })}
        testId="options-sign-in-at-start"
      />
      <Checkbox
        label={strings.options.keepHistory}
        checked={draft.keepHistory}
        disabled={!signedIn}
        onChange={(keepHistory) => update({ keepHistory })}
        testId="options-keep-history"
      />
      {!signedIn && <p className="field__hint">{strings.options.keepHistorySignIn}</p>}
    </>
  );
}
