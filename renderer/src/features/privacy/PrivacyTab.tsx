// Options > Privacy: who may see me (allow and block lists, moved between at once), what happens
// with everyone else (applied on OK), the reverse list, and the "someone added me" alert.

import { stripPlus } from '../../../../shared/plus-tags';
import { useId, useMemo, useState } from 'react';
import type { Contact } from '../../../../shared/model';
import { command } from '../../bridge';
import { Checkbox } from '../../components/Checkbox';
import { ContactListBox } from '../../components/ContactListBox';
import { FormError } from '../../components/FieldError';
import { useCommand } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { listMembers, selectContacts } from '../../store/selectors';
import { strings } from '../../strings';
import type { DraftUpdate, OptionsDraft } from '../options/draft';
import '../../styles/privacy.css';

interface PrivacyTabProps {
  readonly draft: OptionsDraft;
  readonly update: DraftUpdate;
  readonly signedIn: boolean;
}

export function PrivacyTab({ draft, update, signedIn }: PrivacyTabProps) {
  const contacts = useMessenger(selectContacts);
  const allowed = useMemo(() => listMembers(contacts, 'AL').filter((contact) => !contact.lists.includes('BL')), [contacts]);
  const blocked = useMemo(() => listMembers(contacts, 'BL'), [contacts]);
  const reverse = useMemo(() => listMembers(contacts, 'RL'), [contacts]);
  const [allowedIndex, setAllowedIndex] = useState(0);
  const [blockedIndex, setBlockedIndex] = useState(0);
  const runner = useCommand();
  const ids = { allowed: useId(), blocked: useId(), others: useId(), reverse: useId() };

  if (!signedIn) return <p className="hint">{strings.options.signInFirst}</p>;

  const move = (contact: Contact | undefined, to: 'block' | 'allow') => {
    if (!contact) return;
    void runner.run(() => (to === 'block' ? command('blockContact', contact.handle) : command('unblockContact', contact.handle)));
  };

  return (
    <>
      <div className="privacy__lists">
        <div className="privacy__list">
          <p id={ids.allowed} className="privacy__caption">
            {strings.privacy.allowList}
          </p>
          <ContactListBox
            contacts={allowed}
            selected={allowedIndex}
            onSelect={setAllowedIndex}
            onActivate={(contact) => move(contact, 'block')}
            labelledBy={ids.allowed}
            testId="privacy-allow-list"
          />
        </div>
        <div className="privacy__moves">
          <button
            type="button"
            className="button"
            disabled={!allowed[allowedIndex] || runner.pending}
            onClick={() => move(allowed[allowedIndex], 'block')}
            aria-label={strings.privacy.blockSelected}
            data-testid="privacy-block"
          >
            {strings.privacy.block}
          </button>
          <button
            type="button"
            className="button"
            disabled={!blocked[blockedIndex] || runner.pending}
            onClick={() => move(blocked[blockedIndex], 'allow')}
            aria-label={strings.privacy.allowSelected}
            data-testid="privacy-allow"
          >
            {strings.privacy.allow}
          </button>
        </div>
        <div className="privacy__list">
          <p id={ids.blocked} className="privacy__caption">
            {strings.privacy.blockList}
          </p>
          <ContactListBox
            contacts={blocked}
            selected={blockedIndex}
            onSelect={setBlockedIndex}
            onActivate={(contact) => move(contact, 'allow')}
            labelledBy={ids.blocked}
            testId="privacy-block-list"
          />
        </div>
      </div>
      <FormError error={runner.error} testId="privacy-error" />
      <fieldset className="fieldset">
        <legend>{strings.privacy.others}</legend>
        <label className="field field--inline">
          <input
            type="radio"
            name={ids.others}
            checked={draft.privacyMode === 'AL'}
            onChange={() => update({ privacyMode: 'AL' })}
            data-testid="privacy-others-allow"
          />
          {strings.privacy.allowOthers}
        </label>
        <label className="field field--inline">
          <input
            type="radio"
            name={ids.others}
            checked={draft.privacyMode === 'BL'}
            onChange={() => update({ privacyMode: 'BL' })}
            data-testid="privacy-others-block"
          />
          {strings.privacy.blockOthers}
        </label>
      </fieldset>
      <Checkbox
        label={strings.privacy.addedAlert}
        checked={draft.addedAlert === 'A'}
        onChange={(checked) => update({ addedAlert: checked ? 'A' : 'N' })}
        testId="privacy-added-alert"
      />
      <p id={ids.reverse} className="privacy__caption">
        {strings.privacy.reverseList}
      </p>
      <ul className="dialog__list privacy__reverse" aria-labelledby={ids.reverse} data-testid="privacy-reverse-list">
        {reverse.length === 0 && <li>{strings.privacy.empty}</li>}
        {reverse.map((contact) => (
          <li key={contact.handle}>{strings.conversation.participant(stripPlus(contact.friendlyName), contact.handle)}</li>
        ))}
      </ul>
    </>
  );
}
