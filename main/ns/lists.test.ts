import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MsnpCommand, MsnpFramer, parseCommand } from '../../protocol/index';
import { type ContactLists, EMPTY_LISTS, type ListEntry, ListSync, listsOf, withEntryOffList, withEntryOnList, withEntryRenamed } from './lists';
import { percentDecode } from '../../protocol/index';
import { isValidHandle } from '../../shared/handles';
import type { ListName } from '../../shared/model';

const dump = [
  'GTC 8 14 A',
  'BLP 8 14 AL',
  'LST 8 FL 14 1 2 anotheruser@hotmail.com Another%20User',
  'LST 8 FL 14 2 2 carol@hotmail.com Carol',
  'LST 8 AL 14 1 2 anotheruser@hotmail.com Another%20User',
  'LST 8 AL 14 2 2 carol@hotmail.com Carol',
  'LST 8 BL 14 0 0',
  'LST 8 RL 14 1 3 anotheruser@hotmail.com Another%20User',
  'LST 8 RL 14 2 3 carol@hotmail.com Carol',
  'LST 8 RL 14 3 3 dave@hotmail.com Dave%20%3A%29',
];

function run(lines: readonly string[]): ListSync {
  const sync = new ListSync(8, 0);
  for (const line of lines) expect(sync.accept(parseCommand(line))).toBe(true);
  return sync;
}

describe('ListSync (§5.1, §5.2)', () => {
  it('completes on the reference dump and decodes the names', () => {
    const sync = run(dump);
    expect(sync.complete).toBe(true);
    const { entries, addedAlert, privacy } = sync.result;
    expect({ addedAlert, privacy }).toEqual({ addedAlert: 'A', privacy: 'AL' });
    expect(listsOf(entries.get('dave@hotmail.com'))).toEqual(['RL']);
    expect(entries.get('dave@hotmail.com')?.names.RL).toBe('Dave :)');
    expect(listsOf(entries.get('carol@hotmail.com'))).toEqual(['FL', 'AL', 'RL']);
  });

  it('does not depend on the order: lists first and settings last (ESC-OLD), or reversed', () => {
    const escOld = [...dump.slice(2), dump[0] as string, dump[1] as string];
    expect(run(escOld).result).toEqual(run(dump).result);
    expect(run([...dump].reverse()).result).toEqual(run(dump).result);
  });

  it('is not complete while GTC, BLP or the last item of any list is missing', () => {
    const essential = [0, 1, 3, 5, 6, 9];
    for (let missing = 0; missing < dump.length; missing++) {
      const sync = new ListSync(8, 0);
      for (const line of dump.filter((_, index) => index !== missing)) sync.accept(parseCommand(line));
      expect(sync.complete).toBe(!essential.includes(missing));
    }
  });

  it('tells its owner once, on the line that completes the dump, whatever the order', () => {
    for (const lines of [dump, [...dump].reverse()]) {
      const completedAt: number[] = [];
      const sync = new ListSync(8, 0, () => completedAt.push(seen));
      let seen = 0;
      for (const line of lines) {
        seen++;
        sync.accept(parseCommand(line));
      }
      sync.accept(parseCommand('LST 8 RL 14 1 1 erin@hotmail.com Erin'));
      expect(completedAt).toEqual([lines.length]);
    }
  });

  it('accepts swapped counters (total index) as sent by the old Escargot', () => {
    const swapped = dump.map((line) => {
      const tokens = line.split(' ');
      if (tokens[0] === 'LST') [tokens[4], tokens[5]] = [tokens[5] as string, tokens[4] as string];
      return tokens.join(' ');
    });
    const sync = run(swapped);
    expect(sync.complete).toBe(true);
    expect([...sync.result.entries.keys()].sort()).toEqual(['anotheruser@hotmail.com', 'carol@hotmail.com', 'dave@hotmail.com']);
  });

  it('leaves lists it handed out as they were when a line comes after', () => {
    const sync = run(dump.slice(0, 4));
    const handedOut = sync.result;
    const before = structuredClone(handedOut);
    sync.accept(parseCommand('LST 8 AL 14 1 2 anotheruser@hotmail.com Another%20User'));
    sync.accept(parseCommand('LST 8 RL 14 1 1 erin@hotmail.com Erin'));
    expect(handedOut).toEqual(before);
    expect(sync.result.entries.get('anotheruser@hotmail.com')?.names).toEqual({ FL: 'Another User', AL: 'Another User' });
    expect(sync.result.entries.get('erin@hotmail.com')?.names).toEqual({ RL: 'Erin' });
    expect(handedOut.entries.get('erin@hotmail.com')).toBeUndefined();
  });

  it('reads lines as the framer hands them out (their params never split) as it reads parsed ones', () => {
    const framed: MsnpCommand[] = [];
    const framer = new MsnpFramer({ command: (command) => framed.push(command), malformed: () => undefined, fatal: () => undefined });
    framer.push(Buffer.from(dump.map((line) => `${line}\r\n`).join('')));
    const sync = new ListSync(8, 0);
    for (const command of framed) expect(sync.accept(command)).toBe(true);
    expect(sync.complete).toBe(true);
    expect(sync.result).toEqual(run(dump).result);
  });

  it('takes no line whose TrID or counters are not whole numbers, or whose list is not one of the four', () => {
    const sync = new ListSync(8, 0);
    for (const line of ['LST 8 FL 14 x 2 a@b.c A', 'LST 8 FL 14 -1 2 a@b.c A', 'LST 8 FL 14 1.5 2 a@b.c A', 'LST 0x8 FL 14 1 2 a@b.c A', 'LST 8 XL 14 1 1 a@b.c A', 'LST 8 FL 14 1']) {
      expect(sync.accept(parseCommand(line))).toBe(false);
    }
    expect(sync.result.entries.size).toBe(0);
  });

  it('makes of any dump what a line-by-line reading by key makes: lists in one order or not, handles repeated, respelt or invalid', () => {
    // The reading the collector must agree with: every entry line looked up by its lower-cased handle.
    const byKey = (lines: ReadonlyArray<{ list: ListName; handle: string; name: string }>): ContactLists['entries'] => {
      const entries = new Map<string, ListEntry>();
      for (const { list, handle, name } of lines) {
        if (!isValidHandle(handle)) continue;
        const known = entries.get(handle.toLowerCase());
        entries.set(handle.toLowerCase(), { handle: known?.handle ?? handle, names: { ...known?.names, [list]: percentDecode(name) } });
      }
      return entries;
    };
    const handles = ['ann@x.example', 'Ann@X.example', 'bob@x.example', 'cy@x.example', 'dee@x.example', 'eve@x.example', '__proto__', 'no-at-sign'];
    const line = fc.record({
      handle: fc.constantFrom(...handles),
      name: fc.constantFrom('Ann', 'Bob%20B', 'Cy', '%E2%98%95'),
    });
    // Each list's lines, mostly the same handles in the same order (as servers send them), sometimes not.
    const dump = fc.record({
      common: fc.array(line, { maxLength: 6 }),
      lists: fc.array(
        fc.record({ list: fc.constantFrom<ListName>('FL', 'AL', 'BL', 'RL'), sameOrder: fc.boolean(), extra: fc.array(line, { maxLength: 2 }), drop: fc.nat(3) }),
        { maxLength: 5 },
      ),
    });
    fc.assert(
      fc.property(dump, ({ common, lists }) => {
        const lines = lists.flatMap(({ list, sameOrder, extra, drop }) => {
          const members = sameOrder ? [...common.slice(drop), ...extra] : [...extra, ...common].reverse();
          return members.map(({ handle, name }) => ({ list, handle, name }));
        });
        const sync = new ListSync(8, 0);
        lines.forEach(({ list, handle, name }, index) => sync.accept(parseCommand(`LST 8 ${list} 14 ${index + 1} 99 ${handle} ${name}`)));
        expect([...sync.result.entries]).toEqual([...byKey(lines)]);
      }),
      { numRuns: 1500 },
    );
  });

  it('ignores lines of other transactions', () => {
    const sync = new ListSync(8, 0);
    expect(sync.accept(parseCommand('LST 9 FL 14 0 0'))).toBe(false);
    expect(sync.accept(parseCommand('ILN 8 NLN a@b.c A'))).toBe(false);
  });
});

describe('list changes', () => {
  it('adds, renames and removes entries keyed case-insensitively', () => {
    let lists = withEntryOnList(EMPTY_LISTS, 'FL', 'Bob@Example.com', 'Bob', 2);
    lists = withEntryOnList(lists, 'AL', 'bob@example.com', 'Bob', 3);
    expect(listsOf(lists.entries.get('bob@example.com'))).toEqual(['FL', 'AL']);
    expect(lists.entries.get('bob@example.com')?.handle).toBe('Bob@Example.com');
    lists = withEntryRenamed(lists, 'BOB@example.com', 'Robert', 4);
    expect(lists.entries.get('bob@example.com')?.names).toEqual({ FL: 'Robert', AL: 'Robert' });
    lists = withEntryOffList(lists, 'FL', 'bob@example.com', 5);
    lists = withEntryOffList(lists, 'AL', 'bob@example.com', 6);
    expect(lists).toEqual({ ...EMPTY_LISTS, version: 6 });
  });
});
