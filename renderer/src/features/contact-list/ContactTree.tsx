// The contact list proper: a tree (Online / Not Online, each contact under its group), drawn
// through the virtual list. Focus stays on the tree; aria-activedescendant names the active row,
// which is always drawn and scrolled into view when the keyboard moves it.

import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { stripPlus } from '../../../../shared/plus-tags';
import { contactPreferences } from '../../../../shared/preferences';
import { useMessenger } from '../../store/context';
import { Menu } from '../../components/Menu';
import { RichText } from '../../components/rich-text/RichText';
import { StatusIcon } from '../../components/StatusIcon';
import { useVirtualList, VirtualRows } from '../../components/VirtualList';
import { selectAccount, selectAllContactPreferences, type ContactSections } from '../../store/selectors';
import { strings } from '../../strings';
import { contactMenuItems, isBlocked, useContactActions } from './use-contact-actions';
import { treeRows, type GroupId, type TreeRow } from './tree-rows';

export const ROW_HEIGHT = 22;

const PAGE_ROWS = 10;

const rowPlace = (index: number): number => index;

interface ContextMenuState {
  readonly row: Extract<TreeRow, { kind: 'contact' }>;
  readonly position: { readonly x: number; readonly y: number };
}

const GROUP_LABEL: Readonly<Record<GroupId, string>> = {
  online: strings.contactList.online,
  offline: strings.contactList.offline,
};

function contactLabel(row: Extract<TreeRow, { kind: 'contact' }>): string {
  const { contact } = row;
  const blocked = isBlocked(contact) ? ` ${strings.contactList.blockedSuffix}` : '';
  return `${stripPlus(contact.friendlyName)} (${strings.statusLabel(contact.status)})${blocked}`;
}

interface ContactTreeProps {
  readonly sections: ContactSections;
  readonly id: string;
  /** The filter is narrowing the list, so an empty Online group says nothing about who is online. */
  readonly searching: boolean;
}

export function ContactTree({ sections, id, searching }: ContactTreeProps) {
  const rowIdPrefix = useId();
  const actions = useContactActions();
  const [collapsed, setCollapsed] = useState<ReadonlySet<GroupId>>(() => new Set());
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const [menu, setMenu] = useState<ContextMenuState | undefined>(undefined);
  const account = useMessenger(selectAccount);
  const allPreferences = useMessenger(selectAllContactPreferences);
  const noteNobodyOnline = !searching && sections.offline.length > 0;
  const rows = useMemo(() => treeRows(sections, collapsed, noteNobodyOnline), [sections, collapsed, noteNobodyOnline]);

  const found = activeKey === undefined ? -1 : rows.findIndex((row) => row.key === activeKey);
  const activeIndex = found >= 0 ? found : 0;
  const active = rows[activeIndex];
  const rowId = (index: number) => `${rowIdPrefix}-row-${index}`;

  const viewportRef = useRef<HTMLDivElement>(null);
  const keepIndices = useMemo(() => [activeIndex], [activeIndex]);
  const virtualizer = useVirtualList(
    useCallback(() => viewportRef.current, []),
    // Every row is one height, so a row's place is key enough: the key function never changes, and
    // the virtualizer does not lay 5000 rows out again each time a status change moves a contact.
    { count: rows.length, rowKey: rowPlace, estimateHeight: ROW_HEIGHT, fixedHeight: true, keepIndices },
  );
  useLayoutEffect(() => virtualizer.scrollToIndex(activeIndex), [activeIndex, virtualizer]);

  /** Notes are never first or last, so stepping on in `direction` always finds a row to focus. */
  const activate = (index: number, direction: -1 | 1 = 1) => {
    let at = Math.max(0, Math.min(rows.length - 1, index));
    while (rows[at]?.kind === 'note') at += direction;
    const row = rows[at];
    if (row) setActiveKey(row.key);
  };

  const toggleGroup = (group: GroupId, expand?: boolean) => {
    setCollapsed((current) => {
      const next = new Set(current);
      const shouldExpand = expand ?? next.has(group);
      if (shouldExpand) next.delete(group);
      else next.add(group);
      return next;
    });
  };

  const openMenuAt = (row: Extract<TreeRow, { kind: 'contact' }>, x: number, y: number) => setMenu({ row, position: { x, y } });

  const openMenuFromKeyboard = (index: number) => {
    const row = rows[index];
    if (row?.kind !== 'contact') return;
    const box = document.getElementById(rowId(index))?.getBoundingClientRect();
    openMenuAt(row, (box?.left ?? 0) + 24, (box?.bottom ?? 0) - 2);
  };

  const findByLetter = (letter: string): number => {
    const wanted = letter.toLocaleLowerCase();
    for (let offset = 1; offset <= rows.length; offset += 1) {
      const index = (activeIndex + offset) % rows.length;
      const row = rows[index];
      if (row?.kind === 'contact' && stripPlus(row.contact.friendlyName).toLocaleLowerCase().startsWith(wanted)) return index;
    }
    return -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!active) return;
    if ((event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu') {
      event.preventDefault();
      openMenuFromKeyboard(activeIndex);
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        activate(activeIndex + 1);
        break;
      case 'ArrowUp':
        activate(activeIndex - 1, -1);
        break;
      case 'PageDown':
        activate(activeIndex + PAGE_ROWS);
        break;
      case 'PageUp':
        activate(activeIndex - PAGE_ROWS, -1);
        break;
      case 'Home':
        activate(0);
        break;
      case 'End':
        activate(rows.length - 1);
        break;
      case 'ArrowRight':
        if (active.kind === 'group' && !active.expanded) toggleGroup(active.group, true);
        else if (active.kind === 'group' && active.count > 0) activate(activeIndex + 1);
        break;
      case 'ArrowLeft':
        if (active.kind === 'group') toggleGroup(active.group, false);
        else setActiveKey(`group:${active.group}`);
        break;
      case 'Enter':
        if (active.kind === 'group') toggleGroup(active.group);
        else if (active.kind === 'contact') void actions.sendMessage(active.contact);
        break;
      case 'Delete':
        if (active.kind !== 'contact') return;
        actions.confirmDelete(active.contact);
        break;
      default: {
        const match = event.key.length === 1 && !event.ctrlKey && !event.altKey ? findByLetter(event.key) : -1;
        if (match < 0) return;
        activate(match);
      }
    }
    event.preventDefault();
  };

  const renderRow = (index: number) => {
    const row = rows[index] as TreeRow;
    if (row.kind === 'note') {
      return (
        <div role="none" className="tree-row tree-row--note" data-testid={`note-${row.group}`}>
          {strings.contactList.nobodyOnline}
        </div>
      );
    }
    const common = {
      id: rowId(index),
      role: 'treeitem',
      className: index === activeIndex ? 'tree-row tree-row--active' : 'tree-row',
      'aria-selected': index === activeIndex,
      onClick: () => setActiveKey(row.key),
    };
    if (row.kind === 'group') {
      const label = strings.contactList.section(GROUP_LABEL[row.group], row.count);
      return (
        <div
          {...common}
          aria-level={1}
          aria-expanded={row.expanded}
          aria-setsize={2}
          aria-posinset={row.group === 'online' ? 1 : 2}
          aria-label={label}
          data-testid={`group-${row.group}`}
          onDoubleClick={() => toggleGroup(row.group)}
        >
          <span
            className="tree-row__twisty"
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              setActiveKey(row.key);
              toggleGroup(row.group);
            }}
          >
            {row.expanded ? '−' : '+'}
          </span>
          <span className="tree-row__group">{label}</span>
        </div>
      );
    }
    const { contact } = row;
    const suffix = strings.statusSuffix(contact.status);
    return (
      <div
        {...common}
        aria-level={2}
        aria-setsize={row.groupSize}
        aria-posinset={row.position}
        aria-label={contactLabel(row)}
        data-testid={`contact-${contact.handle}`}
        data-handle={contact.handle}
        onDoubleClick={() => void actions.sendMessage(contact)}
        onContextMenu={(event: MouseEvent) => {
          event.preventDefault();
          setActiveKey(row.key);
          openMenuAt(row, event.clientX, event.clientY);
        }}
      >
        <StatusIcon status={contact.status} blocked={isBlocked(contact)} />
        <span className="tree-row__name" title={strings.contactList.nameTooltip(stripPlus(contact.friendlyName), contact.handle)}>
          <RichText text={contact.friendlyName} links={false} />
        </span>
        {suffix && <span className="tree-row__status">{suffix}</span>}
        {isBlocked(contact) && <span className="tree-row__status">{strings.contactList.blockedSuffix}</span>}
      </div>
    );
  };

  return (
    <>
      <VirtualRows
        virtualizer={virtualizer}
        viewportRef={viewportRef}
        rowHeight={ROW_HEIGHT}
        id={id}
        className="contact-tree"
        role="tree"
        aria-label={strings.contactList.list}
        aria-activedescendant={active ? rowId(activeIndex) : undefined}
        tabIndex={0}
        data-testid="contact-list"
        renderRow={renderRow}
        onKeyDown={onKeyDown}
      />
      {menu && (
        <div className="context-menu-layer">
          <Menu
            items={contactMenuItems(menu.row.contact, actions, contactPreferences(allPreferences ?? {}, account, menu.row.contact.handle))}
            label={strings.contactList.contextMenu(stripPlus(menu.row.contact.friendlyName))}
            position={menu.position}
            onClose={() => setMenu(undefined)}
          />
        </div>
      )}
    </>
  );
}
