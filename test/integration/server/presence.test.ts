import { describe, expect, it } from 'vitest';
import type { MsnServer } from '../../../server/index';
import { ANOTHER, CAROL, EXAMPLE, SESSION_ACCOUNTS, goOnline, linesBeforePong, signIn, useServerTest } from './fixtures';

const { clients, startServer } = useServerTest();
let server: MsnServer;

describe('CHG and initial presence', () => {
  it('sends one ILN per visible online contact after the first CHG only (§5.5, §13.4)', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    await goOnline(server, ANOTHER, clients, 'AWY');
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('CHG 9 NLN');
    await me.client.expect('CHG 9 NLN');
    await me.client.expect('ILN 9 AWY anotheruser@hotmail.com Another%20User');
    me.client.send('CHG 10 BSY');
    expect(await linesBeforePong(me)).toEqual(['CHG 10 BSY']);
  });

  it('tells nothing to a watcher before its first CHG', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    await goOnline(server, ANOTHER, clients);
    expect(await linesBeforePong(me)).toEqual([]);
  });

  it('answers 201 to CHG FLN and to an unknown status', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('CHG 5 FLN');
    await me.client.expect('201 5');
    me.client.send('CHG 6 XYZ');
    await me.client.expect('201 6');
    expect(server.onlineHandles()).toEqual([EXAMPLE.handle]);
  });

  it('delivers NLN for status changes and FLN when a contact signs out (§13.5)', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const carol = await goOnline(server, CAROL, clients, 'BSY');
    await me.client.expect('NLN BSY carol@hotmail.com Carol');
    await carol.client.expect('ILN 5 NLN example@hotmail.com Example%20User');
    carol.client.send('CHG 9 NLN');
    await me.client.expect('NLN NLN carol@hotmail.com Carol');
    await carol.client.expect('CHG 9 NLN');
    carol.client.send('OUT');
    await carol.client.expect('OUT');
    // Offline before the echo is written, not whenever the socket's close is noticed.
    expect(server.onlineHandles()).not.toContain(CAROL.handle);
    await me.client.expect('FLN carol@hotmail.com');
  });

  it('sends FLN when a contact drops the connection without OUT', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const carol = await goOnline(server, CAROL, clients);
    await me.client.expect('NLN NLN carol@hotmail.com Carol');
    await carol.client.close();
    await me.client.expect('FLN carol@hotmail.com');
  });
});

describe('privacy (§11.3)', () => {
  it('shows a hidden user as offline to everyone and refuses them a switchboard', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const carol = await goOnline(server, CAROL, clients, 'HDN');
    expect(await linesBeforePong(me)).toEqual([]);
    await carol.client.expect('ILN 5 NLN example@hotmail.com Example%20User');
    carol.client.send('XFR 9 SB');
    await carol.client.expect('913 9');
    carol.client.send('CHG 10 NLN');
    await me.client.expect('NLN NLN carol@hotmail.com Carol');
    carol.client.send('CHG 11 HDN');
    await me.client.expect('FLN carol@hotmail.com');
  });

  it('lets a hidden user still see their contacts', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    await goOnline(server, CAROL, clients);
    const me = await goOnline(server, EXAMPLE, clients, 'HDN');
    await me.client.expect('ILN 5 NLN carol@hotmail.com Carol');
  });

  it('shows FLN to someone I block and NLN again when I unblock them', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const carol = await goOnline(server, CAROL, clients);
    await carol.client.expect('ILN 5 NLN example@hotmail.com Example%20User');
    await me.client.expect('NLN NLN carol@hotmail.com Carol');
    me.client.send('REM 6 AL carol@hotmail.com');
    await me.client.expect('REM 6 AL 2 carol@hotmail.com');
    me.client.send('ADD 7 BL carol@hotmail.com Carol');
    await me.client.expect('ADD 7 BL 3 carol@hotmail.com Carol');
    await carol.client.expect('FLN example@hotmail.com');
    me.client.send('CHG 8 AWY');
    await me.client.expect('CHG 8 AWY');
    expect(await linesBeforePong(carol)).toEqual([]);
    me.client.send('REM 9 BL carol@hotmail.com');
    await me.client.expect('REM 9 BL 4 carol@hotmail.com');
    await carol.client.expect('NLN AWY example@hotmail.com Example%20User');
  });

  it('with BLP BL shows me only to people on my AL', async () => {
    server = await startServer({
      accounts: [
        { ...EXAMPLE, lists: { FL: [], AL: ['anotheruser@hotmail.com'] } },
        ANOTHER,
        CAROL,
      ],
    });
    const another = await goOnline(server, ANOTHER, clients);
    const carol = await goOnline(server, CAROL, clients);
    const me = await goOnline(server, EXAMPLE, clients);
    await another.client.expect('NLN NLN example@hotmail.com Example%20User');
    await carol.client.expect('NLN NLN example@hotmail.com Example%20User');
    me.client.send('BLP 9 BL');
    await me.client.expect('BLP 9 2 BL');
    await carol.client.expect('FLN example@hotmail.com');
    expect(await linesBeforePong(another)).toEqual([]);
    me.client.send('ADD 10 AL carol@hotmail.com Carol');
    await me.client.expect('ADD 10 AL 3 carol@hotmail.com Carol');
    await carol.client.expect('NLN NLN example@hotmail.com Example%20User');
  });

  it('keeps presence from someone who is on neither my FL', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const carol = await goOnline(server, CAROL, clients);
    await goOnline(server, { ...ANOTHER }, clients);
    expect(await linesBeforePong(carol)).toEqual([]);
  });
});
