// What the contact-list window does when something happens: a chime ("Play sounds") and a toast
// that hides itself after a few seconds ("Show alerts") for a message, a contact signing in and
// new mail. A contact may have a sound of their own, and "Alert me when X signs in" alerts for them
// even with everyone's alerts off. The live region announces the same notices (LiveRegion.tsx); the
// desktop app also shows a toast as a system notification while none of its windows has the focus.

import { useEffect, useState } from 'react';
import type { Notice, Settings } from '../../../../shared/ipc';
import { stripPlus } from '../../../../shared/plus-tags';
import { type ContactSound, contactPreferences, wantsSignInAlert } from '../../../../shared/preferences';
import { command } from '../../bridge';
import { useStoreApi } from '../../store/context';
import { strings } from '../../strings';
import { type Chime, playContactSound } from './chimes';
import { focusedConversation } from './focused-conversation';

export const TOAST_MS = 5_000;

export interface Toast {
  /** The notice's sequence number, so the same sentence twice is a new toast. */
  readonly seq: number;
  readonly text: string;
  /** The sound that went with it (`none` when sounds are off), for whoever checks. */
  readonly sound: ContactSound;
}

interface Alert {
  readonly usual: Chime;
  /** The contact's own sound, or `default` for the usual chime. */
  readonly sound: ContactSound;
  readonly text: string;
  readonly toast: boolean;
}

/** What a notice deserves, if anything: its sound and sentence, and whether to show the toast. */
function alertFor(notice: Notice, settings: Settings, account: string | undefined): Alert | undefined {
  const soundOf = (handle: string) => contactPreferences(settings.contactPreferences, account, handle).sound;
  switch (notice.kind) {
    case 'message':
      // The user is reading that conversation already.
      if (focusedConversation() === notice.conversationId) return undefined;
      return {
        usual: 'message',
        sound: soundOf(notice.from),
        text: strings.notices.message(stripPlus(notice.fromName), stripPlus(notice.text)),
        toast: settings.toasts,
      };
    case 'online':
      if (!wantsSignInAlert(settings, account, notice.handle)) return undefined;
      return { usual: 'online', sound: soundOf(notice.handle), text: strings.notices.online(stripPlus(notice.friendlyName)), toast: true };
    case 'new-mail':
      return { usual: 'mail', sound: 'default', text: strings.notices.newMail(notice.from, notice.subject), toast: settings.toasts };
    // Worth knowing, not worth a chime: shown, and kept in People Who Have Added You.
    case 'removed-by':
      return { usual: 'online', sound: 'none', text: strings.notices.removedBy(stripPlus(notice.friendlyName), notice.handle), toast: settings.toasts };
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
      store.subscribe(({ lastNotice, settings, session }, previous) => {
        if (!lastNotice || lastNotice === previous.lastNotice || !settings) return;
        const alert = alertFor(lastNotice.notice, settings, session.handle?.toLowerCase());
        if (!alert) return;
        const sound = settings.sounds ? alert.sound : 'none';
        playContactSound(sound, alert.usual);
        if (!alert.toast) return;
        setToast({ seq: lastNotice.seq, text: alert.text, sound });
        // The same words as a system notification, which the desktop app shows while none of its windows has the focus.
        void command('notify', { title: strings.appName, body: alert.text });
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
