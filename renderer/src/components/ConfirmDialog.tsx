// A question before something that cannot be undone: its sentences, the action's button, and
// Cancel (which has the focus). A failure shows in the dialog; success closes it.

import { useId } from 'react';
import type { CommandResult } from '../../../shared/commands';
import { Dialog } from './Dialog';
import { FormError } from './FieldError';
import { useCommand } from './use-command';
import { strings } from '../strings';

interface ConfirmDialogProps<T> {
  readonly title: string;
  readonly sentences: readonly string[];
  /** The action's button label. */
  readonly confirm: string;
  readonly action: () => Promise<CommandResult<T>>;
  readonly onDone: (value: T) => void;
  readonly onClose: () => void;
  /** The dialog's test id; its button's is `<testId>` without `-dialog`, plus `-confirm`. */
  readonly testId: string;
}

export function ConfirmDialog<T>({ title, sentences, confirm, action, onDone, onClose, testId }: ConfirmDialogProps<T>) {
  const runner = useCommand();
  const textId = useId();
  const run = async () => {
    const result = await runner.run(action);
    if (result.ok) onDone(result.value);
  };
  return (
    <Dialog title={title} onClose={onClose} describedBy={textId} testId={testId}>
      <div id={textId}>
        {sentences.map((sentence) => (
          <p key={sentence} className="dialog__text">
            {sentence}
          </p>
        ))}
      </div>
      <FormError error={runner.error} />
      <div className="dialog__buttons">
        <button
          type="button"
          className="button button--primary"
          disabled={runner.pending}
          onClick={() => void run()}
          data-testid={`${testId.replace(/-dialog$/, '')}-confirm`}
        >
          {confirm}
        </button>
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {strings.cancel}
        </button>
      </div>
    </Dialog>
  );
}
