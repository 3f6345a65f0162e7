// "X has added you to their contact list": allow or block them, and maybe add them back.

import { stripPlus } from '../../../../shared/plus-tags';
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
  /**
   * Called once answered, or closed without an answer (the question is then put aside while this
   * window stays open); the queue in main catches up with its next patch.
   */
  readonly onDone: () => void;
}

export function AddedByDialog({ request, alreadyInContacts, onDone }: AddedByDialogProps) {
  const [allow, setAllow] = useState(true);
  const [addToContacts, setAddToContacts] = useState(!alreadyInContacts);
  const runner = useCommand();
  const textId = useId();
  const name = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const answer = { allow, addToContacts: addToContacts && !alreadyInContacts };
    const result = await runner.run(() => command('answerAddedBy', request.handle, answer));
    if (result.ok) onDone();
  };

  return (
    <Dialog title={strings.addedBy.title} onClose={onDone} describedBy={textId} testId="added-by-dialog">
      <form onSubmit={(event) => void onSubmit(event)}>
        <p id={textId} className="dialog__text">
          {strings.addedBy.text(stripPlus(request.friendlyName), request.handle)}
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
