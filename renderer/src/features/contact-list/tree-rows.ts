// The contact tree flattened into rows for the virtual list: a group header, then its contacts
// when the group is expanded (or a note saying nobody is online, which focus passes over).

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
    }
  | { readonly kind: 'note'; readonly key: string; readonly group: GroupId };

export const GROUPS: readonly GroupId[] = ['online', 'offline'];

/** `noteNobodyOnline`: under an empty Online group, say so (pointless while searching or with no contacts). */
export function treeRows(sections: ContactSections, collapsed: ReadonlySet<GroupId>, noteNobodyOnline: boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const group of GROUPS) {
    const contacts = sections[group];
    const expanded = !collapsed.has(group);
    rows.push({ kind: 'group', key: `group:${group}`, group, count: contacts.length, expanded });
    if (!expanded) continue;
    if (group === 'online' && contacts.length === 0 && noteNobodyOnline) rows.push({ kind: 'note', key: 'note:online', group });
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
