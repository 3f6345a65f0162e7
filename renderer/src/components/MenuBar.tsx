// The classic menu bar: F10 focuses it, Alt+first letter opens a menu, arrows move along it
// and into the open menu, Escape closes back to the bar.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { strings } from '../strings';
import { Menu, type MenuCloseReason, type MenuItem } from './Menu';

export interface MenuDefinition {
  /** Stable id; the bar button's test id is `menubar-<id>`. */
  readonly id: string;
  readonly label: string;
  /** The Alt+letter that opens the menu, underlined in its label; the first letter by default. */
  readonly mnemonic?: string;
  readonly items: readonly MenuItem[];
}

const mnemonicOf = (menu: MenuDefinition): string => (menu.mnemonic ?? menu.label.charAt(0)).toLocaleLowerCase();

/** The label with its mnemonic letter underlined; the accessible name stays the plain label. */
function MnemonicLabel({ menu }: { readonly menu: MenuDefinition }) {
  const at = menu.label.toLocaleLowerCase().indexOf(mnemonicOf(menu));
  if (at < 0) return menu.label;
  return (
    <>
      {menu.label.slice(0, at)}
      <span className="menubar__mnemonic">{menu.label.charAt(at)}</span>
      {menu.label.slice(at + 1)}
    </>
  );
}

export function MenuBar({ menus }: { readonly menus: readonly MenuDefinition[] }) {
  const [open, setOpen] = useState<number | undefined>(undefined);
  const [focused, setFocused] = useState(0);
  const buttonRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'F10' && !event.shiftKey) {
        event.preventDefault();
        setFocused(0);
        buttonRefs.current[0]?.focus();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey || event.key.length !== 1) return;
      const letter = event.key.toLocaleLowerCase();
      const index = menus.findIndex((menu) => mnemonicOf(menu) === letter);
      if (index < 0) return;
      event.preventDefault();
      setFocused(index);
      setOpen(index);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [menus]);

  const move = (from: number, direction: -1 | 1): number => (from + direction + menus.length) % menus.length;

  const focusButton = (index: number) => {
    setFocused(index);
    buttonRefs.current[index]?.focus();
  };

  const onButtonKeyDown = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft':
        focusButton(move(index, event.key === 'ArrowLeft' ? -1 : 1));
        break;
      case 'ArrowDown':
      case 'Enter':
      case ' ':
        setOpen(index);
        break;
      case 'Home':
        focusButton(0);
        break;
      case 'End':
        focusButton(menus.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onMenuClose = (reason: MenuCloseReason) => {
    setOpen(undefined);
    if (reason === 'escape' && open !== undefined) buttonRefs.current[open]?.focus();
  };

  return (
    <div className="menubar" role="menubar" aria-label={strings.menu.bar}>
      {menus.map((menu, index) => (
        <div key={menu.id} className="menubar__entry">
          <button
            ref={(element) => {
              buttonRefs.current[index] = element;
            }}
            type="button"
            className="menubar__button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === index}
            tabIndex={focused === index ? 0 : -1}
            data-testid={`menubar-${menu.id}`}
            onKeyDown={onButtonKeyDown(index)}
            onClick={() => setOpen(open === index ? undefined : index)}
            onMouseEnter={() => open !== undefined && open !== index && setOpen(index)}
          >
            <MnemonicLabel menu={menu} />
          </button>
          {open === index && (
            <Menu
              key={menu.id}
              items={menu.items}
              label={menu.label}
              onClose={onMenuClose}
              onNavigate={(direction) => {
                const next = move(index, direction);
                setFocused(next);
                setOpen(next);
              }}
            />
          )}
        </div>
      ))}
    </div>
  );
}
