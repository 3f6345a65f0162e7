// Applies the chosen look to the window: `data-theme` on <html> picks the colours in
// styles/themes.css, CSS zoom the UI scale (the icons are SVG, so they stay sharp at any size), and
// "follow the system" listens to the computer's light or dark choice as it changes.

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { ThemeChoice } from '../../../shared/preferences';
import { useMessenger } from '../store/context';
import { selectSettings } from '../store/selectors';
import { SURFACES, type Surface, type ThemeName } from './surfaces';

const DARK = '(prefers-color-scheme: dark)';
const MORE_CONTRAST = '(prefers-contrast: more), (forced-colors: active)';

/** A page without media queries (jsdom in tests) has no system choice to follow: classic. */
const matches = (query: string): boolean => typeof window.matchMedia === 'function' && window.matchMedia(query).matches;

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const queries = [DARK, MORE_CONTRAST].map((query) => window.matchMedia(query));
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

function systemTheme(): ThemeName {
  if (matches(MORE_CONTRAST)) return 'high-contrast';
  return matches(DARK) ? 'night' : 'classic';
}

export function resolveTheme(choice: ThemeChoice, system: ThemeName): ThemeName {
  return choice === 'system' ? system : choice;
}

const ThemeContext = createContext<ThemeName>('classic');

/** The surface text from the network is drawn on, in this window's theme. */
export function useSurface(): Surface {
  return SURFACES[useContext(ThemeContext)];
}

export function ThemeRoot({ children }: { readonly children: ReactNode }) {
  const settings = useMessenger(selectSettings);
  const system = useSyncExternalStore(subscribe, systemTheme);
  const theme = resolveTheme(settings?.theme ?? 'classic', system);
  const scale = settings?.uiScale ?? 100;
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.zoom = scale === 100 ? '' : String(scale / 100);
  }, [theme, scale]);
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}
