// The contact-list window's dialogs: the one the user asked for, else the next "added you"
// question while signed in.

import { useMemo, useState } from 'react';
import type { DialogRequest } from '../../store/slices';
import { contactIn } from '../../../../shared/contacts';
import type { MessengerState } from '../../../../shared/model';
import { command } from '../../bridge';
import { useMessenger } from '../../store/context';
import {
  isOnline,
  listMembers,
  selectAddedBy,
  selectCloseDialog,
  selectContacts,
  selectDialog,
  selectSession,
} from '../../store/selectors';
import { strings } from '../../strings';
import { OptionsDialog } from '../options/OptionsDialog';
import { KeyboardShortcutsDialog } from '../shortcuts/KeyboardShortcutsDialog';
import { AboutDialog } from './AboutDialog';
import { AddedYouDialog } from './AddedYouDialog';
import { AddedByDialog } from './AddedByDialog';
import { AddressDialog } from './AddressDialog';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { ContactPickerDialog } from './ContactPickerDialog';
import { PropertiesDialog } from './PropertiesDialog';

function RequestedDialog({
  dialog,
  contacts,
  onClose,
}: {
  readonly dialog: DialogRequest;
  readonly contacts: MessengerState['contacts'];
  readonly onClose: () => void;
}) {
  switch (dialog.kind) {
    case 'add-contact':
      return (
        <AddressDialog
          title={strings.addContact.title}
          prompt={strings.addContact.prompt}
          submitLabel={strings.addContact.submit}
          testId="add-contact-dialog"
          submit={(handle) => command('addContact', 'FL', handle)}
          onClose={onClose}
        />
      );
    case 'invite-by-email':
      return (
        <AddressDialog
          title={strings.inviteByEmail.title}
          prompt={strings.inviteByEmail.prompt}
          note={<p className="hint">{strings.inviteByEmail.honesty}</p>}
          submitLabel={strings.inviteByEmail.submit}
          testId="invite-dialog"
          submit={(handle) => command('inviteByEmail', handle)}
          successText={strings.inviteByEmail.sent}
          onClose={onClose}
        />
      );
    case 'pick-contact':
      return <PickContact purpose={dialog.purpose} contacts={contacts} onClose={onClose} />;
    case 'options':
      return <OptionsDialog onClose={onClose} />;
    case 'about':
      return <AboutDialog onClose={onClose} />;
    case 'shortcuts':
      return <KeyboardShortcutsDialog onClose={onClose} />;
    case 'added-you':
      return <AddedYouDialog onClose={onClose} />;
    case 'properties':
    case 'delete-contact': {
      const contact = contactIn(contacts, dialog.handle);
      if (!contact) return null;
      return dialog.kind === 'properties' ? (
        <PropertiesDialog contact={contact} onClose={onClose} />
      ) : (
        <ConfirmDeleteDialog contact={contact} onClose={onClose} />
      );
    }
  }
}

function PickContact({
  purpose,
  contacts,
  onClose,
}: {
  readonly purpose: 'message' | 'mail';
  readonly contacts: MessengerState['contacts'];
  readonly onClose: () => void;
}) {
  const choices = useMemo(() => {
    const onList = listMembers(contacts, 'FL');
    return purpose === 'message' ? onList.filter(isOnline) : onList;
  }, [contacts, purpose]);
  return (
    <ContactPickerDialog
      title={purpose === 'message' ? strings.picker.messageTitle : strings.picker.mailTitle}
      contacts={choices}
      empty={strings.picker.none}
      testId={`pick-${purpose}-dialog`}
      pick={(contact) =>
        purpose === 'message' ? command('openConversation', contact.handle) : command('openUrl', 'COMPOSE', contact.handle)
      }
      onClose={onClose}
    />
  );
}

export function MainDialogs() {
  const dialog = useMessenger(selectDialog);
  const closeDialog = useMessenger(selectCloseDialog);
  const contacts = useMessenger(selectContacts);
  const addedBy = useMessenger(selectAddedBy);
  const session = useMessenger(selectSession);
  const [handled, setHandled] = useState<ReadonlySet<string>>(() => new Set());

  if (dialog) return <RequestedDialog dialog={dialog} contacts={contacts} onClose={closeDialog} />;
  if (session.state !== 'online') return null;
  const question = addedBy.find((request) => !handled.has(request.handle));
  if (!question) return null;
  return (
    <AddedByDialog
      key={question.handle}
      request={question}
      alreadyInContacts={contactIn(contacts, question.handle)?.lists.includes('FL') ?? false}
      onDone={() => setHandled((current) => new Set(current).add(question.handle))}
    />
  );
}
