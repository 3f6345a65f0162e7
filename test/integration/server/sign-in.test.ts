import { afterEach, describe, expect, it, vi } from 'vitest';
import { mediaType, parseMime } from '../../../protocol/index';
import type { MsnServer } from '../../../server/index';
import { md5Hex } from '../../../protocol/md5';
import { RawClient, signInRaw } from '../../support/raw-client';
import { useServerTest } from './fixtures';

const EXAMPLE = { handle: 'example@hotmail.com', password: 'hunter2', friendlyName: 'Example User', inboxUnread: 2 };
const OTHER = { handle: 'anotheruser@hotmail.com', password: 'other', friendlyName: 'Another User' };

const { clients, connect, startServer } = useServerTest();
let server: MsnServer;

/** Opens a notification connection up to the challenge for `handle` (TrIDs 1 and 2). */
async function challenged(handle: string): Promise<{ ns: RawClient; challenge: string }> {
  const ns = await connect(server.notificationPort);
  ns.send('VER 1 MSNP3');
  await ns.expect('VER 1 MSNP3');
  ns.send(`USR 2 MD5 I ${handle}`);
  const challenge = (await ns.expectMatch(/^USR 2 MD5 S /)).params[3] as string;
  return { ns, challenge };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('dispatch server', () => {
  it('negotiates MSNP3 and refers to the notification server with the trailing 0, then closes', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const ds = await connect(server.dispatchPort);
    ds.send('VER 1 MSNP3 MSNP2 CVR0');
    await ds.expect('VER 1 MSNP3');
    ds.send('INF 2');
    await ds.expect('INF 2 MD5');
    ds.send('USR 3 MD5 I example@hotmail.com');
    await ds.expect(`XFR 3 NS 127.0.0.1:${server.notificationPort} 0`);
    await ds.expectClosed();
  });

  it('refers without the 0 when the server speaks only MSNP2', async () => {
    server = await startServer({ accounts: [EXAMPLE], dialects: ['MSNP2'] });
    const ds = await connect(server.dispatchPort);
    ds.send('VER 1 MSNP3 MSNP2 CVR0');
    await ds.expect('VER 1 MSNP2');
    ds.send('INF 2');
    await ds.expect('INF 2 MD5');
    ds.send('USR 3 MD5 I example@hotmail.com');
    await ds.expect(`XFR 3 NS 127.0.0.1:${server.notificationPort}`);
    await ds.expectClosed();
  });

  it('answers CVR0 when no offered dialect is served, then an upgrade check, then closes', async () => {
    server = await startServer({ accounts: [EXAMPLE], dialects: ['MSNP2'] });
    const ds = await connect(server.dispatchPort);
    ds.send('VER 1 MSNP3 CVR0');
    await ds.expect('VER 1 CVR0');
    ds.send('CVQ 2 0x0409 win 4.10 i386 MSMSGS 2.0.0085');
    await ds.expectMatch(/^CVQ 2 \S+ \S+ 3\.0\.0286 http:\/\/\S+ http:\/\/\S+$/);
    await ds.expectClosed();
  });

  it('answers VER 0 with its dialects and closes when nothing fits and CVR0 is not offered', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const ds = await connect(server.dispatchPort);
    ds.send('VER 1 MSNP8');
    await ds.expect('VER 1 0 MSNP3 MSNP2');
    await ds.expectClosed();
  });

  it('drops a client that sends USR before VER, without an error line', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const ds = await connect(server.dispatchPort);
    ds.send('USR 1 MD5 I example@hotmail.com');
    await ds.expectClosed();
  });
});

describe('notification server sign-in', () => {
  it('runs the seed transcript: dispatch, MD5 sign-in, profile, SYN, CHG, IMS, SND, OUT', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const ds = await connect(server.dispatchPort);
    ds.send('VER 1 MSNP3 MSNP2 CVR0');
    await ds.expect('VER 1 MSNP3');
    ds.send('INF 2');
    await ds.expect('INF 2 MD5');
    ds.send('USR 3 MD5 I example@hotmail.com');
    const [, , address] = (await ds.expectMatch(/^XFR 3 NS \S+ 0$/)).params as string[];
    await ds.expectClosed();

    const ns = await connect(Number(address!.split(':')[1]));
    ns.send('VER 4 MSNP3 MSNP2 CVR0');
    await ns.expect('VER 4 MSNP3');
    ns.send('INF 5');
    await ns.expect('INF 5 MD5');
    ns.send('USR 6 MD5 I example@hotmail.com');
    const challenge = (await ns.expectMatch(/^USR 6 MD5 S \d{10}\.\d{9}$/)).params[3] as string;
    ns.send(`USR 7 MD5 S ${md5Hex(challenge + 'hunter2')}`);
    await ns.expect('USR 7 OK example@hotmail.com Example%20User');

    const profile = await ns.expect('MSG Hotmail Hotmail');
    const profileText = new TextDecoder().decode(profile.payload);
    expect(profileText).toMatch(
      new RegExp(
        '^MIME-Version: 1\\.0\\r\\nContent-Type: text/x-msmsgsprofile; charset=UTF-8\\r\\nLoginTime: \\d+\\r\\n' +
          'EmailEnabled: 1\\r\\nMemberIdHigh: \\d+\\r\\nMemberIdLow: -?\\d+\\r\\nlang_preference: 1033\\r\\n' +
          'PreferredEmail: example@hotmail\\.com\\r\\ncountry: US\\r\\nPostalCode: \\r\\nGender: \\r\\nKid: 0\\r\\n' +
          'Age: \\r\\nBDayPre: \\r\\nBirthday: \\r\\nWallet: \\r\\nFlags: 1027\\r\\nsid: 507\\r\\nkv: 11\\r\\n' +
          'MSPAuth: \\S+\\$\\$\\r\\n\\r\\n$',
      ),
    );
    // On the wire, the declared length is exactly the bytes between the MSG line and the next command.
    const wire = ns.receivedBytes();
    const header = /MSG Hotmail Hotmail (\d+)\r\n/.exec(wire.toString('latin1'));
    const start = (header?.index ?? 0) + (header?.[0].length ?? 0);
    expect(wire.indexOf('MSG Hotmail Hotmail', start) - start).toBe(Number(header?.[1]));
    expect(wire.subarray(start, start + Number(header?.[1])).toString('utf8')).toBe(profileText);
    const loginTime = Number(parseMime(profile.payload!).headers.get('logintime'));
    expect(Math.abs(loginTime - Date.now() / 1000)).toBeLessThan(5);

    const mail = await ns.expect('MSG Hotmail Hotmail');
    expect(new TextDecoder().decode(mail.payload)).toBe(
      'MIME-Version: 1.0\r\nContent-Type: text/x-msmsgsinitialemailnotification; charset=UTF-8\r\n\r\n' +
        'Inbox-Unread: 2\r\nFolders-Unread: 0\r\nInbox-URL: /cgi-bin/HoTMaiL\r\nFolders-URL: /cgi-bin/folders\r\n' +
        'Post-URL: http://www.hotmail.com\r\n\r\n',
    );
    expect(mail.payload!.byteLength).toBe(221);

    ns.send('SYN 8 1');
    await ns.expect('SYN 8 1');
    ns.send('CHG 9 NLN');
    await ns.expect('CHG 9 NLN');
    ns.send('IMS 10 OFF');
    await ns.expect('IMS 10 0 OFF');
    ns.send('IMS 11 ON');
    await ns.expect('IMS 11 0 ON');
    ns.send('SND 12 anotheruser@hotmail.com 0x0409 MSMSGS');
    await ns.expect('SND 12 OK');
    expect(server.onlineHandles()).toEqual(['example@hotmail.com']);
    ns.send('OUT');
    await ns.expect('OUT');
    await ns.expectClosed();
    await expect.poll(() => server.onlineHandles()).toEqual([]);
  });

  it('signs in on MSNP2 with a LoginTime-only profile and the application/ mail count (§14.1)', async () => {
    server = await startServer({ accounts: [EXAMPLE], dialects: ['MSNP2'] });
    const { client, serviceMessages } = await signInRaw(server.notificationPort, EXAMPLE.handle, EXAMPLE.password);
    clients.push(client);
    expect(serviceMessages).toHaveLength(2);
    const profileText = new TextDecoder().decode(serviceMessages[0]!.payload);
    expect(profileText).toMatch(/^MIME-Version: 1\.0\r\nContent-Type: text\/x-msmsgsprofile; charset=UTF-8\r\nLoginTime: \d{10}\r\n\r\n$/);
    expect(serviceMessages[0]!.payload!.byteLength).toBe(95);
    const mail = parseMime(serviceMessages[1]!.payload!);
    expect(mediaType(mail)).toBe('application/x-msmsgsemailnotification');
    expect(mail.body).toContain('Inbox-Unread: 2\r\n');
    expect(serviceMessages[1]!.payload!.byteLength).toBe(221);
  });

  it('sends no mail count when the account has no mailbox', async () => {
    server = await startServer({ accounts: [{ ...EXAMPLE, emailEnabled: false }] });
    const { client, serviceMessages } = await signInRaw(server.notificationPort, EXAMPLE.handle, EXAMPLE.password);
    clients.push(client);
    expect(serviceMessages.map((command) => mediaType(parseMime(command.payload!)))).toEqual(['text/x-msmsgsprofile']);
    expect(parseMime(serviceMessages[0]!.payload!).headers.get('emailenabled')).toBe('0');
  });

  it('answers a wrong password with 911 and closes', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const { ns, challenge } = await challenged('example@hotmail.com');
    ns.send(`USR 3 MD5 S ${md5Hex(challenge + 'wrong')}`);
    await ns.expect('911 3');
    await ns.expectClosed();
  });

  it('rejects an upper-case MD5 response', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const { ns, challenge } = await challenged('example@hotmail.com');
    ns.send(`USR 3 MD5 S ${md5Hex(challenge + 'hunter2').toUpperCase()}`);
    await ns.expect('911 3');
    await ns.expectClosed();
  });

  it('answers an unknown account with 911 after the challenge, and a handle without @ at once', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const { ns, challenge } = await challenged('nobody@hotmail.com');
    ns.send(`USR 3 MD5 S ${md5Hex(challenge + 'x')}`);
    await ns.expect('911 3');
    await ns.expectClosed();

    const second = await connect(server.notificationPort);
    second.send('VER 1 MSNP3');
    await second.expect('VER 1 MSNP3');
    second.send('USR 2 MD5 I nobody');
    await second.expect('911 2');
    await second.expectClosed();
  });

  it('kicks the older session with OUT OTH when the account signs in again', async () => {
    server = await startServer({ accounts: [EXAMPLE] });
    const first = await signInRaw(server.notificationPort, EXAMPLE.handle, EXAMPLE.password);
    clients.push(first.client);
    const second = await signInRaw(server.notificationPort, EXAMPLE.handle, EXAMPLE.password);
    clients.push(second.client);
    await first.client.expect('OUT OTH');
    await first.client.expectClosed();
    second.client.send('PNG');
    await second.client.expect('QNG');
    expect(server.onlineHandles()).toEqual([EXAMPLE.handle]);
  });

  it('sends OUT SSD to every signed-in client on shutdown', async () => {
    server = await startServer({ accounts: [EXAMPLE, OTHER] });
    const a = await signInRaw(server.notificationPort, EXAMPLE.handle, EXAMPLE.password);
    const b = await signInRaw(server.notificationPort, OTHER.handle, OTHER.password);
    clients.push(a.client, b.client);
    await server.shutdown();
    await a.client.expect('OUT SSD');
    await b.client.expect('OUT SSD');
    await a.client.expectClosed();
    await b.client.expectClosed();
    await expect(RawClient.connect(server.dispatchPort)).rejects.toThrow();
  });

  it('refuses sign-in as the in-process bot', async () => {
    server = await startServer({ accounts: [{ handle: 'buddy@demo.msn', password: 'buddy' }] });
    expect(server.onlineHandles()).toEqual(['buddy@demo.msn']);
    const { ns, challenge } = await challenged('buddy@demo.msn');
    ns.send(`USR 3 MD5 S ${md5Hex(challenge + 'buddy')}`);
    await ns.expect('911 3');
  });
});

describe('connections that never sign in', () => {
  it.each(['dispatch', 'notification'] as const)('the %s server closes them after the sign-in timeout, counted from the connect', async (listener) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    server = await startServer({ accounts: [EXAMPLE], signInTimeoutMs: 60_000 });
    const client = await connect(listener === 'dispatch' ? server.dispatchPort : server.notificationPort);
    await vi.advanceTimersByTimeAsync(59_999);
    // Still open, and talking does not restart the clock: it is a deadline, not an idle timer.
    client.send('VER 1 MSNP3');
    await client.expect('VER 1 MSNP3');
    await vi.advanceTimersByTimeAsync(1);
    await client.expectClosed();
  });

  it('leaves a signed-in notification session alone after the sign-in timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    server = await startServer({ accounts: [EXAMPLE], signInTimeoutMs: 60_000 });
    const { client } = await signInRaw(server.notificationPort, EXAMPLE.handle, EXAMPLE.password);
    clients.push(client);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    client.send('PNG');
    await client.expect('QNG');
    expect(server.onlineHandles()).toEqual([EXAMPLE.handle]);
  });
});
