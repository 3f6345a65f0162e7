// A dismissible sentence across the top of a window: errors and things worth knowing now.

import { strings } from '../strings';

interface BannerProps {
  readonly text: string | undefined;
  readonly onDismiss: () => void;
  readonly testId?: string;
}

export function Banner({ text, onDismiss, testId = 'banner' }: BannerProps) {
  if (!text) return null;
  return (
    <div className="banner" role="alert" data-testid={testId}>
      <span className="banner__text">{text}</span>
      <button type="button" className="banner__dismiss" onClick={onDismiss} aria-label={strings.dismiss}>
        ×
      </button>
    </div>
  );
}
