// A conversation window's menus.

import { useMemo } from 'react';
import { MenuBar, type MenuDefinition } from '../../components/MenuBar';
import { strings } from '../../strings';

interface ConversationMenuBarProps {
  readonly onClose: () => void;
  readonly onInvite: () => void;
  readonly onFont: () => void;
  readonly onSpelling: () => void;
  readonly onShortcuts: () => void;
}

export function ConversationMenuBar({ onClose, onInvite, onFont, onSpelling, onShortcuts }: ConversationMenuBarProps) {
  const menus = useMemo(
    (): MenuDefinition[] => [
      { id: 'file', label: strings.menu.file, items: [{ id: 'close', label: strings.menu.close, onSelect: onClose }] },
      {
        id: 'actions',
        label: strings.menu.actions,
        items: [{ id: 'invite-to-conversation', label: strings.menu.inviteToConversation, onSelect: onInvite }],
      },
      { id: 'tools', label: strings.menu.tools, items: [{ id: 'spelling', label: strings.menu.spellingLanguage, onSelect: onSpelling }] },
      { id: 'format', label: strings.menu.format, mnemonic: strings.menu.formatMnemonic, items: [{ id: 'font', label: strings.menu.font, onSelect: onFont }] },
      { id: 'help', label: strings.menu.help, items: [{ id: 'shortcuts', label: strings.menu.keyboardShortcuts, onSelect: onShortcuts }] },
    ],
    [onClose, onInvite, onFont, onSpelling, onShortcuts],
  );
  return <MenuBar menus={menus} />;
}
