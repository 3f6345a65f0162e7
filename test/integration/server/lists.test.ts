import { describe, expect, it } from 'vitest';
import type { MsnServer } from '../../../server/index';
import { ANOTHER, EXAMPLE, NEWFRIEND, SESSION_ACCOUNTS, STRANGER, goOnline, linesBeforePong, signIn, useServerTest } from './fixtures';

const { clients, startServer } = useServerTest();
let server: MsnServer;

describe('SYN and LST', () => {
  it('sends the full data set in the reference order when the cached version differs (§5.1, §5.2)', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('SYN 8 12');
    expect(await linesBeforePong(me)).toEqual([
      'SYN 8 1',
      'GTC 8 1 A',
      'BLP 8 1 AL',
      'LST 8 FL 1 1 2 anotheruser@hotmail.com Another%20User',
      'LST 8 FL 1 2 2 carol@hotmail.com Carol',
      'LST 8 AL 1 1 2 anotheruser@hotmail.com Another%20User',
      'LST 8 AL 1 2 2 carol@hotmail.com Carol',
      'LST 8 BL 1 0 0',
      'LST 8 RL 1 1 3 anotheruser@hotmail.com Another%20User',
      'LST 8 RL 1 2 3 carol@hotmail.com Carol',
      'LST 8 RL 1 3 3 dave@hotmail.com Dave%20%3A)',
    ]);
  });

  it('answers only SYN when the client is current', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('SYN 8 1');
    expect(await linesBeforePong(me)).toEqual(['SYN 8 1']);
  });

  it('answers a client LST outside SYN with the same line format', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('LST 5 BL');
    me.client.send('LST 6 AL');
    expect(await linesBeforePong(me)).toEqual([
      'LST 5 BL 1 0 0',
      'LST 6 AL 1 1 2 anotheruser@hotmail.com Another%20User',
      'LST 6 AL 1 2 2 carol@hotmail.com Carol',
    ]);
  });
});

describe('GTC and BLP', () => {
  it('changes the mode with a new version, answers 218 for the same mode, and drops a bad value', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('GTC 5 N');
    await me.client.expect('GTC 5 2 N');
    me.client.send('GTC 6 N');
    await me.client.expect('218 6');
    me.client.send('BLP 7 BL');
    await me.client.expect('BLP 7 3 BL');
    me.client.send('BLP 8 BL');
    await me.client.expect('218 8');
    me.client.send('SYN 9 0');
    expect((await linesBeforePong(me)).slice(0, 3)).toEqual(['SYN 9 3', 'GTC 9 3 N', 'BLP 9 3 BL']);
    me.client.send('BLP 10 XX');
    await me.client.expectClosed();
  });
});

describe('ADD, REM, REA', () => {
  it('adds with a new version, and answers 215, 205, 201, 209 and 219 for the bad cases', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('ADD 10 AL dave@hotmail.com Dave%20%3A%29');
    await me.client.expect('ADD 10 AL 2 dave@hotmail.com Dave%20%3A%29');
    me.client.send('ADD 11 AL dave@hotmail.com Dave');
    await me.client.expect('215 11');
    me.client.send('ADD 12 FL ghost@hotmail.com ghost@hotmail.com');
    await me.client.expect('205 12');
    me.client.send('ADD 13 FL not-a-handle not-a-handle');
    await me.client.expect('201 13');
    me.client.send(`ADD 14 FL stranger@hotmail.com ${'x'.repeat(388)}`);
    await me.client.expect('209 14');
    me.client.send('ADD 15 FL stranger@hotmail.com Bad%0AName');
    await me.client.expect('209 15');
    me.client.send('ADD 16 BL anotheruser@hotmail.com Another%20User');
    await me.client.expect('219 16');
    me.client.send('ADD 17 ZL stranger@hotmail.com x');
    await me.client.expect('201 17');
    me.client.send('ADD 18 FL');
    await me.client.expect('300 18');
    me.client.send('SYN 19 1');
    await me.client.expect('SYN 19 2');
  });

  it('answers 210 when a list is full', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS, listLimits: { FL: 2 } });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('ADD 5 FL newfriend@hotmail.com newfriend@hotmail.com');
    await me.client.expect('210 5');
    me.client.send('ADD 6 AL newfriend@hotmail.com newfriend@hotmail.com');
    await me.client.expect('ADD 6 AL 2 newfriend@hotmail.com newfriend@hotmail.com');
  });

  it('drops a client that tries to edit its reverse list', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('ADD 5 RL stranger@hotmail.com x');
    await me.client.expectClosed();
    const again = await signIn(server, EXAMPLE, clients);
    again.client.send('REM 5 RL dave@hotmail.com');
    await again.client.expectClosed();
  });

  it('removes with a new version and answers 216 when the handle is not on the list', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('REM 5 FL carol@hotmail.com');
    await me.client.expect('REM 5 FL 2 carol@hotmail.com');
    me.client.send('REM 6 FL carol@hotmail.com');
    await me.client.expect('216 6');
    me.client.send('REM 7 BL stranger@hotmail.com');
    await me.client.expect('216 7');
    me.client.send('LST 8 FL');
    await me.client.expect('LST 8 FL 2 1 1 anotheruser@hotmail.com Another%20User');
  });

  it('tells the other user ADD 0 RL and REM 0 RL when added to or removed from a forward list', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    const stranger = await signIn(server, STRANGER, clients);
    stranger.client.send('ADD 5 FL example@hotmail.com example@hotmail.com');
    await stranger.client.expect('ADD 5 FL 2 example@hotmail.com example@hotmail.com');
    await me.client.expect('ADD 0 RL 2 stranger@hotmail.com Some%20Stranger');
    me.client.send('ADD 5 BL stranger@hotmail.com Some%20Stranger');
    await me.client.expect('ADD 5 BL 3 stranger@hotmail.com Some%20Stranger');
    stranger.client.send('REM 6 FL example@hotmail.com');
    await stranger.client.expect('REM 6 FL 3 example@hotmail.com');
    await me.client.expect('REM 0 RL 4 stranger@hotmail.com');
    me.client.send('LST 6 RL');
    expect(await linesBeforePong(me)).not.toContainEqual(expect.stringContaining('stranger'));
  });

  it('keeps the reverse list for someone who is signed out, for their next SYN', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const friend = await signIn(server, NEWFRIEND, clients);
    friend.client.send('ADD 5 FL stranger@hotmail.com stranger@hotmail.com');
    await friend.client.expect('ADD 5 FL 2 stranger@hotmail.com stranger@hotmail.com');
    const stranger = await signIn(server, STRANGER, clients);
    stranger.client.send('SYN 5 1');
    expect(await linesBeforePong(stranger)).toContain('LST 5 RL 2 1 1 newfriend@hotmail.com Caf%C3%A9%20Friend');
  });

  it('follows an ADD FL of an online contact with ILN carrying the same TrID (§13.6)', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    await goOnline(server, NEWFRIEND, clients);
    const me = await goOnline(server, EXAMPLE, clients);
    me.client.send('ADD 15 FL newfriend@hotmail.com newfriend@hotmail.com');
    me.client.send('ADD 16 AL newfriend@hotmail.com newfriend@hotmail.com');
    expect(await linesBeforePong(me)).toEqual([
      'ADD 15 FL 2 newfriend@hotmail.com newfriend@hotmail.com',
      'ILN 15 NLN newfriend@hotmail.com Caf%C3%A9%20Friend',
      'ADD 16 AL 3 newfriend@hotmail.com newfriend@hotmail.com',
    ]);
  });

  it('renames me with REA and tells my watchers with NLN; renames a stored contact; 216 for strangers', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const watcher = await goOnline(server, ANOTHER, clients);
    const me = await goOnline(server, EXAMPLE, clients);
    await watcher.client.expect('NLN NLN example@hotmail.com Example%20User');
    me.client.send('REA 14 example@hotmail.com Ex%C3%A9mple%20User');
    await me.client.expect('ILN 5 NLN anotheruser@hotmail.com Another%20User');
    await me.client.expect('REA 14 2 example@hotmail.com Ex%C3%A9mple%20User');
    await watcher.client.expect('NLN NLN example@hotmail.com Ex%C3%A9mple%20User');
    me.client.send('REA 15 carol@hotmail.com Carol%20(working)');
    await me.client.expect('REA 15 3 carol@hotmail.com Carol%20(working)');
    me.client.send('REA 16 stranger@hotmail.com Whoever');
    await me.client.expect('216 16');
    me.client.send(`REA 17 example@hotmail.com ${'%41'.repeat(130)}`);
    await me.client.expect('209 17');
    me.client.send('LST 18 FL');
    expect(await linesBeforePong(me)).toContain('LST 18 FL 3 2 2 carol@hotmail.com Carol%20(working)');
  });
});
