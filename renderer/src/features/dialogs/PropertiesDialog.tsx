// A contact's details (address, name, status, the lists they are on) and what this account does
// for them: the sign-in alert, their sound and the spelling language. OK saves those.

import { useState, type FormEvent } from 'react';
import type { Contact } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { Dialog } from '../../components/Dialog';
import { SubmitAndCancel } from '../../components/DialogButtons';
import { RichText } from '../../components/rich-text/RichText';
import { strings } from '../../strings';
import { AlertFields, SpellingField } from '../contact-preferences/ContactPreferencesFields';
import { useContactPreferences, useSaveContactPreferences } from '../contact-preferences/use-contact-preferences';

export function PropertiesDialog({ contact, onClose }: { readonly contact: Contact; readonly onClose: () => void }) {
  const saved = useContactPreferences(contact.handle);
  const save = useSaveContactPreferences();
  const [draft, setDraft] = useState(saved);
  const name = stripPlus(contact.friendlyName);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === saved || (await save(contact.handle, draft))) onClose();
  };

  return (
    <Dialog title={strings.properties.title(name)} onClose={onClose} testId="properties-dialog">
      <form onSubmit={(event) => void onSubmit(event)}>
        <dl className="properties">
          <dt>{strings.properties.handle}</dt>
          <dd>{contact.handle}</dd>
          <dt>{strings.properties.name}</dt>
          <dd>
            <RichText text={contact.friendlyName} />
          </dd>
          <dt>{strings.properties.status}</dt>
          <dd>{strings.statusLabel(contact.status)}</dd>
          <dt>{strings.properties.lists}</dt>
          <dd>
            <ul className="properties__lists">
              {contact.lists.map((list) => (
                <li key={list}>{strings.listLabel(list)}</li>
              ))}
            </ul>
          </dd>
        </dl>
        <AlertFields name={name} value={draft} onChange={setDraft} />
        <SpellingField value={draft} onChange={setDraft} />
        <SubmitAndCancel testId="properties-ok" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
