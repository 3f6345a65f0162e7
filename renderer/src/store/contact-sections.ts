// The contact list's sections kept up to date as contacts change. Sorting 5000 names with the
// collator takes tens of milliseconds, too long to repeat for every status change in a presence
// storm; a change to a few contacts instead moves just those, found and placed by binary search.

import { contactByKey, contactKey } from '../../../shared/contacts';
import type { Contact, MessengerState } from '../../../shared/model';
import { diffContacts } from '../../../shared/state';
import { compareContacts, contactSections, isOnline, matchesFilter, type ContactSections } from './selectors';

type Contacts = MessengerState['contacts'];

/** Beyond this many changed contacts, sorting everything again is as quick. */
const MOST_MOVES = 64;

/** Where `contact` is, or belongs, in a section sorted by compareContacts. */
function position(section: readonly Contact[], contact: Contact): number {
  let low = 0;
  let high = section.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareContacts(section[middle] as Contact, contact) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isShown(contact: Contact | undefined, filter: string): contact is Contact {
  return contact !== undefined && contact.lists.includes('FL') && matchesFilter(contact, filter);
}

/** The sections for `contacts`, from those of `before`; undefined when too much changed to be worth it. */
export function moveChangedContacts(before: Contacts, sections: ContactSections, contacts: Contacts, filter: string): ContactSections | undefined {
  // The patches that made `contacts` noted which they changed; otherwise every contact is compared.
  const diff = diffContacts(before, contacts);
  const changed = [...(diff?.set ?? []).map((contact) => contactKey(contact.handle)), ...(diff?.remove ?? [])];
  if (changed.length > MOST_MOVES) return undefined;
  const next = { online: [...sections.online], offline: [...sections.offline] };
  for (const key of changed) {
    const previous = contactByKey(before, key);
    if (isShown(previous, filter)) {
      const section = isOnline(previous) ? next.online : next.offline;
      const at = position(section, previous);
      if (section[at] !== previous) return undefined;
      section.splice(at, 1);
    }
    const current = contactByKey(contacts, key);
    if (isShown(current, filter)) {
      const section = isOnline(current) ? next.online : next.offline;
      section.splice(position(section, current), 0, current);
    }
  }
  return next;
}

/** A memo of the sections for one list: each call starts from the previous call's sections. */
export function trackContactSections(): (contacts: Contacts, filter: string) => ContactSections {
  let last: { contacts: Contacts; filter: string; sections: ContactSections } | undefined;
  return (contacts, filter) => {
    if (last?.contacts === contacts && last.filter === filter) return last.sections;
    const moved = last?.filter === filter ? moveChangedContacts(last.contacts, last.sections, contacts, filter) : undefined;
    last = { contacts, filter, sections: moved ?? contactSections(contacts, filter) };
    return last.sections;
  };
}
