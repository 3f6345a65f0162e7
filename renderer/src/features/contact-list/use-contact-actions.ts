// What can be done to a contact, shared by the list, its context menu and the pickers.
// Failures go to the window's banner, where the user is looking.

import { stripPlus } from '../../../../shared/plus-tags';
import { useMemo } from 'react';
import type { Contact } from '../../../../shared/model';
import type { ContactPreferences } from '../../../../shared/preferences';
import type { MenuItem } from '../../components/Menu';
import { useSaveContactPreferences } from '../contact-preferences/use-contact-preferences';
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
  savePreferences(contact: Contact, preferences: ContactPreferences): Promise<boolean>;
}

export function isBlocked(contact: Contact): boolean {
  return contact.lists.includes('BL');
}

export function useContactActions(): ContactActions {
  const showBanner = useMessenger(selectShowBanner);
  const openDialog = useMessenger(selectOpenDialog);
  const runWithBanner = useCommandWithBanner();
  const save = useSaveContactPreferences();
  return useMemo(
    () => ({
      sendMessage: async (contact) => {
        if (!isOnline(contact)) {
          showBanner(strings.contactList.contactOffline(stripPlus(contact.friendlyName)));
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
      savePreferences: (contact, preferences) => save(contact.handle, preferences),
    }),
    [showBanner, openDialog, runWithBanner, save],
  );
}

/** The context menu's items for a contact (also reachable with Shift+F10 or the Menu key). */
export function contactMenuItems(contact: Contact, actions: ContactActions, preferences: ContactPreferences): MenuItem[] {
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
    {
      id: 'contact-alert',
      label: strings.contactPreferences.alertMenu(stripPlus(contact.friendlyName)),
      kind: 'checkbox',
      checked: preferences.alertOnSignIn,
      separatorBefore: true,
      onSelect: () => void actions.savePreferences(contact, { ...preferences, alertOnSignIn: !preferences.alertOnSignIn }),
    },
    {
      id: 'contact-properties',
      label: strings.contactList.properties,
      onSelect: () => actions.showProperties(contact),
    },
  ];
}
