// A button that opens a popup menu under it (the WAI-ARIA menu button): click, Enter or Space
// toggle the menu, ArrowDown opens it; the Menu itself returns focus to the button on close.

import { useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Menu, type MenuItem } from './Menu';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick' | 'onKeyDown' | 'aria-haspopup' | 'aria-expanded'>;

interface MenuButtonProps extends ButtonProps {
  readonly items: readonly MenuItem[];
  /** The menu's accessible name. */
  readonly menuLabel: string;
  readonly children: ReactNode;
}

export function MenuButton({ items, menuLabel, children, ...buttonProps }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  // The wrapper holds both, so the menu treats a press on the button as inside (it toggles).
  return (
    <div className="menu-button">
      <button
        {...buttonProps}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </button>
      {open && <Menu items={items} label={menuLabel} onClose={() => setOpen(false)} />}
    </div>
  );
}
