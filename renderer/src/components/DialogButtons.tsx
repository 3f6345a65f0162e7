// The button rows at the foot of a dialog, so that every dialog's buttons look and behave alike.

import { strings } from '../strings';

interface SubmitAndCancelProps {
  /** The primary button's text (OK unless the dialog's action has a name). */
  readonly label?: string;
  /** While the command runs, the primary button is disabled so it is not sent twice. */
  readonly pending?: boolean;
  readonly testId?: string;
  readonly onCancel: () => void;
}

/** The row under a dialog's form: the primary button submits the form, Cancel closes the dialog. */
export function SubmitAndCancel({ label = strings.ok, pending, testId, onCancel }: SubmitAndCancelProps) {
  return (
    <div className="dialog__buttons">
      <button type="submit" className="button button--primary" disabled={pending} data-testid={testId}>
        {label}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {strings.cancel}
      </button>
    </div>
  );
}

/** The one button of a dialog that only tells something: it has the focus and closes the dialog. */
export function DismissButton({ label = strings.ok, onClose }: { readonly label?: string; readonly onClose: () => void }) {
  return (
    <div className="dialog__buttons">
      <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
        {label}
      </button>
    </div>
  );
}
