// The alert in the corner of the contact-list window. Screen readers hear the same sentence from
// the live region, so the toast itself is only seen.

import type { Toast } from './use-alerts';

export function AlertToast({ toast }: { readonly toast: Toast | undefined }) {
  if (!toast) return null;
  return (
    <div key={toast.seq} className="toast" aria-hidden="true" data-testid="toast" data-sound={toast.sound}>
      {toast.text}
    </div>
  );
}
