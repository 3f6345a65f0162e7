// The few words the desktop shell draws itself, in native menus, the tray and dialogs that exist
// before and without any window (its own crash, a window whose page hangs): the one place outside
// the renderer's strings module with text a person reads. Everything a window shows, and every
// notification's words, come from renderer/src/strings.ts.

import type { MessengerState, SettableStatus } from '../../shared/model';
import { STATUS_LABELS } from '../../shared/status-labels';

/** An account as the tray names it: its address (names may carry Plus! tags) and how it appears. */
function accountLine(session: MessengerState['session']): string {
  if (session.state === 'online') return `${session.handle ?? ''} (${STATUS_LABELS[session.status]})`;
  return session.handle === undefined ? 'Not signed in' : `${session.handle} (Not signed in)`;
}

export const shellStrings = {
  /** A window's title until its page names itself (document.title). */
  windowTitle: {
    contactList: 'MSN Messenger',
    console: 'Protocol Console',
    conversation: 'Conversation',
    history: 'Message History',
  },
  tray: {
    open: 'Open Contact List',
    signOut: 'Sign Out',
    exit: 'Exit',
    anotherAccount: 'Sign In with Another Account…',
    account: accountLine,
    status: (status: SettableStatus): string => STATUS_LABELS[status],
    tooltip: (sessions: readonly MessengerState['session'][]): string => ['MSN Messenger', ...sessions.map(accountLine)].join('\n'),
  },
  spelling: {
    noSuggestions: 'No Spelling Suggestions',
    addToDictionary: 'Add to Dictionary',
  },
  crash: {
    title: 'MSN Messenger',
    message: 'MSN Messenger ran into a problem and has to restart.',
    detail: (logFolder: string): string =>
      `What went wrong was written to the log in ${logFolder}. You can attach the log file to a bug report.`,
    restart: 'Restart',
    openLogFolder: 'Open Log Folder',
    quit: 'Quit',
  },
  hung: {
    title: 'MSN Messenger',
    message: 'This window is not responding.',
    detail: 'You can wait for it to respond, or reload it.',
    wait: 'Wait',
    reload: 'Reload',
  },
} as const;
