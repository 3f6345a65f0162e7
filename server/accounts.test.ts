import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountStore, loadAccountsFile } from './accounts';
import { DEMO_ACCOUNTS } from './demo';

describe('AccountStore', () => {
  it('fills reverse lists from forward lists in both directions, whatever the seed order', () => {
    const store = new AccountStore();
    store.add({ handle: 'a@example.com', password: 'a', friendlyName: 'Ann', lists: { FL: ['b@example.com'] } });
    store.add({ handle: 'B@example.com', password: 'b', friendlyName: 'Bé', lists: { FL: ['a@example.com'] } });
    expect([...store.get('b@example.com')!.lists.RL]).toEqual([['a@example.com', 'Ann']]);
    expect([...store.get('a@example.com')!.lists.RL]).toEqual([['b@example.com', 'B%C3%A9']]);
    expect([...store.get('a@example.com')!.lists.FL]).toEqual([['b@example.com', 'B%C3%A9']]);
  });

  it('refuses duplicate and invalid handles', () => {
    const store = new AccountStore();
    store.add({ handle: 'a@example.com', password: 'a' });
    expect(() => store.add({ handle: 'A@example.com', password: 'x' })).toThrow(/Duplicate/);
    expect(() => store.add({ handle: 'nobody', password: 'x' })).toThrow(/Invalid account handle/);
    expect(() => store.add({ handle: 'c@example.com', password: 'x', lists: { FL: ['oops'] } })).toThrow(/Invalid handle oops/);
  });

  it('loads the demo set: you see the bot and friends, and two people who added you wait for an answer', () => {
    const store = new AccountStore();
    for (const seed of DEMO_ACCOUNTS) store.add(seed);
    const you = store.get('you@demo.msn')!;
    expect([...you.lists.FL.keys()]).toContain('buddy@demo.msn');
    const undecided = [...you.lists.RL.keys()].filter((handle) => !you.lists.AL.has(handle) && !you.lists.BL.has(handle));
    expect(undecided).toEqual(['dave@demo.msn', 'erin@demo.msn']);
  });
});

describe('loadAccountsFile', () => {
  /** Every folder a test wrote a file in (some write several). */
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  function write(content: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'msn-accounts-'));
    dirs.push(dir);
    const path = join(dir, 'accounts.json');
    writeFileSync(path, content);
    return path;
  }

  it('reads an array of account seeds', () => {
    const path = write(JSON.stringify([{ handle: 'a@example.com', password: 'a', lists: { FL: ['b@example.com'] }, privacy: 'BL' }]));
    expect(loadAccountsFile(path)).toEqual([{ handle: 'a@example.com', password: 'a', lists: { FL: ['b@example.com'] }, privacy: 'BL' }]);
  });

  it('names the bad entry and field', () => {
    expect(() => loadAccountsFile(write(JSON.stringify([{ handle: 'a@example.com', password: 'a' }, { handle: 'x', password: 'b' }])))).toThrow(
      /at 1\.handle: not a valid handle/,
    );
    expect(() => loadAccountsFile(write(JSON.stringify([{ handle: 'a@example.com', password: 'a', privacy: 'XX' }])))).toThrow(/at 0\.privacy/);
    expect(() => loadAccountsFile(write('{not json'))).toThrow(/Cannot read accounts/);
  });
});
