// Which presence changes are worth an alert: a contact signing in, not a status change, and not the
// ILN lines that say who was online when I signed in. A contact whose connection flaps (or a
// server that floods presence lines) would otherwise raise an alert, a sound and a toast per line:
// each contact is announced at most once per ALERT_INTERVAL_MS.

import type { StatusCode } from '../../shared/model';

export const ALERT_INTERVAL_MS = 60_000;

export class SignInAlerts {
  /** Each contact's last status, to tell a sign-in from a status change. */
  private readonly lastStatus = new Map<string, StatusCode>();
  private readonly lastAlert = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the change; true when it should be announced. */
  seen({ handle, status, initial }: { readonly handle: string; readonly status: StatusCode; readonly initial: boolean }): boolean {
    const before = this.lastStatus.get(handle) ?? 'FLN';
    this.lastStatus.set(handle, status);
    if (initial || before !== 'FLN' || status === 'FLN') return false;
    const now = this.now();
    const last = this.lastAlert.get(handle);
    if (last !== undefined && now - last < ALERT_INTERVAL_MS) return false;
    this.lastAlert.set(handle, now);
    return true;
  }

  /** Signed out: the next sign-in starts from nobody online. */
  clear(): void {
    this.lastStatus.clear();
    this.lastAlert.clear();
  }
}
