// The signed-in main window's body: me and my status, the Hotmail line, the filter, the tree.

import { useId, useMemo } from 'react';
import { SearchField } from '../../components/SearchField';
import { useMessenger } from '../../store/context';
import { contactSections, selectContacts, selectFilter, selectSetFilter } from '../../store/selectors';
import { strings } from '../../strings';
import { ActionBar } from './ActionBar';
import { ContactTree } from './ContactTree';
import { MailLine } from './MailLine';
import { MyStatus } from './MyStatus';
import '../../styles/contact-list.css';

export function ContactList() {
  const contacts = useMessenger(selectContacts);
  const filter = useMessenger(selectFilter);
  const setFilter = useMessenger(selectSetFilter);
  const sections = useMemo(() => contactSections(contacts, filter), [contacts, filter]);
  const treeId = useId();
  const total = sections.online.length + sections.offline.length;
  const empty = total === 0 ? (filter.trim() ? strings.contactList.noMatch : strings.contactList.empty) : undefined;

  return (
    <div className="contact-list">
      <header className="contact-list__header">
        <MyStatus />
        <MailLine />
      </header>
      <div className="contact-list__filter">
        <SearchField
          label={strings.contactList.filter}
          placeholder={strings.contactList.filterPlaceholder}
          value={filter}
          onChange={setFilter}
          aria-controls={treeId}
          data-testid="contact-filter"
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            document.getElementById(treeId)?.focus();
          }}
        />
      </div>
      <ContactTree sections={sections} id={treeId} searching={filter.trim() !== ''} />
      {empty && (
        <p className="contact-list__empty" role="status">
          {empty}
        </p>
      )}
      <ActionBar />
    </div>
  );
}
