// A conversation window's menus.

import { useMemo } from 'react';
import { MenuBar, type MenuDefinition } from '../../components/MenuBar';
import { strings } from '../../strings';

interface ConversationMenuBarProps {
  readonly onClose: () => void;
  readonly onInvite: () => void;
  readonly onFont: () => void;
}

export function ConversationMenuBar({ onClose, onInvite, onFont }: ConversationMenuBarProps) {
  const menus = useMemo(
    (): MenuDefinition[] => [
      { id: 'file', label: strings.menu.file, items: [{ id: 'close', label: strings.menu.close, onSelect: onClose }] },
      {
        id: 'actions',
        label: strings.menu.actions,
        items: [{ id: 'invite-to-conversation', label: strings.menu.inviteToConversation, onSelect: onInvite }],
      },
      { id: 'format', label: strings.menu.format, mnemonic: strings.menu.formatMnemonic, items: [{ id: 'font', label: strings.menu.font, onSelect: onFont }] },
    ],
    [onClose, onInvite, onFont],
  );
  return <MenuBar menus={menus} />;
}
