// Tools > Options: Personal, Preferences, Privacy and Connection pages under one OK/Cancel.

import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FieldError';
import { Dialog } from '../../components/Dialog';
import { SubmitAndCancel } from '../../components/DialogButtons';
import { useCommand } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectAccountSettings, selectPrivacy, selectSession, selectSettings } from '../../store/selectors';
import { strings } from '../../strings';
import { PrivacyTab } from '../privacy/PrivacyTab';
import { AppearanceTab } from './AppearanceTab';
import { AwayTab } from './AwayTab';
import { ConnectionTab } from './ConnectionTab';
import { draftProblems, draftSteps, initialDraft, type DraftProblems, type OptionsDraft } from './draft';
import { PersonalTab } from './PersonalTab';
import { PreferencesTab } from './PreferencesTab';
import { Tabs } from './Tabs';
import '../../styles/options.css';

type TabId = 'personal' | 'preferences' | 'appearance' | 'away' | 'privacy' | 'connection';

export function OptionsDialog({ onClose }: { readonly onClose: () => void }) {
  const session = useMessenger(selectSession);
  const privacy = useMessenger(selectPrivacy);
  const settings = useMessenger(selectSettings);
  const account = useMessenger(selectAccountSettings);
  const signedIn = session.state === 'online';
  const [tab, setTab] = useState<TabId>(signedIn ? 'personal' : 'preferences');
  const [before] = useState(() => (settings ? initialDraft(session, privacy, settings, account) : undefined));
  const [draft, setDraft] = useState(before);
  const [problems, setProblems] = useState<DraftProblems>({});
  const runner = useCommand();
  if (!settings || !before || !draft) return null;

  const update = (change: Partial<OptionsDraft>) => setDraft({ ...draft, ...change });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblems(draft);
    const relevant: DraftProblems = { friendlyName: signedIn ? found.friendlyName : undefined, server: found.server, proxy: found.proxy };
    setProblems(relevant);
    if (relevant.friendlyName) return setTab('personal');
    if (relevant.server || relevant.proxy) return setTab('connection');
    const result = await runner.run(async () => {
      for (const step of draftSteps(before, draft, signedIn)) {
        const outcome = await step();
        if (!outcome.ok) return outcome;
      }
      return { ok: true, value: undefined } as const;
    });
    if (result.ok) onClose();
  };

  return (
    <Dialog title={strings.options.title} onClose={onClose} testId="options-dialog" wide>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Tabs
          label={strings.options.tabs}
          current={tab}
          onChange={setTab}
          tabs={[
            {
              id: 'personal',
              label: strings.options.personal,
              panel: <PersonalTab draft={draft} update={update} problem={problems.friendlyName} signedIn={signedIn} handle={session.handle} />,
            },
            { id: 'preferences', label: strings.options.preferences, panel: <PreferencesTab draft={draft} update={update} signedIn={signedIn} /> },
            { id: 'appearance', label: strings.options.appearance, panel: <AppearanceTab draft={draft} update={update} /> },
            { id: 'away', label: strings.options.away, panel: <AwayTab draft={draft} update={update} /> },
            { id: 'privacy', label: strings.options.privacy, panel: <PrivacyTab draft={draft} update={update} signedIn={signedIn} /> },
            {
              id: 'connection',
              label: strings.options.connection,
              panel: (
                <ConnectionTab
                  draft={draft}
                  update={update}
                  problems={problems}
                  presets={settings.presets}
                  connectedTo={signedIn ? session.server : undefined}
                  hasProxyPassword={account?.hasProxyPassword ?? false}
                />
              ),
            },
          ]}
        />
        <FormError error={runner.error} testId="options-error" />
        <SubmitAndCancel pending={runner.pending} testId="options-ok" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
