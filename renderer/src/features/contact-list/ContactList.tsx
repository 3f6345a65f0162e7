// The signed-in main window's body: me and my status, the Hotmail line, who removed me since last
// time, the filter, the tree.

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { trackContactSections } from '../../store/contact-sections';
import { useMessenger } from '../../store/context';
import { selectContacts, selectFilter, selectSetFilter } from '../../store/selectors';
import { strings } from '../../strings';
import { ActionBar } from './ActionBar';
import { ContactTree } from './ContactTree';
import { MailLine } from './MailLine';
import { MyStatus } from './MyStatus';
import { RemovedByNotice } from './RemovedByNotice';
import '../../styles/contact-list.css';

export function ContactList() {
  const contacts = useMessenger(selectContacts);
  const filter = useMessenger(selectFilter);
  const setFilter = useMessenger(selectSetFilter);
  const [sectionsOf] = useState(trackContactSections);
  const sections = useMemo(() => sectionsOf(contacts, filter), [sectionsOf, contacts, filter]);
  const treeId = useId();
  const filterId = useId();
  const filterRef = useRef<HTMLInputElement>(null);
  // Ctrl+F finds a contact, as the search box of the list, not the browser's find bar.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      filterRef.current?.focus();
      filterRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const total = sections.online.length + sections.offline.length;
  const empty = total === 0 ? (filter.trim() ? strings.contactList.noMatch : strings.contactList.empty) : undefined;

  return (
    <div className="contact-list">
      <header className="contact-list__header">
        <MyStatus />
        <MailLine />
      </header>
      <RemovedByNotice />
      <div className="contact-list__filter">
        <label htmlFor={filterId} className="visually-hidden">
          {strings.contactList.filter}
        </label>
        <input
          id={filterId}
          ref={filterRef}
          type="search"
          className="text-input"
          value={filter}
          placeholder={strings.contactList.filterPlaceholder}
          aria-controls={treeId}
          data-testid="contact-filter"
          onChange={(event) => setFilter(event.target.value)}
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
