// The few words the desktop shell draws itself, in native menus and the tray that exist before and
// without any window: the one place outside the renderer's strings module with text a person reads.
// Everything a window shows, and every notification's words, come from renderer/src/strings.ts.

import type { MessengerState } from '../../shared/model';
import { STATUS_LABELS } from '../../shared/status-labels';

export const shellStrings = {
  tray: {
    open: 'Open MSN Messenger',
    signOut: 'Sign Out',
    exit: 'Exit',
    tooltip: (session: MessengerState['session']): string =>
      session.state !== 'online'
        ? 'MSN Messenger (not signed in)'
        : `MSN Messenger: ${session.friendlyName ?? session.handle ?? ''} (${STATUS_LABELS[session.status]})`,
  },
  spelling: {
    noSuggestions: 'No Spelling Suggestions',
    addToDictionary: 'Add to Dictionary',
  },
} as const;
