// A dialog that asks for one e-mail address and runs a command with it (Add a Contact, Invite a
// Friend). The address is checked with the same schema main uses before anything is sent.

import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { CommandResult } from '../../../../shared/commands';
import { handleSchema } from '../../../../shared/schemas';
import { Dialog } from '../../components/Dialog';
import { DismissButton, SubmitAndCancel } from '../../components/DialogButtons';
import { TextField } from '../../components/TextField';
import { inputError, useCommand } from '../../components/use-command';
import { strings } from '../../strings';

interface AddressDialogProps {
  readonly title: string;
  readonly prompt: string;
  readonly note?: ReactNode;
  readonly submitLabel: string;
  readonly testId: string;
  readonly submit: (handle: string) => Promise<CommandResult<void>>;
  /** Shown after success instead of closing, when the user should read something. */
  readonly successText?: (handle: string) => string;
  readonly onClose: () => void;
}

export function AddressDialog({ title, prompt, note, submitLabel, testId, submit, successText, onClose }: AddressDialogProps) {
  const [address, setAddress] = useState('');
  const [done, setDone] = useState<string | undefined>(undefined);
  const runner = useCommand();
  const promptId = useId();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = handleSchema.safeParse(address);
    if (!parsed.success) {
      runner.setError(inputError('invalid-handle'));
      return;
    }
    const result = await runner.run(() => submit(parsed.data));
    if (!result.ok) return;
    if (successText) setDone(successText(parsed.data));
    else onClose();
  };

  return (
    <Dialog title={title} onClose={onClose} describedBy={promptId} testId={testId}>
      {done ? (
        <>
          <p className="dialog__text" role="status">
            {done}
          </p>
          <DismissButton label={strings.close} onClose={onClose} />
        </>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <p id={promptId} className="dialog__text">
            {prompt}
          </p>
          {note}
          <TextField
            label={strings.addContact.handle}
            type="email"
            value={address}
            onChange={setAddress}
            spellCheck={false}
            autoFocus
            testId={`${testId}-address`}
            error={runner.error}
          />
          <SubmitAndCancel label={submitLabel} pending={runner.pending} testId={`${testId}-submit`} onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
