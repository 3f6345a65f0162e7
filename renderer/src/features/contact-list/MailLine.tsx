// The Hotmail line: unread messages in the Inbox, opening it in the browser.

import { command } from '../../bridge';
import { useMessenger } from '../../store/context';
import { selectMail, selectShowBanner } from '../../store/selectors';
import { strings } from '../../strings';

function Envelope() {
  return (
    <svg width={16} height={12} viewBox="0 0 16 12" aria-hidden="true" focusable="false" className="mail-line__icon">
      <rect x={0.5} y={0.5} width={15} height={11} rx={1} fill="#fff8dc" stroke="#8a6d1d" />
      <path d="M0.5 1 L8 7 L15.5 1" fill="none" stroke="#8a6d1d" />
    </svg>
  );
}

export function MailLine() {
  const mail = useMessenger(selectMail);
  const showBanner = useMessenger(selectShowBanner);
  if (!mail.enabled) return null;
  const openInbox = async () => {
    const result = await command('openInbox');
    if (!result.ok) showBanner(result.error.message);
  };
  return (
    <div className="mail-line">
      <Envelope />
      <button
        type="button"
        className="link-button"
        data-testid="mail-line"
        aria-label={strings.contactList.mailLabel(mail.inboxUnread)}
        onClick={() => void openInbox()}
      >
        {strings.contactList.mail(mail.inboxUnread)}
      </button>
    </div>
  );
}
