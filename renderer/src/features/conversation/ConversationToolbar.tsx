// The row of buttons under a conversation's menus, as in MSN 2.0/3.0: Invite, Block and Font.
// Block opens a menu of the people in the conversation, so blocking (which ends a one-to-one
// conversation) takes a second, deliberate choice.

import { contactIn } from '../../../../shared/contacts';
import type { Conversation, MessengerState } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { BlockIcon, FontIcon, InviteIcon } from '../../components/icons';
import type { MenuItem } from '../../components/Menu';
import { MenuButton } from '../../components/MenuButton';
import { useCommandWithBanner } from '../../components/use-command';
import { strings } from '../../strings';

interface ConversationToolbarProps {
  readonly conversation: Conversation;
  readonly contacts: MessengerState['contacts'];
  readonly onInvite: () => void;
  readonly onFont: () => void;
}

export function ConversationToolbar({ conversation, contacts, onInvite, onFont }: ConversationToolbarProps) {
  const runWithBanner = useCommandWithBanner();
  const blockItems: MenuItem[] = conversation.participants.map((person) => {
    const blocked = contactIn(contacts, person.handle)?.lists.includes('BL') ?? false;
    const name = stripPlus(person.friendlyName);
    return {
      id: `block-${person.handle}`,
      label: blocked ? strings.conversation.unblockPerson(name) : strings.conversation.blockPerson(name),
      onSelect: () => void runWithBanner(blocked ? 'unblockContact' : 'blockContact', person.handle),
    };
  });

  return (
    <div className="conversation-toolbar">
      <button
        type="button"
        className="tool-button"
        aria-label={strings.conversation.inviteTitle}
        title={strings.conversation.inviteTitle}
        data-testid="toolbar-invite"
        onClick={onInvite}
      >
        <InviteIcon />
        <span>{strings.conversation.invite}</span>
      </button>
      <MenuButton
        items={blockItems}
        menuLabel={strings.conversation.blockTitle}
        className="tool-button"
        title={strings.conversation.blockTitle}
        disabled={blockItems.length === 0}
        data-testid="toolbar-block"
      >
        <BlockIcon />
        <span>{strings.conversation.block}</span>
      </MenuButton>
      <button type="button" className="tool-button" title={strings.conversation.fontTitle} data-testid="font-button" onClick={onFont}>
        <FontIcon />
        <span>{strings.conversation.font}</span>
      </button>
    </div>
  );
}
