// A popup menu (role=menu): arrow keys, Home/End, first-letter jumps, Enter/Space to choose,
// Escape to close. Focus goes back where it came from unless the chosen item moved it on.

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import '../styles/menu.css';

export interface MenuItem {
  /** Stable id; the item's test id is `menu-<id>`. */
  readonly id: string;
  readonly label: string;
  readonly onSelect: () => void;
  readonly disabled?: boolean;
  /** When set the item is a radio item (statuses; the checked one starts focused), or with `kind` a checkbox. */
  readonly checked?: boolean;
  readonly kind?: 'radio' | 'checkbox';
  readonly separatorBefore?: boolean;
  /** A small decorative picture before the label (status icons). */
  readonly icon?: ReactNode;
}

export type MenuCloseReason = 'escape' | 'select' | 'outside' | 'tab';

interface MenuProps {
  readonly items: readonly MenuItem[];
  readonly label: string;
  readonly onClose: (reason: MenuCloseReason) => void;
  /** Viewport coordinates for a context menu; without them CSS places it under its button. */
  readonly position?: { readonly x: number; readonly y: number };
  /** Left/Right arrows inside a menu bar's menu move to the neighbouring menu. */
  readonly onNavigate?: (direction: -1 | 1) => void;
  readonly id?: string;
}

function step(items: readonly MenuItem[], from: number, direction: 1 | -1): number {
  for (let offset = 1; offset <= items.length; offset += 1) {
    const index = (from + direction * offset + items.length * offset) % items.length;
    if (!items[index]?.disabled) return index;
  }
  return from;
}

/** The next enabled item after `from` whose label starts with `letter`, wrapping around; -1 if none. */
function findByLetter(items: readonly MenuItem[], from: number, letter: string): number {
  const wanted = letter.toLocaleLowerCase();
  for (let offset = 1; offset <= items.length; offset += 1) {
    const index = (from + offset) % items.length;
    const item = items[index];
    if (item && !item.disabled && item.label.toLocaleLowerCase().startsWith(wanted)) return index;
  }
  return -1;
}

function initialIndex(items: readonly MenuItem[]): number {
  const checked = items.findIndex((item) => item.checked && item.kind !== 'checkbox' && !item.disabled);
  return checked >= 0 ? checked : step(items, -1, 1);
}

export function Menu({ items, label, onClose, position, onNavigate, id }: MenuProps) {
  const menuRef = useRef<HTMLUListElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const [active, setActive] = useState(() => initialIndex(items));
  const [place, setPlace] = useState(position);

  useLayoutEffect(() => {
    if (!position || !menuRef.current) return;
    const { width, height } = menuRef.current.getBoundingClientRect();
    setPlace({
      x: Math.max(0, Math.min(position.x, window.innerWidth - width)),
      y: Math.max(0, Math.min(position.y, window.innerHeight - height)),
    });
  }, [position]);

  // Declared before the effect that focuses an item, so it records where focus was before the menu.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const menu = menuRef.current;
    // The menu's parent holds its opener too (a menu bar button): pressing that one toggles instead.
    const container = menu?.parentElement ?? menu;
    const onPointerDown = (event: PointerEvent) => {
      if (container && event.target instanceof Node && !container.contains(event.target)) onClose('outside');
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      const focused = document.activeElement;
      if (previous?.isConnected && (!focused || focused === document.body || menu?.contains(focused))) previous.focus();
    };
    // The menu is mounted once per opening; onClose changing identity must not re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    itemRefs.current[active]?.focus();
  }, [active]);

  const choose = (item: MenuItem | undefined) => {
    if (!item || item.disabled) return;
    onClose('select');
    item.onSelect();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive((index) => step(items, index, 1));
        break;
      case 'ArrowUp':
        setActive((index) => step(items, index, -1));
        break;
      case 'Home':
        setActive(step(items, -1, 1));
        break;
      case 'End':
        setActive(step(items, items.length, -1));
        break;
      case 'Enter':
      case ' ':
        choose(items[active]);
        break;
      case 'Escape':
        onClose('escape');
        break;
      case 'Tab':
        onClose('tab');
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!onNavigate) return;
        onNavigate(event.key === 'ArrowLeft' ? -1 : 1);
        break;
      default: {
        const match = event.key.length === 1 ? findByLetter(items, active, event.key) : -1;
        if (match < 0) return;
        setActive(match);
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <ul
      ref={menuRef}
      id={id}
      className={position ? 'menu menu--context' : 'menu'}
      role="menu"
      aria-label={label}
      onKeyDown={onKeyDown}
      style={place ? { left: place.x, top: place.y } : undefined}
    >
      {items.map((item, index) => (
        <li
          key={item.id}
          ref={(element) => {
            itemRefs.current[index] = element;
          }}
          className={item.separatorBefore ? 'menu__item menu__item--separated' : 'menu__item'}
          role={item.checked === undefined ? 'menuitem' : item.kind === 'checkbox' ? 'menuitemcheckbox' : 'menuitemradio'}
          aria-checked={item.checked}
          aria-disabled={item.disabled || undefined}
          tabIndex={index === active ? 0 : -1}
          data-testid={`menu-${item.id}`}
          onClick={() => choose(item)}
          onMouseEnter={() => !item.disabled && setActive(index)}
        >
          <span className="menu__check" aria-hidden="true" />
          {item.icon}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
