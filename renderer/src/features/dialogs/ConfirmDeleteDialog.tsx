// Deleting a contact, with the reminder that deleting is not blocking.

import { stripPlus } from '../../../../shared/plus-tags';
import type { Contact } from '../../../../shared/model';
import { command } from '../../bridge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { strings } from '../../strings';

export function ConfirmDeleteDialog({ contact, onClose }: { readonly contact: Contact; readonly onClose: () => void }) {
  return (
    <ConfirmDialog
      title={strings.deleteContact.title}
      sentences={[strings.deleteContact.question(stripPlus(contact.friendlyName)), strings.deleteContact.explanation]}
      confirm={strings.deleteContact.submit}
      action={() => command('removeContact', 'FL', contact.handle)}
      onDone={onClose}
      onClose={onClose}
      testId="delete-contact-dialog"
    />
  );
}
