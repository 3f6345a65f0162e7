import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_THROTTLE, SignInThrottle } from './sign-in-throttle';

const ANN = { account: 'ann@x.com', address: '198.51.100.7' };

function throttle() {
  const clock = { now: 0 };
  return { clock, throttle: new SignInThrottle(DEFAULT_SIGN_IN_THROTTLE, () => clock.now) };
}

/** Makes checks one after the other, each as soon as allowed, all failing; returns the waits. */
function failInTurn(subject: SignInThrottle, clock: { now: number }, count: number, keys = ANN): Array<number | undefined> {
  const waits: Array<number | undefined> = [];
  for (let index = 0; index < count; index++) {
    const wait = subject.reserve(keys);
    waits.push(wait);
    if (wait === undefined) continue;
    clock.now += wait;
    subject.settle(keys, false);
  }
  return waits;
}

describe('the sign-in throttle', () => {
  it('answers the first wrong passwords at once, then waits a gap that doubles up to a ceiling', () => {
    const { clock, throttle: subject } = throttle();
    expect(failInTurn(subject, clock, 9)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('makes checks that arrive together wait their turn, and refuses those whose turn is too far away', () => {
    const { throttle: subject } = throttle();
    const waits = Array.from({ length: 8 }, () => subject.reserve(ANN));
    expect(waits).toEqual([0, 0, 0, 1000, 3000, 7000, 15_000, undefined]);
  });

  it('slows guesses at many accounts from one address, and at one account from many addresses', () => {
    const { clock, throttle: subject } = throttle();
    const spray = Array.from({ length: 5 }, (_, index) => ({ account: `victim${index}@x.com`, address: ANN.address }));
    expect(spray.map((keys) => failInTurn(subject, clock, 1, keys)[0])).toEqual([0, 0, 0, 1000, 2000]);
    const botnet = Array.from({ length: 5 }, (_, index) => ({ account: 'target@x.com', address: `203.0.113.${index}` }));
    expect(botnet.map((keys) => failInTurn(subject, clock, 1, keys)[0])).toEqual([0, 0, 0, 1000, 2000]);
  });

  it('forgets an account’s failures when its password is right, but not the address’s', () => {
    const { clock, throttle: subject } = throttle();
    failInTurn(subject, clock, 4);
    clock.now += 2000;
    expect(subject.reserve(ANN)).toBe(0);
    subject.settle(ANN, true);
    expect(subject.reserve({ account: ANN.account, address: '203.0.113.9' })).toBe(0);
    expect(subject.reserve({ account: 'other@x.com', address: ANN.address })).toBeGreaterThan(0);
  });

  it('gives back a check that was never made, and forgets everything after a quiet while', () => {
    const { clock, throttle: subject } = throttle();
    for (let index = 0; index < 3; index++) subject.reserve(ANN);
    for (let index = 0; index < 3; index++) subject.settle(ANN, undefined);
    clock.now += 1000;
    expect(subject.reserve(ANN)).toBe(0);
    subject.settle(ANN, undefined);
    failInTurn(subject, clock, 6);
    clock.now += DEFAULT_SIGN_IN_THROTTLE.forgetAfterMs;
    expect(subject.reserve(ANN)).toBe(0);
  });
});
