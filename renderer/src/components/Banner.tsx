// A dismissible sentence across the top of a window: errors and things worth knowing now.

import { strings } from '../strings';

export function Banner({ text, onDismiss }: { readonly text: string | undefined; readonly onDismiss: () => void }) {
  if (!text) return null;
  return (
    <div className="banner" role="alert" data-testid="banner">
      <span className="banner__text">{text}</span>
      <button type="button" className="banner__dismiss" onClick={onDismiss} aria-label={strings.dismiss}>
        ×
      </button>
    </div>
  );
}
