// An error sentence next to the field it concerns (linked with aria-describedby by the field).

import type { AppError } from '../../../shared/model';
import { strings } from '../strings';

export function FieldError({ id, error }: { readonly id: string; readonly error: AppError | string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {typeof error === 'string' ? error : strings.error(error)}
    </p>
  );
}

/** An error that concerns the whole form or dialog, above its buttons. */
export function FormError({ error, testId }: { readonly error: AppError | undefined; readonly testId?: string }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {strings.error(error)}
    </p>
  );
}
