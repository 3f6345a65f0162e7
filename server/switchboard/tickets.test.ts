import { describe, expect, it } from 'vitest';
import { TicketBook } from './tickets';

function book(maxPerHolder = 100) {
  const clock = { now: 1_000 };
  return { clock, tickets: new TicketBook<string>(120_000, maxPerHolder, () => clock.now) };
}

describe('switchboard tickets', () => {
  it('admits their holder once, within their lifetime', () => {
    const { clock, tickets } = book();
    const once = tickets.issue('ann@x.com', 'new session') as string;
    expect(once).toMatch(/^\d{8}\.\d{10}\.\d{5}$/);
    expect(tickets.take(once, 'bob@x.com')).toBeUndefined();
    expect(tickets.take(once, 'ann@x.com')).toBe('new session');
    expect(tickets.take(once, 'ann@x.com')).toBeUndefined();
    const late = tickets.issue('ann@x.com', 'late') as string;
    clock.now += 120_000;
    expect(tickets.take(late, 'ann@x.com')).toBeUndefined();
  });

  it('keeps only live tickets, dropping the expired ones as new ones are issued', () => {
    const { clock, tickets } = book(5_000);
    for (let index = 0; index < 3_000; index++) tickets.issue('ann@x.com', 'old');
    clock.now += 60_000;
    for (let index = 0; index < 10; index++) tickets.issue('ann@x.com', 'newer');
    expect(tickets.size).toBe(3_010);
    clock.now += 60_000;
    tickets.issue('ann@x.com', 'newest');
    expect(tickets.size).toBe(11);
  });

  it('gives one holder only so many unused tickets; using one or letting it expire frees its place', () => {
    const { clock, tickets } = book(3);
    const cookies = [1, 2, 3].map(() => tickets.issue('ann@x.com', 'x') as string);
    expect(tickets.issue('ann@x.com', 'x')).toBeUndefined();
    expect(tickets.issue('bob@x.com', 'x')).toEqual(expect.any(String));
    tickets.take(cookies[0] as string, 'ann@x.com');
    expect(tickets.issue('ann@x.com', 'x')).toEqual(expect.any(String));
    expect(tickets.issue('ann@x.com', 'x')).toBeUndefined();
    clock.now += 120_000;
    expect(tickets.issue('ann@x.com', 'x')).toEqual(expect.any(String));
  });
});
