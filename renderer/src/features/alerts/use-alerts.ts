// What the contact-list window does when something happens: a chime ("Play sounds") and a toast
// that hides itself after a few seconds ("Show alerts") for a message, a contact signing in and
// new mail. The live region announces the same notices (components/LiveRegion.tsx).

import { useEffect, useState } from 'react';
import type { Notice } from '../../../../shared/ipc';
import { useStoreApi } from '../../store/context';
import { strings } from '../../strings';
import { type Chime, playChime } from './chimes';
import { focusedConversation } from './focused-conversation';

export const TOAST_MS = 5_000;

export interface Toast {
  /** The notice's sequence number, so the same sentence twice is a new toast. */
  readonly seq: number;
  readonly text: string;
}

/** The chime and the sentence of a notice worth an alert; undefined for the others. */
function alertFor(notice: Notice): { readonly chime: Chime; readonly text: string } | undefined {
  switch (notice.kind) {
    case 'message':
      // The user is reading that conversation already.
      if (focusedConversation() === notice.conversationId) return undefined;
      return { chime: 'message', text: strings.notices.message(notice.fromName, notice.text) };
    case 'online':
      return { chime: 'online', text: strings.notices.online(notice.friendlyName) };
    case 'new-mail':
      return { chime: 'mail', text: strings.notices.newMail(notice.from, notice.subject) };
    default:
      return undefined;
  }
}

/** Plays and shows the alerts of new notices, as the settings allow; returns the toast to show. */
export function useAlerts(): Toast | undefined {
  const store = useStoreApi();
  const [toast, setToast] = useState<Toast>();

  // Only notices that arrive while the window is open: one from before is old news.
  useEffect(
    () =>
      store.subscribe(({ lastNotice, settings }, previous) => {
        if (!lastNotice || lastNotice === previous.lastNotice) return;
        const alert = alertFor(lastNotice.notice);
        if (!alert) return;
        if (settings?.sounds) playChime(alert.chime);
        if (settings?.toasts) setToast({ seq: lastNotice.seq, text: alert.text });
      }),
    [store],
  );

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(undefined), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return toast;
}
