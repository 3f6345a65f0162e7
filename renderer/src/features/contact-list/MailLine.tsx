// The Hotmail line: unread messages in the Inbox, opening it in the browser.

import { command } from '../../bridge';
import { EnvelopeIcon } from '../../components/icons';
import { useMessenger } from '../../store/context';
import { selectMail, selectShowBanner } from '../../store/selectors';
import { strings } from '../../strings';

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
      <EnvelopeIcon className="mail-line__icon" />
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
