import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMime, mediaType, parseMime } from '../../../protocol/index';
import type { MsnServer } from '../../../server/index';
import type { RawClient } from '../../support/raw-client';
import { ANOTHER, CAROL, EXAMPLE, SESSION_ACCOUNTS, type Signed, goOnline, linesBeforePong, signIn, useServerTest } from './fixtures';

const { clients, connect, startServer } = useServerTest();
let server: MsnServer;

afterEach(() => {
  vi.useRealTimers();
});

function text(body: string, format = 'FN=MS%20Sans%20Serif; EF=B; CO=ff; CS=0; PF=22'): Uint8Array {
  return buildMime(
    [
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['X-MMS-IM-Format', format],
    ],
    body,
  );
}

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** XFR SB on the NS, then USR on the switchboard: a new session with only the caller in it. */
async function openSwitchboard(caller: Signed, handle: string, name: string): Promise<RawClient> {
  const trid = caller.trid();
  caller.client.send(`XFR ${trid} SB`);
  const [, , address, , cookie] = (await caller.client.waitFor('XFR')).params as string[];
  const sb = await connect(Number(address!.split(':')[1]));
  sb.send(`USR 1 ${handle} ${cookie}`);
  await sb.expect(`USR 1 OK ${handle} ${name}`);
  return sb;
}

/** Waits for RNG on the invitee's NS and answers it; returns the SB connection before reading IRO. */
async function answerRing(invitee: Signed, handle: string): Promise<{ sb: RawClient; ring: string[] }> {
  const ring = (await invitee.client.waitFor('RNG')).params as string[];
  const [sessionId, address, , cookie] = ring;
  const sb = await connect(Number(address!.split(':')[1]));
  sb.send(`ANS 1 ${handle} ${cookie} ${sessionId}`);
  return { sb, ring };
}

/** example@ opens a switchboard and calls anotheruser@, who answers: both are in the session. */
async function startConversation(me: Signed, another: Signed): Promise<{ a: RawClient; b: RawClient }> {
  const a = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
  a.send('CAL 2 anotheruser@hotmail.com');
  await a.expectMatch(/^CAL 2 RINGING \d+$/);
  const { sb: b } = await answerRing(another, 'anotheruser@hotmail.com');
  await b.expect('IRO 1 1 1 example@hotmail.com Example%20User');
  await b.expect('ANS 1 OK');
  await a.expect('JOI anotheruser@hotmail.com Another%20User');
  return { a, b };
}

describe('switchboard conversation (§13.8, §13.9)', () => {
  it('connects caller and invitee, relays messages with ACK/NAK semantics, and reports BYE', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients);
    const a = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
    a.send('CAL 2 anotheruser@hotmail.com');
    const sessionId = (await a.expectMatch(/^CAL 2 RINGING \d+$/)).params[2];

    const { sb: b, ring } = await answerRing(another, 'anotheruser@hotmail.com');
    expect(ring).toEqual([sessionId, `127.0.0.1:${server.switchboardPort}`, 'CKI', ring[3], 'example@hotmail.com', 'Example%20User']);
    await b.expect('IRO 1 1 1 example@hotmail.com Example%20User');
    await b.expect('ANS 1 OK');
    await a.expect('JOI anotheruser@hotmail.com Another%20User');

    const typing = buildMime(
      [
        ['MIME-Version', '1.0'],
        ['Content-Type', 'text/x-msmsgscontrol'],
        ['TypingUser', 'example@hotmail.com'],
      ],
      '\r\n',
    );
    expect(typing.byteLength).toBe(92);
    a.sendCommand('MSG', ['3', 'U'], typing);
    a.sendCommand('MSG', ['4', 'N'], text('Ça va? Coffee at the café at 8?'));
    expect(decode((await b.expect('MSG example@hotmail.com Example%20User')).payload)).toBe(decode(typing));
    const received = await b.expect('MSG example@hotmail.com Example%20User');
    expect(received.payload!.byteLength).toBe(160);
    expect(parseMime(received.payload!).body).toBe('Ça va? Coffee at the café at 8?');

    b.sendCommand('MSG', ['2', 'N'], text('Sure :) see you there', 'FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42'));
    expect(parseMime((await a.expect('MSG anotheruser@hotmail.com Another%20User')).payload!).body).toBe('Sure :) see you there');
    a.sendCommand('MSG', ['5', 'A'], text('Great!\r\nBye'));
    await a.expect('ACK 5');
    await b.expect('MSG example@hotmail.com Example%20User');

    b.send('OUT');
    await b.expectClosed();
    await a.expect('BYE anotheruser@hotmail.com');
    a.sendCommand('MSG', ['6', 'N'], text('anyone?'));
    await a.expect('NAK 6');
    a.sendCommand('MSG', ['7', 'U'], text('still nobody'));
    a.sendCommand('MSG', ['8', 'A'], text('really nobody'));
    await a.expect('NAK 8');
    a.send('OUT');
    await a.expectClosed();
  });

  it('reports BYE when a participant drops the connection', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients);
    const { a, b } = await startConversation(me, another);
    await b.close();
    await a.expect('BYE anotheruser@hotmail.com');
  });

  it('runs a three-party session: roster by IRO, JOI to everyone, relays to all others, BYE to the rest', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients);
    const carol = await goOnline(server, CAROL, clients);
    const { a, b } = await startConversation(me, another);

    b.send('CAL 2 carol@hotmail.com');
    await b.expectMatch(/^CAL 2 RINGING/);
    const { sb: c, ring } = await answerRing(carol, 'carol@hotmail.com');
    expect(ring.slice(4)).toEqual(['anotheruser@hotmail.com', 'Another%20User']);
    await c.expect('IRO 1 1 2 example@hotmail.com Example%20User');
    await c.expect('IRO 1 2 2 anotheruser@hotmail.com Another%20User');
    await c.expect('ANS 1 OK');
    await a.expect('JOI carol@hotmail.com Carol');
    await b.expect('JOI carol@hotmail.com Carol');

    c.sendCommand('MSG', ['2', 'A'], text('hi both'));
    await c.expect('ACK 2');
    expect(parseMime((await a.expect('MSG carol@hotmail.com Carol')).payload!).body).toBe('hi both');
    expect(parseMime((await b.expect('MSG carol@hotmail.com Carol')).payload!).body).toBe('hi both');

    a.send('CAL 3 carol@hotmail.com');
    await a.expect('215 3');
    b.send('OUT');
    await a.expect('BYE anotheruser@hotmail.com');
    await c.expect('BYE anotheruser@hotmail.com');
  });
});

describe('switchboard refusals', () => {
  it('answers CAL with 208 for a malformed handle, 215 for a participant, 217 for someone offline', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const a = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
    a.send('CAL 2 @@a');
    await a.expect('208 2');
    a.send('CAL 3 example@hotmail.com');
    await a.expect('215 3');
    a.send('CAL 4 carol@hotmail.com');
    await a.expect('217 4');
    a.send('CAL 5 ghost@hotmail.com');
    await a.expect('217 5');
  });

  it('answers 217 and rings nobody when the callee is hidden, has IMS OFF, blocks the caller, or has not sent CHG', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients, 'HDN');
    const a = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
    a.send('CAL 2 anotheruser@hotmail.com');
    await a.expect('217 2');

    another.client.send('CHG 20 NLN');
    await another.client.waitFor('CHG');
    another.client.send('IMS 21 OFF');
    await another.client.expect('IMS 21 0 OFF');
    a.send('CAL 3 anotheruser@hotmail.com');
    await a.expect('217 3');

    another.client.send('IMS 22 ON');
    await another.client.expect('IMS 22 0 ON');
    another.client.send('REM 23 AL example@hotmail.com');
    await another.client.waitFor('REM');
    another.client.send('ADD 24 BL example@hotmail.com Example');
    await another.client.waitFor('ADD');
    a.send('CAL 4 anotheruser@hotmail.com');
    await a.expect('217 4');
    expect((await linesBeforePong(another)).filter((line) => line.startsWith('RNG'))).toEqual([]);

    await another.client.close();
    const lateAnother = await signIn(server, ANOTHER, clients);
    a.send('CAL 5 anotheruser@hotmail.com');
    await a.expect('217 5');
    expect(await linesBeforePong(lateAnother)).toEqual([]);
  });

  it('answers USR with a bad, foreign or reused cookie, and ANS for the wrong session, with 911 and a close', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients);
    const bad = await connect(server.switchboardPort);
    bad.send('USR 1 example@hotmail.com 1.2.3');
    await bad.expect('911 1');
    await bad.expectClosed();

    me.client.send('XFR 20 SB');
    const cookie = (await me.client.waitFor('XFR')).params[4] as string;
    const wrongHandle = await connect(server.switchboardPort);
    wrongHandle.send(`USR 1 anotheruser@hotmail.com ${cookie}`);
    await wrongHandle.expect('911 1');
    const a = await connect(server.switchboardPort);
    a.send(`USR 1 example@hotmail.com ${cookie}`);
    await a.expect('USR 1 OK example@hotmail.com Example%20User');
    const reused = await connect(server.switchboardPort);
    reused.send(`USR 1 example@hotmail.com ${cookie}`);
    await reused.expect('911 1');

    const fresh = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
    fresh.send('CAL 2 anotheruser@hotmail.com');
    await fresh.expectMatch(/^CAL 2 RINGING/);
    const [sessionId, , , inviteCookie] = (await another.client.waitFor('RNG')).params as string[];
    const wrongSession = await connect(server.switchboardPort);
    wrongSession.send(`ANS 1 anotheruser@hotmail.com ${inviteCookie} ${Number(sessionId) + 1}`);
    await wrongSession.expect('911 1');
    await wrongSession.expectClosed();
  });

  it('drops a connection whose first command is not USR or ANS', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const sb = await connect(server.switchboardPort);
    sb.send('CAL 1 example@hotmail.com');
    await sb.expectClosed();
  });

  it('closes a connection that sends a MSG over 1664 bytes without delivering it', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients);
    const { a, b } = await startConversation(me, another);
    const big = text('x'.repeat(1700));
    a.sendCommand('MSG', ['3', 'N'], big);
    await a.expectClosed();
    await b.expect('BYE example@hotmail.com');
  });

  it('closes a connection that sends a MSG without a valid length, without delivering it', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const another = await goOnline(server, ANOTHER, clients);
    const { a, b } = await startConversation(me, another);
    a.send('MSG 3 N twelve');
    await a.expectClosed();
    await b.expect('BYE example@hotmail.com');
  });

  it('closes a connection that sends a MSG with an unknown acknowledgement mode', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await goOnline(server, EXAMPLE, clients);
    const a = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
    a.sendCommand('MSG', ['2', 'D'], text('hello'));
    await a.expectClosed();
  });

  it('closes an idle switchboard after the configured time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    server = await startServer({ accounts: SESSION_ACCOUNTS, switchboardIdleMs: 60_000 });
    const me = await goOnline(server, EXAMPLE, clients);
    const a = await openSwitchboard(me, 'example@hotmail.com', 'Example%20User');
    a.sendCommand('MSG', ['2', 'A'], text('hello?'));
    await a.expect('NAK 2');
    vi.advanceTimersByTime(59_000);
    a.sendCommand('MSG', ['3', 'A'], text('still here'));
    await a.expect('NAK 3');
    vi.advanceTimersByTime(59_000);
    a.sendCommand('MSG', ['4', 'A'], text('and now?'));
    await a.expect('NAK 4');
    vi.advanceTimersByTime(60_000);
    await a.expectClosed();
  });
});

describe('Messenger Buddy', () => {
  it('is online for everyone, joins when called, types, then answers every text message', async () => {
    server = await startServer({ botReplyDelayMs: 0 });
    const you = await goOnline(server, { handle: 'you@demo.msn', password: 'demo' }, clients);
    await you.client.expect('ILN 5 NLN buddy@demo.msn Messenger%20Buddy');
    expect(server.onlineHandles()).toEqual(['buddy@demo.msn', 'you@demo.msn']);
    const sb = await openSwitchboard(you, 'you@demo.msn', 'You');
    sb.send('CAL 2 buddy@demo.msn');
    await sb.expectMatch(/^CAL 2 RINGING \d+$/);
    await sb.expect('JOI buddy@demo.msn Messenger%20Buddy');

    for (const [trid, message, reply] of [
      ['3', 'hello there', "Hi You! I'm Messenger Buddy. Say anything and I'll say it right back."],
      ['4', 'Ça va?', 'You said: Ça va?'],
    ] as const) {
      sb.sendCommand('MSG', [trid, 'A'], text(message));
      await sb.expect(`ACK ${trid}`);
      const typing = parseMime((await sb.expect('MSG buddy@demo.msn Messenger%20Buddy')).payload!);
      expect(mediaType(typing)).toBe('text/x-msmsgscontrol');
      expect(typing.headers.get('typinguser')).toBe('buddy@demo.msn');
      const answer = parseMime((await sb.expect('MSG buddy@demo.msn Messenger%20Buddy')).payload!);
      expect(mediaType(answer)).toBe('text/plain');
      expect(answer.headers.get('x-mms-im-format')).toMatch(/^FN=/);
      expect(answer.body).toBe(reply);
    }

    const control = buildMime([['MIME-Version', '1.0'], ['Content-Type', 'text/x-msmsgscontrol'], ['TypingUser', 'you@demo.msn']], '\r\n');
    sb.sendCommand('MSG', ['5', 'U'], control);
    sb.sendCommand('MSG', ['6', 'A'], text('x'.repeat(1500)));
    await sb.expect('ACK 6');
    await sb.expect('MSG buddy@demo.msn Messenger%20Buddy');
    const long = await sb.expect('MSG buddy@demo.msn Messenger%20Buddy');
    expect(parseMime(long.payload!).body).toBe(`You said: ${'x'.repeat(400)}…`);
  });

  it('stays while someone is left, and leaves a session once everyone else has left', async () => {
    const log: string[] = [];
    server = await startServer({ botReplyDelayMs: 0, log: (line) => log.push(line) });
    const you = await goOnline(server, { handle: 'you@demo.msn', password: 'demo' }, clients);
    const alice = await goOnline(server, { handle: 'alice@demo.msn', password: 'alice' }, clients);
    const sb = await openSwitchboard(you, 'you@demo.msn', 'You');
    sb.send('CAL 2 buddy@demo.msn');
    sb.send('CAL 3 alice@demo.msn');
    await sb.waitFor((command) => command.name === 'JOI' && command.params[0] === 'buddy@demo.msn');
    const { sb: aliceSb } = await answerRing(alice, 'alice@demo.msn');
    await aliceSb.expect('IRO 1 1 2 you@demo.msn You');
    await aliceSb.expect('IRO 1 2 2 buddy@demo.msn Messenger%20Buddy');
    await aliceSb.expect('ANS 1 OK');
    sb.send('OUT');
    await aliceSb.expect('BYE you@demo.msn');
    aliceSb.sendCommand('MSG', ['2', 'N'], text('still there?'));
    await aliceSb.waitFor((command) => command.name === 'MSG' && parseMime(command.payload!).body === 'You said: still there?');
    expect(log.some((line) => line.includes('ended'))).toBe(false);
    aliceSb.send('OUT');
    await aliceSb.expectClosed();
    await expect.poll(() => log.filter((line) => line.includes('ended (everyone left)'))).toHaveLength(1);
  });

  it('leaves as soon as the only other participant leaves', async () => {
    const log: string[] = [];
    server = await startServer({ botReplyDelayMs: 0, log: (line) => log.push(line) });
    const you = await goOnline(server, { handle: 'you@demo.msn', password: 'demo' }, clients);
    const sb = await openSwitchboard(you, 'you@demo.msn', 'You');
    sb.send('CAL 2 buddy@demo.msn');
    await sb.waitFor('JOI');
    sb.send('OUT');
    await sb.expectClosed();
    await expect.poll(() => log.filter((line) => line.includes('ended (everyone left)'))).toHaveLength(1);
  });
});
