// The history window's left side without a search: every contact with saved conversations, and
// under the chosen one, their conversations by date.

import type { HistoryContact, HistoryConversationSummary } from '../../../../shared/history';
import { strings } from '../../strings';
import { formatDate, formatTime } from '../conversation/time-format';

export interface HistorySelection {
  readonly handle?: string;
  readonly conversationId?: string;
  /** A message to scroll to and mark (a search hit that was clicked). */
  readonly messageId?: string;
}

interface HistoryContactsProps {
  readonly contacts: readonly HistoryContact[];
  readonly selection: HistorySelection;
  readonly onSelect: (selection: HistorySelection) => void;
}

export const conversationNames = (summary: HistoryConversationSummary): string =>
  summary.participants.map((person) => person.name).join(', ');

export const conversationDate = (summary: HistoryConversationSummary): string =>
  `${formatDate(summary.startedAt)} ${formatTime(summary.startedAt)}`;

export function HistoryContacts({ contacts, selection, onSelect }: HistoryContactsProps) {
  if (contacts.length === 0) return <p className="hint history__empty">{strings.history.noHistory}</p>;
  return (
    <ul className="history-contacts" aria-label={strings.history.contacts} data-testid="history-contacts">
      {contacts.map((contact) => {
        const open = contact.handle === selection.handle;
        return (
          <li key={contact.handle}>
            <button
              type="button"
              className="history-contacts__contact"
              aria-expanded={open}
              title={strings.history.contactLabel(contact.name, contact.handle, contact.conversations.length)}
              onClick={() => onSelect(open ? {} : { handle: contact.handle, conversationId: contact.conversations[0]?.id })}
              data-testid={`history-contact-${contact.handle}`}
            >
              {contact.name}
            </button>
            {open && (
              <ul className="history-contacts__conversations">
                {contact.conversations.map((summary) => (
                  <li key={summary.id}>
                    <button
                      type="button"
                      className="history-contacts__conversation"
                      aria-current={summary.id === selection.conversationId}
                      onClick={() => onSelect({ handle: contact.handle, conversationId: summary.id })}
                      data-testid="history-conversation"
                      data-id={summary.id}
                    >
                      {conversationDate(summary)} <span className="history__muted">({strings.history.conversationCount(summary.messages)})</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
