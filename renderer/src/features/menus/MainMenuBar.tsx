// The contact-list window's menus. Actions need a signed-in session.

import { useMemo } from 'react';
import { MenuBar, type MenuDefinition } from '../../components/MenuBar';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectAccountSlots, selectOpenDialog, selectSession, selectWindowAccount } from '../../store/selectors';
import { strings } from '../../strings';
import { useAppInfo } from '../dialogs/use-app-info';

export function MainMenuBar() {
  const session = useMessenger(selectSession);
  const openDialog = useMessenger(selectOpenDialog);
  const runWithBanner = useCommandWithBanner();
  const hasLog = useAppInfo()?.logFile !== undefined;
  const accounts = useMessenger(selectAccountSlots);
  const ownAccount = useMessenger(selectWindowAccount);
  const online = session.state === 'online';
  const signedOut = session.state === 'offline';

  const menus = useMemo(
    (): MenuDefinition[] => [
      {
        id: 'file',
        label: strings.menu.file,
        items: [
          { id: 'sign-in-another', label: strings.menu.anotherAccount, onSelect: () => void runWithBanner('addAccount') },
          // Every other account's contact list, which a closed window no longer shows.
          ...Object.entries(accounts ?? {})
            .filter(([id]) => id !== ownAccount)
            .map(([id, account]) => ({
              id: `contact-list-${id}`,
              label: strings.menu.contactListOf(account.lastHandle || undefined),
              onSelect: () => void runWithBanner('showContactList', id),
            })),
          { id: 'sign-out', label: strings.menu.signOut, disabled: signedOut, onSelect: () => void runWithBanner('signOut') },
          { id: 'close', label: strings.menu.close, separatorBefore: true, onSelect: () => window.close() },
        ],
      },
      {
        id: 'actions',
        label: strings.menu.actions,
        items: [
          {
            id: 'send-message',
            label: strings.menu.sendMessage,
            disabled: !online,
            onSelect: () => openDialog({ kind: 'pick-contact', purpose: 'message' }),
          },
          {
            id: 'send-mail',
            label: strings.menu.sendMail,
            disabled: !online,
            onSelect: () => openDialog({ kind: 'pick-contact', purpose: 'mail' }),
          },
          {
            id: 'add-contact',
            label: strings.menu.addContact,
            disabled: !online,
            separatorBefore: true,
            onSelect: () => openDialog({ kind: 'add-contact' }),
          },
          {
            id: 'invite',
            label: strings.menu.invite,
            disabled: !online,
            onSelect: () => openDialog({ kind: 'invite-by-email' }),
          },
        ],
      },
      {
        id: 'tools',
        label: strings.menu.tools,
        items: [
          { id: 'options', label: strings.menu.options, onSelect: () => openDialog({ kind: 'options' }) },
          { id: 'message-history', label: strings.menu.messageHistory, onSelect: () => void runWithBanner('openHistory') },
          { id: 'added-you', label: strings.menu.addedYou, disabled: !online, onSelect: () => openDialog({ kind: 'added-you' }) },
          { id: 'protocol-console', label: strings.menu.protocolConsole, separatorBefore: true, onSelect: () => void runWithBanner('openProtocolConsole') },
        ],
      },
      {
        id: 'help',
        label: strings.menu.help,
        items: [
          { id: 'shortcuts', label: strings.menu.keyboardShortcuts, onSelect: () => openDialog({ kind: 'shortcuts' }) },
          { id: 'open-log-folder', label: strings.menu.openLogFolder, disabled: !hasLog, onSelect: () => void runWithBanner('openLogFolder') },
          { id: 'about', label: strings.menu.about, separatorBefore: true, onSelect: () => openDialog({ kind: 'about' }) },
        ],
      },
    ],
    [online, signedOut, hasLog, accounts, ownAccount, openDialog, runWithBanner],
  );

  return <MenuBar menus={menus} />;
}
