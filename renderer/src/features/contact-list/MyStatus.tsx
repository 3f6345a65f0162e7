// My name and status at the top of the list; the button opens the status menu.

import type { SettableStatus } from '../../../../shared/model';
import { stripPlus } from '../../../../shared/plus-tags';
import type { MenuItem } from '../../components/Menu';
import { MenuButton } from '../../components/MenuButton';
import { RichText } from '../../components/rich-text/RichText';
import { StatusIcon } from '../../components/StatusIcon';
import { useCommandWithBanner } from '../../components/use-command';
import { useMessenger } from '../../store/context';
import { selectSession } from '../../store/selectors';
import { strings } from '../../strings';

/** The statuses a user picks from; Idle is only ever set automatically. */
const MENU_STATUSES: readonly SettableStatus[] = ['NLN', 'BSY', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN'];

export function MyStatus() {
  const session = useMessenger(selectSession);
  const runWithBanner = useCommandWithBanner();
  const shown = session.autoIdle ? 'IDL' : session.status;
  const richName = session.friendlyName ?? session.handle ?? '';
  const name = stripPlus(richName);
  const statusText = strings.statusLabel(shown);

  const items: MenuItem[] = MENU_STATUSES.map((code) => ({
    id: `status-${code}`,
    label: strings.statusLabel(code),
    checked: !session.autoIdle && session.status === code,
    separatorBefore: code === 'HDN',
    icon: <StatusIcon status={code === 'HDN' ? 'FLN' : code} />,
    onSelect: () => void runWithBanner('setStatus', code),
  }));

  return (
    <MenuButton
      items={items}
      menuLabel={strings.contactList.myStatus}
      className="my-status__button"
      aria-label={strings.contactList.myStatusButton(name, statusText)}
      data-testid="my-status"
      data-status={shown}
    >
      <StatusIcon status={shown} size={20} />
      <span className="my-status__name" title={name}>
        <RichText text={richName} links={false} />
      </span>
      <span className="my-status__text">({statusText})</span>
      <span className="my-status__arrow" aria-hidden="true">
        ▾
      </span>
    </MenuButton>
  );
}
