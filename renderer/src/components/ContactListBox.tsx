// A small single-select list of contacts (pickers, the privacy lists): arrows and Home/End move,
// Enter or double-click activates.

import { stripPlus } from '../../../shared/plus-tags';
import { useId, type KeyboardEvent } from 'react';
import type { Contact } from '../../../shared/model';
import { strings } from '../strings';
import { StatusIcon } from './StatusIcon';

interface ContactListBoxProps {
  readonly contacts: readonly Contact[];
  readonly selected: number;
  readonly onSelect: (index: number) => void;
  readonly onActivate?: (contact: Contact) => void;
  readonly labelledBy: string;
  readonly testId: string;
  readonly autoFocus?: boolean;
}

export function ContactListBox({ contacts, selected, onSelect, onActivate, labelledBy, testId, autoFocus }: ContactListBoxProps) {
  const listId = useId();
  const chosen = contacts[selected];

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = contacts.length - 1;
    const moves: Record<string, number> = { ArrowDown: selected + 1, ArrowUp: selected - 1, Home: 0, End: last };
    const target = moves[event.key];
    if (target !== undefined) onSelect(Math.max(0, Math.min(last, target)));
    else if (event.key === 'Enter' && chosen && onActivate) onActivate(chosen);
    else return;
    event.preventDefault();
  };

  return (
    <ul
      className="dialog__list"
      role="listbox"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-activedescendant={chosen ? `${listId}-${selected}` : undefined}
      onKeyDown={onKeyDown}
      data-testid={testId}
      data-autofocus={autoFocus || undefined}
    >
      {contacts.map((contact, index) => (
        <li
          key={contact.handle}
          id={`${listId}-${index}`}
          role="option"
          aria-selected={index === selected}
          data-handle={contact.handle}
          onClick={() => onSelect(index)}
          onDoubleClick={() => onActivate?.(contact)}
        >
          <StatusIcon status={contact.status} />
          {strings.conversation.participant(stripPlus(contact.friendlyName), contact.handle)}
        </li>
      ))}
    </ul>
  );
}
