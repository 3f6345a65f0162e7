// Tools > Spelling Language in a conversation window: the language the composer checks for this
// contact, remembered by the account (the same setting as in the contact's Properties).

import { useState, type FormEvent } from 'react';
import type { Participant } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { Dialog } from '../../components/Dialog';
import { DismissButton, SubmitAndCancel } from '../../components/DialogButtons';
import { strings } from '../../strings';
import { SpellingField } from './ContactPreferencesFields';
import { useContactPreferences, useSaveContactPreferences } from './use-contact-preferences';

export function SpellingDialog({ person, onClose }: { readonly person: Participant | undefined; readonly onClose: () => void }) {
  const saved = useContactPreferences(person?.handle);
  const save = useSaveContactPreferences();
  const [draft, setDraft] = useState(saved);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!person || draft === saved || (await save(person.handle, draft))) onClose();
  };

  return (
    <Dialog title={strings.contactPreferences.spellingTitle} onClose={onClose} testId="spelling-dialog">
      {person ? (
        <form onSubmit={(event) => void onSubmit(event)}>
          <p className="dialog__text">{strings.contactPreferences.spellingFor(stripPlus(person.friendlyName))}</p>
          <SpellingField value={draft} onChange={setDraft} />
          <SubmitAndCancel testId="spelling-ok" onCancel={onClose} />
        </form>
      ) : (
        <>
          <p className="dialog__text">{strings.contactPreferences.spellingNobody}</p>
          <DismissButton onClose={onClose} />
        </>
      )}
    </Dialog>
  );
}
