// Turns a sender's MessageFormat into React style props (the rules are shared/message-style.ts,
// which the HTML export of history uses too).

import type { CSSProperties } from 'react';
import type { MessageFormat } from '../../../../shared/model';
import { messageDeclarations } from '../../../../shared/message-style';

export { contrastOnWhite, readableColour } from '../../../../shared/message-style';

export function messageStyle(format: MessageFormat | undefined): CSSProperties | undefined {
  return messageDeclarations(format, 'var(--font-ui)');
}
