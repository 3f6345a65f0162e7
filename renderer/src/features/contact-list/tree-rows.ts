// The contact tree flattened into rows for the virtual list: a group header, then its contacts
// when the group is expanded.

import type { Contact } from '../../../../shared/model';
import type { ContactSections } from '../../store/selectors';

export type GroupId = 'online' | 'offline';

export type TreeRow =
  | { readonly kind: 'group'; readonly key: string; readonly group: GroupId; readonly count: number; readonly expanded: boolean }
  | {
      readonly kind: 'contact';
      readonly key: string;
      readonly group: GroupId;
      readonly contact: Contact;
      /** 1-based position within its group, and the group's size, for aria-posinset/setsize. */
      readonly position: number;
      readonly groupSize: number;
    };

export const GROUPS: readonly GroupId[] = ['online', 'offline'];

export function treeRows(sections: ContactSections, collapsed: ReadonlySet<GroupId>): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const group of GROUPS) {
    const contacts = sections[group];
    const expanded = !collapsed.has(group);
    rows.push({ kind: 'group', key: `group:${group}`, group, count: contacts.length, expanded });
    if (!expanded) continue;
    contacts.forEach((contact, index) => {
      rows.push({
        kind: 'contact',
        key: `contact:${contact.handle}`,
        group,
        contact,
        position: index + 1,
        groupSize: contacts.length,
      });
    });
  }
  return rows;
}
