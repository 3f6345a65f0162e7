// What can be done to a contact, shared by the list, its context menu and the pickers.
// Failures go to the window's banner, where the user is looking.

import { useMemo } from 'react';
import type { Contact } from '../../../../shared/model';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { isOnline, selectOpenDialog, selectShowBanner } from '../../store/selectors';
import { strings } from '../../strings';

export interface ContactActions {
  sendMessage(contact: Contact): Promise<void>;
  sendMail(contact: Contact): Promise<void>;
  toggleBlock(contact: Contact): Promise<void>;
  confirmDelete(contact: Contact): void;
  showProperties(contact: Contact): void;
  showHistory(contact: Contact): Promise<void>;
}

export function isBlocked(contact: Contact): boolean {
  return contact.lists.includes('BL');
}

export function useContactActions(): ContactActions {
  const showBanner = useMessenger(selectShowBanner);
  const openDialog = useMessenger(selectOpenDialog);
  const runWithBanner = useCommandWithBanner();
  return useMemo(
    () => ({
      sendMessage: async (contact) => {
        if (!isOnline(contact)) {
          showBanner(strings.contactList.contactOffline(contact.friendlyName));
          return;
        }
        await runWithBanner('openConversation', contact.handle);
      },
      sendMail: async (contact) => {
        await runWithBanner('openUrl', 'COMPOSE', contact.handle);
      },
      toggleBlock: async (contact) => {
        await runWithBanner(isBlocked(contact) ? 'unblockContact' : 'blockContact', contact.handle);
      },
      confirmDelete: (contact) => openDialog({ kind: 'delete-contact', handle: contact.handle }),
      showProperties: (contact) => openDialog({ kind: 'properties', handle: contact.handle }),
      showHistory: async (contact) => {
        await runWithBanner('openHistory', contact.handle);
      },
    }),
    [showBanner, openDialog, runWithBanner],
  );
}

/** The context menu's items for a contact (also reachable with Shift+F10 or the Menu key). */
export function contactMenuItems(contact: Contact, actions: ContactActions) {
  return [
    {
      id: 'contact-message',
      label: strings.contactList.sendMessage,
      disabled: !isOnline(contact),
      onSelect: () => void actions.sendMessage(contact),
    },
    { id: 'contact-mail', label: strings.contactList.sendMail, onSelect: () => void actions.sendMail(contact) },
    {
      id: 'contact-block',
      label: isBlocked(contact) ? strings.contactList.unblock : strings.contactList.block,
      separatorBefore: true,
      onSelect: () => void actions.toggleBlock(contact),
    },
    { id: 'contact-delete', label: strings.contactList.delete, onSelect: () => actions.confirmDelete(contact) },
    {
      id: 'contact-history',
      label: strings.contactList.history,
      separatorBefore: true,
      onSelect: () => void actions.showHistory(contact),
    },
    { id: 'contact-properties', label: strings.contactList.properties, onSelect: () => actions.showProperties(contact) },
  ];
}
