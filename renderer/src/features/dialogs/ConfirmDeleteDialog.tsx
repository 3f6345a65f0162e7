// Deleting a contact, with the reminder that deleting is not blocking.

import { stripPlus } from '../../../../shared/plus-tags';
import { useId } from 'react';
import type { Contact } from '../../../../shared/model';
import { command } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FieldError';
import { useCommand } from '../../components/use-command';
import { strings } from '../../strings';

export function ConfirmDeleteDialog({ contact, onClose }: { readonly contact: Contact; readonly onClose: () => void }) {
  const runner = useCommand();
  const textId = useId();
  const remove = async () => {
    const result = await runner.run(() => command('removeContact', 'FL', contact.handle));
    if (result.ok) onClose();
  };
  return (
    <Dialog title={strings.deleteContact.title} onClose={onClose} describedBy={textId} testId="delete-contact-dialog">
      <div id={textId}>
        <p className="dialog__text">{strings.deleteContact.question(stripPlus(contact.friendlyName))}</p>
        <p className="dialog__text">{strings.deleteContact.explanation}</p>
      </div>
      <FormError error={runner.error} />
      <div className="dialog__buttons">
        <button type="button" className="button button--primary" disabled={runner.pending} onClick={() => void remove()} data-testid="delete-contact-confirm">
          {strings.deleteContact.submit}
        </button>
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {strings.cancel}
        </button>
      </div>
    </Dialog>
  );
}
