// The contact-list window's bottom bar, as in MSN 2.0: Add, Send and Mail, each with its icon.
// The short label is what shows; the full one (also the tooltip) names the button.

import type { ReactNode } from 'react';
import { AddContactIcon, EnvelopeIcon, SendMessageIcon } from '../../components/icons';
import { useMessenger } from '../../store/context';
import { selectOpenDialog } from '../../store/selectors';
import type { DialogRequest } from '../../store/slices';
import { strings } from '../../strings';

interface Action {
  readonly label: string;
  readonly name: string;
  readonly icon: ReactNode;
  readonly dialog: DialogRequest;
  readonly testId: string;
}

const ACTIONS: readonly Action[] = [
  {
    label: strings.contactList.addShort,
    name: strings.contactList.addContact,
    icon: <AddContactIcon />,
    dialog: { kind: 'add-contact' },
    testId: 'add-contact',
  },
  {
    label: strings.contactList.sendShort,
    name: strings.picker.messageTitle,
    icon: <SendMessageIcon />,
    dialog: { kind: 'pick-contact', purpose: 'message' },
    testId: 'action-send-message',
  },
  {
    label: strings.contactList.mailShort,
    name: strings.picker.mailTitle,
    icon: <EnvelopeIcon />,
    dialog: { kind: 'pick-contact', purpose: 'mail' },
    testId: 'action-send-mail',
  },
];

export function ActionBar() {
  const openDialog = useMessenger(selectOpenDialog);
  return (
    <footer className="action-bar">
      {ACTIONS.map((action) => (
        <button
          key={action.testId}
          type="button"
          className="tool-button"
          aria-label={action.name}
          title={action.name}
          data-testid={action.testId}
          onClick={() => openDialog(action.dialog)}
        >
          {action.icon}
          <span>{action.label}</span>
        </button>
      ))}
    </footer>
  );
}
