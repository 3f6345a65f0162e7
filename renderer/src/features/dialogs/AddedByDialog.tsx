// "X has added you to their contact list": allow or block them, and maybe add them back.

import { useId, useState, type FormEvent } from 'react';
import type { AddedByRequest } from '../../../../shared/model';
import { command } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FieldError';
import { useCommand } from '../../components/use-command';
import { strings } from '../../strings';

interface AddedByDialogProps {
  readonly request: AddedByRequest;
  readonly alreadyInContacts: boolean;
  /** Closing without answering puts the question aside while this window stays open. */
  readonly onDefer: () => void;
}

export function AddedByDialog({ request, alreadyInContacts, onDefer }: AddedByDialogProps) {
  const [allow, setAllow] = useState(true);
  const [addToContacts, setAddToContacts] = useState(!alreadyInContacts);
  const runner = useCommand();
  const textId = useId();
  const name = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void runner.run(() => command('answerAddedBy', request.handle, { allow, addToContacts: addToContacts && !alreadyInContacts }));
  };

  return (
    <Dialog title={strings.addedBy.title} onClose={onDefer} describedBy={textId} testId="added-by-dialog">
      <form onSubmit={onSubmit}>
        <p id={textId} className="dialog__text">
          {strings.addedBy.text(request.friendlyName, request.handle)}
        </p>
        <FormError error={runner.error} />
        <fieldset className="fieldset">
          <legend>{strings.addedBy.question}</legend>
          <label className="field field--inline">
            <input type="radio" name={name} checked={allow} onChange={() => setAllow(true)} data-testid="added-by-allow" data-autofocus />
            {strings.addedBy.allow}
          </label>
          <label className="field field--inline">
            <input type="radio" name={name} checked={!allow} onChange={() => setAllow(false)} data-testid="added-by-block" />
            {strings.addedBy.block}
          </label>
        </fieldset>
        {!alreadyInContacts && (
          <label className="field field--inline">
            <input
              type="checkbox"
              checked={addToContacts}
              onChange={(event) => setAddToContacts(event.target.checked)}
              data-testid="added-by-add"
            />
            {strings.addedBy.addToContacts}
          </label>
        )}
        <div className="dialog__buttons">
          <button type="submit" className="button button--primary" disabled={runner.pending} data-testid="added-by-ok">
            {strings.ok}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
