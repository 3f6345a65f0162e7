// Under the Hotmail line after a sign-in: who removed me from their contact list since the last
// one, with the way to People Who Have Added You. A notice that waits to be read or dismissed,
// never a dialog in the way.

import { useState } from 'react';
import { stripPlus } from '../../../../shared/plus-tags';
import { useMessenger } from '../../store/context';
import { selectOpenDialog, selectRemovedBy } from '../../store/selectors';
import { strings } from '../../strings';

export function RemovedByNotice() {
  const removedBy = useMessenger(selectRemovedBy);
  const openDialog = useMessenger(selectOpenDialog);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const shown = removedBy.filter((person) => !dismissed.has(person.handle));
  if (shown.length === 0) return null;
  return (
    <div className="removed-by" data-testid="removed-by-notice">
      <p className="removed-by__text">
        {strings.contactList.removedBy(shown.map((person) => stripPlus(person.friendlyName)))}{' '}
        <button type="button" className="link-button" onClick={() => openDialog({ kind: 'added-you' })} data-testid="removed-by-see">
          {strings.contactList.removedBySee}
        </button>
      </p>
      <button
        type="button"
        className="banner__dismiss"
        aria-label={strings.dismiss}
        onClick={() => setDismissed(new Set([...dismissed, ...shown.map((person) => person.handle)]))}
        data-testid="removed-by-dismiss"
      >
        ×
      </button>
    </div>
  );
}
