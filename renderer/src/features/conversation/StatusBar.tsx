// The bottom line of a conversation window, as MSN had it: who is typing while someone is, and
// otherwise when the last message arrived. The typing sentence is a status region, so screen
// readers hear it as it changes.

import type { Conversation, MessengerState } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import { displayName } from '../../store/selectors';
import { strings } from '../../strings';
import { formatDate, formatTime } from './time-format';

function lastReceived(at: number | undefined): string {
  return at === undefined ? strings.conversation.noMessagesYet : strings.conversation.lastReceived(formatTime(at), formatDate(at));
}

export function StatusBar({ conversation, contacts }: { readonly conversation: Conversation; readonly contacts: MessengerState['contacts'] }) {
  const names = conversation.typing.map((handle) => stripPlus(displayName(conversation, contacts, handle)));
  const typing = names.length > 0 ? strings.conversation.typing(names) : '';
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span role="status" className="status-bar__typing" data-testid="typing">
        {typing}
      </span>
      {!typing && <span>{lastReceived(conversation.lastReceivedAt)}</span>}
    </footer>
  );
}
