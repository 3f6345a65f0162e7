import { describe, expect, it } from 'vitest';
import { type MsnpCommand, ProtocolError, parseCommand } from '../../protocol/index';
import type { NsContext } from './context';
import { EMPTY_LISTS, type ContactLists, withEntryOnList } from './lists';
import { StoredNameSync } from './stored-names';

const ME = 'me@example.org';

/** A context over in-memory lists whose REA requests are recorded and answered by `answer`. */
function contextWith(lists: ContactLists, answer: (params: readonly string[]) => Promise<MsnpCommand>) {
  const requests: string[] = [];
  let current = lists;
  const context: NsContext = {
    dialect: () => 'MSNP3',
    handle: () => ME,
    lists: () => current,
    commitLists: (next) => (current = next),
    request: (name, params = []) => {
      requests.push([name, ...params].join(' '));
      return answer(params);
    },
    emit: () => undefined,
    malformed: () => undefined,
    nameSeen: () => undefined,
    addedMe: () => undefined,
  };
  return { context, requests, lists: () => current };
}

const echo = (params: readonly string[]): Promise<MsnpCommand> => Promise.resolve(parseCommand(`REA 9 20 ${params.join(' ')}`));
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const bobOnFl = withEntryOnList(withEntryOnList(EMPTY_LISTS, 'FL', 'Bob@Example.com', 'Bob', 3), 'AL', 'Bob@Example.com', 'Bob', 4);

describe('StoredNameSync (§5.6, §5.9)', () => {
  it('stores a new name with one REA and keeps the echoed version and name', async () => {
    const { context, requests, lists } = contextWith(bobOnFl, echo);
    const sync = new StoredNameSync(context);
    sync.seen('bob@example.com', 'Bob');
    sync.seen('bob@example.com', 'Bobby ü');
    sync.seen('bob@example.com', 'Bobby ü');
    await settled();
    sync.seen('bob@example.com', 'Bobby ü');
    expect(requests).toEqual(['REA bob@example.com Bobby%20%C3%BC']);
    expect(lists().version).toBe(20);
    expect(lists().entries.get('bob@example.com')?.names).toEqual({ FL: 'Bobby ü', AL: 'Bobby ü' });
  });

  it('leaves my own handle and people who are not on my forward list alone', async () => {
    const lists = withEntryOnList(withEntryOnList(bobOnFl, 'FL', ME, 'Me', 5), 'AL', 'carol@example.com', 'Carol', 6);
    const { context, requests } = contextWith(lists, echo);
    const sync = new StoredNameSync(context);
    sync.seen('ME@example.org', 'Me, renamed');
    sync.seen('carol@example.com', 'Caroline');
    sync.seen('dave@example.com', 'Dave');
    await settled();
    expect(requests).toEqual([]);
  });

  it('does not ask again for a name the server refused (800: too fast), but tries the next name', async () => {
    const logged: string[] = [];
    const { context, requests } = contextWith(bobOnFl, () => Promise.reject(new ProtocolError(800, 9, 'REA')));
    const sync = new StoredNameSync(context, (line) => logged.push(line));
    sync.seen('bob@example.com', 'Bobby');
    await settled();
    sync.seen('bob@example.com', 'Bobby');
    sync.seen('bob@example.com', 'Robert');
    await settled();
    expect(requests).toEqual(['REA bob@example.com Bobby', 'REA bob@example.com Robert']);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatch(/^could not store bob@example.com's new name: /);
  });
});
