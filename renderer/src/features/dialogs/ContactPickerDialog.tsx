// Pick one contact from a list (Send an Instant Message, Send Mail, Invite to a conversation).

import { useId, useState } from 'react';
import type { CommandResult } from '../../../../shared/commands';
import type { Contact } from '../../../../shared/model';
import { ContactListBox } from '../../components/ContactListBox';
import { Dialog } from '../../components/Dialog';
import { DismissButton } from '../../components/DialogButtons';
import { FormError } from '../../components/FieldError';
import { useCommand } from '../../components/use-command';
import { strings } from '../../strings';

interface ContactPickerDialogProps {
  readonly title: string;
  readonly contacts: readonly Contact[];
  readonly empty: string;
  readonly pick: (contact: Contact) => Promise<CommandResult<unknown>>;
  readonly onClose: () => void;
  readonly testId: string;
}

export function ContactPickerDialog({ title, contacts, empty, pick, onClose, testId }: ContactPickerDialogProps) {
  const [selected, setSelected] = useState(0);
  const runner = useCommand();
  const promptId = useId();
  const chosen = contacts[selected];

  const choose = async (contact: Contact | undefined) => {
    if (!contact) return;
    const result = await runner.run(() => pick(contact));
    if (result.ok) onClose();
  };

  return (
    <Dialog title={title} onClose={onClose} testId={testId}>
      {contacts.length === 0 ? (
        <p className="dialog__text">{empty}</p>
      ) : (
        <>
          <p id={promptId} className="dialog__text">
            {strings.picker.prompt}
          </p>
          <ContactListBox
            contacts={contacts}
            selected={selected}
            onSelect={setSelected}
            onActivate={(contact) => void choose(contact)}
            labelledBy={promptId}
            testId={`${testId}-list`}
            autoFocus
          />
        </>
      )}
      <FormError error={runner.error} />
      {contacts.length === 0 ? (
        <DismissButton onClose={onClose} />
      ) : (
        <div className="dialog__buttons">
          <button
            type="button"
            className="button button--primary"
            disabled={!chosen || runner.pending}
            onClick={() => void choose(chosen)}
            data-testid={`${testId}-ok`}
          >
            {strings.picker.choose}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {strings.cancel}
          </button>
        </div>
      )}
    </Dialog>
  );
}
