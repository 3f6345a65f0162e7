import { describe, expect, it } from 'vitest';
import { DEFAULT_INVITATION_LIMITS, InvitationPolicy } from './invitation-policy';

const NONE_OPEN = { openConversations: 0, joinsExisting: false };
const ring = (host: string, port: number) => ({ host, port, cookie: 'c', sessionId: '1', inviter: 'a@x.com', inviterName: 'A' });

describe('which invitations are answered', () => {
  it('answers only so many at once; a finished answer makes room', () => {
    const policy = new InvitationPolicy();
    const inviters = Array.from({ length: DEFAULT_INVITATION_LIMITS.maxAnswering + 1 }, (_, index) => `p${index}@x.com`);
    expect(inviters.map((inviter) => policy.admit(inviter, NONE_OPEN))).toEqual([...inviters.slice(1).map(() => undefined), 'answering']);
    policy.answered();
    expect(policy.admit('late@x.com', NONE_OPEN)).toBeUndefined();
    expect(policy.refused).toBe(1);
  });

  it('opens no conversation beyond the cap, counting those being answered, but lets an invitation join an open one', () => {
    const policy = new InvitationPolicy();
    const full = { openConversations: DEFAULT_INVITATION_LIMITS.maxConversations - 1, joinsExisting: false };
    expect(policy.admit('a@x.com', full)).toBeUndefined();
    expect(policy.admit('b@x.com', full)).toBe('conversations');
    expect(policy.admit('b@x.com', { ...full, joinsExisting: true })).toBeUndefined();
  });

  it('gives each inviter a burst, then one more per refill interval', () => {
    const clock = { now: 0 };
    const policy = new InvitationPolicy(DEFAULT_INVITATION_LIMITS, () => clock.now);
    const burst = (inviter: string, count: number) =>
      Array.from({ length: count }, () => {
        const refusal = policy.admit(inviter, NONE_OPEN);
        if (!refusal) policy.answered();
        return refusal ?? 'answered';
      });
    expect(burst('a@x.com', 7)).toEqual(['answered', 'answered', 'answered', 'answered', 'answered', 'inviter', 'inviter']);
    expect(burst('b@x.com', 1)).toEqual(['answered']);
    clock.now += DEFAULT_INVITATION_LIMITS.perInviterRefillMs;
    expect(burst('a@x.com', 2)).toEqual(['answered', 'inviter']);
    clock.now += 5 * DEFAULT_INVITATION_LIMITS.perInviterRefillMs;
    expect(burst('a@x.com', 6)).toEqual(['answered', 'answered', 'answered', 'answered', 'answered', 'inviter']);
  });

  it('counts invitations that lead away from the server’s address family or to a privileged port', () => {
    const policy = new InvitationPolicy();
    expect(policy.isUnusual(ring('198.51.100.21', 1863), '203.0.113.5')).toBe(false);
    expect(policy.isUnusual(ring('198.51.100.21', 1864), 'messenger.example.com')).toBe(false);
    expect(policy.isUnusual(ring('::1', 1863), '203.0.113.5')).toBe(true);
    expect(policy.isUnusual(ring('198.51.100.21', 25), '203.0.113.5')).toBe(true);
    expect(policy.isUnusual(ring('switchboard.example.com', 1863), '203.0.113.5')).toBe(true);
    expect(policy.unusual).toBe(3);
  });
});
