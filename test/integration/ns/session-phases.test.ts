// The notification session's phases as a real sign-in and sign-out walk them, against the
// project's server.

import { afterEach, describe, expect, it } from 'vitest';
import { ListCache } from '../../../main/ns/list-cache';
import { NotificationSession } from '../../../main/ns/session';
import { type Harness, PASSWORD, startHarness } from './harness';

describe('a notification session against the project server', () => {
  let harness: Harness;
  afterEach(() => harness.cleanup());

  it('walks idle → signing-in → syncing → going-online → online, then ending → ended on sign-out', async () => {
    harness = await startHarness({ accounts: [{ handle: 'me@example.org', password: PASSWORD }] });
    const session = new NotificationSession({
      server: harness.address,
      handle: 'me@example.org',
      password: PASSWORD,
      listCache: new ListCache(`${harness.dataDir}/lists`),
    });
    const seen = [session.phase.name];
    session.on('step', () => seen.push(session.phase.name));
    await session.start({ status: 'NLN' });
    seen.push(session.phase.name);
    const signingOut = session.signOut();
    seen.push(session.phase.name);
    await signingOut;
    seen.push(session.phase.name);
    expect(seen.filter((name, index) => name !== seen[index - 1])).toEqual([
      'idle',
      'signing-in',
      'syncing',
      'online',
      'ending',
      'ended',
    ]);
    expect(session.phase).toMatchObject({ name: 'ended', end: { reason: 'user' }, wasOnline: true });
    // A session that ended cannot start again: that is a new session's job.
    await expect(session.start({ status: 'NLN' })).rejects.toThrow('cannot go from ended to signing-in');
  });
});
