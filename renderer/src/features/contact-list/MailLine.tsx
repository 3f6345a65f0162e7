// The Hotmail line: unread messages in the Inbox, opening it in the browser.

import { EnvelopeIcon } from '../../components/icons';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectMail } from '../../store/selectors';
import { strings } from '../../strings';

export function MailLine() {
  const mail = useMessenger(selectMail);
  const runWithBanner = useCommandWithBanner();
  if (!mail.enabled) return null;
  return (
    <div className="mail-line">
      <EnvelopeIcon className="mail-line__icon" />
      <button
        type="button"
        className="link-button"
        data-testid="mail-line"
        aria-label={strings.contactList.mailLabel(mail.inboxUnread)}
        onClick={() => void runWithBanner('openInbox')}
      >
        {strings.contactList.mail(mail.inboxUnread)}
      </button>
    </div>
  );
}
