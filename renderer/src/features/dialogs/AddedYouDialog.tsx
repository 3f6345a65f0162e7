// Tools → People Who Have Added You: the server's reverse list, each person marked mutual (on my
// list too) or one-way (with Add), and who took me off their list since I last signed in (found at
// sign-in from the reverse list cached the time before). Nothing here is guessed: only the server's
// own lists.

import { useMemo } from 'react';
import { stripPlus } from '../../../../shared/plus-tags';
import type { Contact } from '../../../../shared/model';
import { command } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { DismissButton } from '../../components/DialogButtons';
import { FormError } from '../../components/FieldError';
import { useCommand } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { listMembers, selectContacts, selectRemovedBy } from '../../store/selectors';
import { strings } from '../../strings';

function Person({ contact, onAdd, pending }: { readonly contact: Contact; readonly onAdd: () => void; readonly pending: boolean }) {
  const name = stripPlus(contact.friendlyName);
  const mutual = contact.lists.includes('FL');
  return (
    <li className="added-you__person" data-testid={`added-you-${contact.handle}`} data-mutual={mutual}>
      <span className="added-you__name">{strings.conversation.participant(name, contact.handle)}</span>
      <span className={mutual ? 'added-you__mark added-you__mark--mutual' : 'added-you__mark'}>{mutual ? strings.addedYou.mutual : strings.addedYou.oneWay}</span>
      {!mutual && (
        <button type="button" className="button button--small" onClick={onAdd} disabled={pending} aria-label={strings.addedYou.addLabel(name)} data-testid={`added-you-add-${contact.handle}`}>
          {strings.addedYou.add}
        </button>
      )}
    </li>
  );
}

export function AddedYouDialog({ onClose }: { readonly onClose: () => void }) {
  const contacts = useMessenger(selectContacts);
  const removedBy = useMessenger(selectRemovedBy);
  const reverse = useMemo(() => listMembers(contacts, 'RL'), [contacts]);
  const adding = useCommand();

  return (
    <Dialog title={strings.addedYou.title} onClose={onClose} testId="added-you-dialog" wide>
      <p className="dialog__text">{strings.addedYou.intro}</p>
      <ul className="dialog__list added-you" aria-label={strings.addedYou.list} data-testid="added-you-list">
        {reverse.length === 0 && <li className="added-you__person">{strings.addedYou.none}</li>}
        {reverse.map((contact) => (
          <Person key={contact.handle} contact={contact} pending={adding.pending} onAdd={() => void adding.run(() => command('addContact', 'FL', contact.handle))} />
        ))}
      </ul>
      <FormError error={adding.error} testId="added-you-error" />
      {removedBy.length > 0 && (
        <>
          <h3 className="dialog__subtitle">{strings.addedYou.removedTitle}</h3>
          <ul className="dialog__list added-you" aria-label={strings.addedYou.removed} data-testid="removed-you-list">
            {removedBy.map((person) => (
              <li key={person.handle} className="added-you__person" data-testid={`removed-you-${person.handle}`}>
                {strings.conversation.participant(stripPlus(person.friendlyName), person.handle)}
              </li>
            ))}
          </ul>
        </>
      )}
      <DismissButton label={strings.addedYou.close} onClose={onClose} />
    </Dialog>
  );
}
