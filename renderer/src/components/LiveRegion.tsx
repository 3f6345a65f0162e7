// Announces notices (messages, new mail, contacts signing in) to screen readers.

import type { Notice } from '../../../shared/ipc';
import { stripPlus } from '../../../shared/plus-tags';
import { useMessenger } from '../store/context';
import { selectLastNotice } from '../store/selectors';
import { strings } from '../strings';

function noticeText(notice: Notice): string {
  switch (notice.kind) {
    case 'message':
      return strings.notices.message(stripPlus(notice.fromName), stripPlus(notice.text));
    case 'new-mail':
      return strings.notices.newMail(notice.from, notice.subject);
    case 'online':
      return strings.notices.online(stripPlus(notice.friendlyName));
    case 'added-by':
      return strings.notices.addedBy(stripPlus(notice.friendlyName));
    case 'removed-by':
      return strings.notices.removedBy(stripPlus(notice.friendlyName), notice.handle);
    case 'error':
      return strings.error(notice.error);
    case 'signed-out':
      return notice.error ? strings.error(notice.error) : strings.notices.signedOut;
    case 'history':
      return strings.history.problem(notice.problem, notice.setAsideAs);
    case 'history-recovered':
      return strings.history.recovered;
  }
}

/**
 * Whether a window announces the notice: every window announces messages (a transcript is drawn
 * only where it is scrolled, so it cannot announce them itself); a conversation's error is a line
 * in its transcript, so its window leaves it to the contact list.
 */
function announces(notice: Notice, conversationId: string | undefined): boolean {
  if (notice.kind === 'error') return conversationId === undefined || notice.conversationId === undefined;
  return true;
}

/** `conversationId`: the conversation this window shows, if it is a conversation window. */
export function LiveRegion({ conversationId }: { readonly conversationId?: string }) {
  const received = useMessenger(selectLastNotice);
  const notice = received?.notice;
  const skip = notice !== undefined && !announces(notice, conversationId);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-label={strings.notices.live} data-testid="live-region">
      {notice && !skip ? noticeText(notice) : ''}
    </div>
  );
}
