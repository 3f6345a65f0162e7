import { describe, expect, it } from 'vitest';
import { ALERT_INTERVAL_MS, SignInAlerts } from './sign-in-alerts';

describe('sign-in alerts', () => {
  it('announce a contact signing in, not a status change, an initial ILN or going offline', () => {
    const alerts = new SignInAlerts(() => 0);
    expect(alerts.seen({ handle: 'ann@x.com', status: 'NLN', initial: true })).toBe(false);
    expect(alerts.seen({ handle: 'bob@x.com', status: 'NLN', initial: false })).toBe(true);
    expect(alerts.seen({ handle: 'bob@x.com', status: 'BSY', initial: false })).toBe(false);
    expect(alerts.seen({ handle: 'bob@x.com', status: 'FLN', initial: false })).toBe(false);
  });

  it('announce each contact at most once a minute, however often they flap', () => {
    const clock = { now: 0 };
    const alerts = new SignInAlerts(() => clock.now);
    const flap = () => {
      alerts.seen({ handle: 'bob@x.com', status: 'FLN', initial: false });
      return alerts.seen({ handle: 'bob@x.com', status: 'NLN', initial: false });
    };
    expect([flap(), flap(), flap()]).toEqual([true, false, false]);
    clock.now += ALERT_INTERVAL_MS - 1;
    expect(flap()).toBe(false);
    clock.now += 1;
    expect(flap()).toBe(true);
  });

  it('start afresh after a sign-out', () => {
    const alerts = new SignInAlerts(() => 0);
    alerts.seen({ handle: 'bob@x.com', status: 'NLN', initial: false });
    alerts.clear();
    expect(alerts.seen({ handle: 'bob@x.com', status: 'NLN', initial: false })).toBe(true);
  });
});
