// What keeps one client from using up the project's server for everyone else: connection caps per
// address and overall, a cap on unused switchboard cookies, and slowed wrong passwords.

import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../../protocol/md5';
import type { MsnServer } from '../../../server/index';
import type { RawClient } from '../../support/raw-client';
import { ANOTHER, EXAMPLE, goOnline, useServerTest } from './fixtures';

const { clients, connect, startServer } = useServerTest();
let server: MsnServer;

/** A notification connection that answers VER, so it is known to be served. */
async function served(): Promise<RawClient> {
  const client = await connect(server.notificationPort);
  client.send('VER 1 MSNP3');
  await client.expect('VER 1 MSNP3');
  return client;
}

describe('connection limits', () => {
  it('closes at once a connection over the cap for its address, and takes one again when another closes', async () => {
    server = await startServer({ accounts: [EXAMPLE], limits: { maxConnectionsPerAddress: 2 } });
    const first = await served();
    await served();
    const third = await connect(server.notificationPort);
    await third.expectClosed();
    const onDispatch = await connect(server.dispatchPort);
    await onDispatch.expectClosed();
    await first.close();
    await served();
  });

  it('closes at once a connection over the cap for the whole server, on any listener', async () => {
    server = await startServer({ accounts: [EXAMPLE], limits: { maxConnections: 3 } });
    await served();
    await served();
    const sb = await connect(server.switchboardPort);
    const over = await connect(server.dispatchPort);
    await over.expectClosed();
    await sb.close();
    const again = await connect(server.dispatchPort);
    again.send('VER 1 MSNP3');
    await again.expect('VER 1 MSNP3');
  });
});

describe('switchboard cookies', () => {
  it('answers XFR SB with 713 once a client holds too many unused cookies, and again after it used one', async () => {
    server = await startServer({ accounts: [EXAMPLE, ANOTHER], limits: { ticketsPerHandle: 3 } });
    const me = await goOnline(server, EXAMPLE, clients);
    const cookies: string[] = [];
    for (let index = 0; index < 3; index++) {
      const trid = me.trid();
      me.client.send(`XFR ${trid} SB`);
      cookies.push((await me.client.expectMatch(new RegExp(`^XFR ${trid} SB \\S+ CKI \\S+$`))).params[4] as string);
    }
    const refused = me.trid();
    me.client.send(`XFR ${refused} SB`);
    await me.client.expect(`713 ${refused}`);
    const sb = await connect(server.switchboardPort);
    sb.send(`USR 1 ${EXAMPLE.handle} ${cookies[0]}`);
    await sb.expect(`USR 1 OK ${EXAMPLE.handle} Example%20User`);
    const again = me.trid();
    me.client.send(`XFR ${again} SB`);
    await me.client.expectMatch(new RegExp(`^XFR ${again} SB \\S+ CKI \\S+$`));
  });
});

describe('wrong passwords', () => {
  const GAP_MS = 300;

  /** A notification connection challenged for `handle` (TrIDs 1 and 2). */
  async function challenged(handle: string): Promise<{ client: RawClient; challenge: string }> {
    const client = await served();
    client.send(`USR 2 MD5 I ${handle}`);
    const challenge = (await client.expectMatch(/^USR 2 MD5 S /)).params[3] as string;
    return { client, challenge };
  }

  it('answers the first ones at once, then makes each further one wait, and still lets the right one in', async () => {
    const log: string[] = [];
    let onLog: ((line: string) => void) | undefined;
    /** The server's log as it stood when a line matching `pattern` was written. */
    const logged = (pattern: RegExp): Promise<string[]> =>
      new Promise((resolve) => (onLog = (line) => pattern.test(line) && resolve([...log])));
    server = await startServer({
      accounts: [EXAMPLE],
      signInThrottle: { firstGapMs: GAP_MS },
      log: (line) => {
        log.push(line);
        onLog?.(line);
      },
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const { client } = await challenged(EXAMPLE.handle);
      client.send('USR 3 MD5 S 0123456789abcdef0123456789abcdef');
      await client.expect('911 3');
    }
    const { client: fourth } = await challenged(EXAMPLE.handle);
    const delayed = logged(/answering example@hotmail\.com's password in \d+ ms/);
    fourth.send('USR 3 MD5 S 0123456789abcdef0123456789abcdef');
    const answered = fourth.expect('911 3');
    const whenDelayed = await delayed;
    expect(whenDelayed.filter((line) => line.includes('sign-in failed: wrong password'))).toHaveLength(3);
    await answered;
    expect(log.filter((line) => line.includes('sign-in failed: wrong password'))).toHaveLength(4);

    const { client, challenge } = await challenged(EXAMPLE.handle);
    client.send(`USR 3 MD5 S ${md5Hex(challenge + EXAMPLE.password)}`);
    await client.expectMatch(/^USR 3 OK example@hotmail\.com /, 4 * GAP_MS + 2000);
  });

  it('answers 910 at once when so many guesses wait that this one’s turn is too far away', async () => {
    server = await startServer({ accounts: [EXAMPLE], signInThrottle: { firstGapMs: 60_000, maxGapMs: 60_000 } });
    const guesses = await Promise.all([1, 2, 3, 4].map(() => challenged(EXAMPLE.handle)));
    for (const { client } of guesses) client.send('USR 3 MD5 S 0123456789abcdef0123456789abcdef');
    const answers = await Promise.all(guesses.map(({ client }) => client.next().then((command) => command.name)));
    expect(answers.sort()).toEqual(['910', '911', '911', '911']);
  });
});
