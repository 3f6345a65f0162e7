import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionClosedError, PAYLOAD_COMMANDS, ProtocolError, RequestTimeoutError, serializeCommand } from '../../protocol/index';
import { type ScriptedPeer, ScriptedSwitchboard, relayed } from '../../test/integration/sb/scripted-switchboard';
import { Switchboard, type SwitchboardOptions } from './switchboard';

const encoder = new TextEncoder();

let sb: ScriptedSwitchboard;
const opened: Switchboard[] = [];

beforeEach(async () => {
  sb = await ScriptedSwitchboard.start();
});

afterEach(async () => {
  vi.useRealTimers();
  for (const switchboard of opened.splice(0)) switchboard.leave();
  await sb.close();
});

async function create(options: SwitchboardOptions = {}): Promise<{ switchboard: Switchboard; peer: ScriptedPeer }> {
  const creating = Switchboard.create(sb.ticket('17262740.1050826919.32308'), 'example@hotmail.com', options);
  const peer = await sb.accept();
  await peer.expect('USR 1 example@hotmail.com 17262740.1050826919.32308');
  peer.send('USR 1 OK example@hotmail.com Ex%C3%A9mple%20User');
  const switchboard = await creating;
  opened.push(switchboard);
  switchboard.resume();
  return { switchboard, peer };
}

describe('Switchboard', () => {
  it('authenticates with USR, CALs, and reports JOI with the decoded friendly name (§13.8)', async () => {
    const { switchboard, peer } = await create();
    const joined = switchboard.next('joined');
    const calling = switchboard.call('anotheruser@hotmail.com');
    await peer.expect('CAL 2 anotheruser@hotmail.com');
    peer.send('CAL 2 RINGING 11752099', 'JOI AnotherUser@hotmail.com Another%20User');
    await calling;
    expect(await joined).toEqual({ handle: 'anotheruser@hotmail.com', friendlyName: 'Another User' });
    expect(switchboard.participants).toEqual([{ handle: 'anotheruser@hotmail.com', friendlyName: 'Another User' }]);
    expect(switchboard.has('AnotherUser@hotmail.com')).toBe(true);
  });

  it('rejects a CAL error with its code, and the switchboard stays usable', async () => {
    const { switchboard, peer } = await create();
    const calling = switchboard.call('offline@hotmail.com');
    await peer.expect('CAL 2 offline@hotmail.com');
    peer.send('217 2');
    await expect(calling).rejects.toMatchObject({ name: 'ProtocolError', code: 217 });
    expect(switchboard.isOpen).toBe(true);
  });

  it('fails USR with the 911 code and closes the connection', async () => {
    const creating = Switchboard.create(sb.ticket('expired'), 'example@hotmail.com');
    const peer = await sb.accept();
    await peer.expect('USR 1 example@hotmail.com expired');
    peer.send('911 1');
    await expect(creating).rejects.toBeInstanceOf(ProtocolError);
    await peer.closed;
  });

  it('answers an RNG with ANS, takes the IRO roster, and holds the events that follow until resumed (§13.9)', async () => {
    const answering = Switchboard.answer(sb.ring('anotheruser@hotmail.com', 'Another User', '849102291.520491113'), 'example@hotmail.com');
    const peer = await sb.accept();
    await peer.expect('ANS 1 example@hotmail.com 849102291.520491113 11752317');
    // Everything in one write: the message after ANS OK is framed before the answer's continuation runs.
    peer.write(
      'IRO 1 1 2 anotheruser@hotmail.com Another%20User\r\nIRO 1 2 2 third@hotmail.com Third\r\nANS 1 OK\r\n',
      relayed('anotheruser@hotmail.com', 'Another%20User', 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHey, got a minute?'),
    );
    const switchboard = await answering;
    opened.push(switchboard);
    expect(switchboard.participants.map((participant) => participant.handle)).toEqual(['anotheruser@hotmail.com', 'third@hotmail.com']);
    const message = switchboard.next('message');
    switchboard.resume();
    const received = await message;
    expect(received.from).toBe('anotheruser@hotmail.com');
    expect(received.fromName).toBe('Another User');
    expect(new TextDecoder().decode(received.payload)).toContain('Hey, got a minute?');
  });

  it('sends MSG A and resolves true on ACK, false on NAK, matched by TrID even out of order', async () => {
    const { switchboard, peer } = await create();
    const first = acknowledged(switchboard, encoder.encode('one'));
    const second = acknowledged(switchboard, encoder.encode('two'));
    const one = await peer.expectMessage('A');
    const two = await peer.expectMessage('A');
    expect([one.trid, one.text, two.trid, two.text]).toEqual(['2', 'one', '3', 'two']);
    peer.send('NAK 3', 'ACK 2');
    expect(await first).toBe(true);
    expect(await second).toBe(false);
  });

  it('rejects an unacknowledged message after the ack timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { switchboard, peer } = await create({ ackTimeoutMs: 5000 });
    const outcome = acknowledged(switchboard, encoder.encode('hello')).catch((error: unknown) => error);
    await peer.expectMessage('A');
    await vi.advanceTimersByTimeAsync(4999);
    expect(await Promise.race([outcome, 'still waiting'])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(RequestTimeoutError);
    expect(switchboard.isOpen).toBe(true);
  });

  it('posts U and N messages without waiting, and leaves with OUT', async () => {
    const { switchboard, peer } = await create();
    switchboard.post(encoder.encode('typing'), 'U');
    switchboard.post(encoder.encode('cancel'), 'N');
    expect((await peer.expectMessage('U')).trid).toBe('2');
    expect((await peer.expectMessage('N')).trid).toBe('3');
    const closed = switchboard.next('close');
    switchboard.leave();
    await peer.expectOut();
    expect(await closed).toEqual({ reason: 'closed-locally' });
    expect(switchboard.isOpen).toBe(false);
  });

  it('reports BYE, and a close by the server fails what waits for an ACK', async () => {
    const { switchboard, peer } = await create();
    const calling = switchboard.call('bob@hotmail.com');
    await peer.expect('CAL 2 bob@hotmail.com');
    peer.send('CAL 2 RINGING 1', 'JOI bob@hotmail.com Bob');
    await calling;
    const left = switchboard.next('left');
    peer.send('BYE bob@hotmail.com 1');
    expect(await left).toEqual({ handle: 'bob@hotmail.com' });
    expect(switchboard.participants).toEqual([]);
    const sending = acknowledged(switchboard, encoder.encode('anyone?'));
    await peer.expectMessage('A');
    const closed = switchboard.next('close');
    await peer.drop();
    await expect(sending).rejects.toBeInstanceOf(ConnectionClosedError);
    expect((await closed).reason).toBe('connection-closed');
  });
});

/** The outcome of sendAcknowledged as a promise: true on ACK, false on NAK, rejected with its error. */
function acknowledged(switchboard: Switchboard, payload: Uint8Array): Promise<boolean> {
  return new Promise((resolve, reject) => switchboard.sendAcknowledged(payload, (error, ok) => (error ? reject(error) : resolve(ok))));
}

describe('Switchboard with lines it cannot use', () => {
  const GARBAGE_TOKENS = [[], ['0'], ['0', '?', '?', '?', '?'], ['x', '[::1', ':0', '%E2%28', '%ZZ']];
  /** Every line of `name` with missing or garbage tokens; a payload command gets a payload of the right length. */
  const garbage = (name: string): Uint8Array[] =>
    GARBAGE_TOKENS.map((params) =>
      serializeCommand(PAYLOAD_COMMANDS.has(name) ? { name, params, payload: encoder.encode('%%%\0') } : { name, params }),
    );

  /** A CAL round trip proves the switchboard still works. */
  async function stillWorks(switchboard: Switchboard, peer: ScriptedPeer): Promise<void> {
    const calling = switchboard.call('bob@hotmail.com');
    await peer.expect('CAL 2 bob@hotmail.com');
    peer.send('CAL 2 RINGING 1');
    await calling;
    expect(switchboard.isOpen).toBe(true);
  }

  it('handles the roster, messages and acknowledgements', async () => {
    const { switchboard } = await create();
    expect(switchboard.handledCommands).toEqual(expect.arrayContaining(['IRO', 'JOI', 'BYE', 'MSG', 'OUT', 'ACK', 'NAK']));
  });

  it('survives every handled command with missing or garbage tokens, and a listener failing on each', async () => {
    const log: string[] = [];
    const { switchboard, peer } = await create({ log: (line) => log.push(line) });
    for (const event of ['joined', 'left', 'message'] as const) {
      switchboard.on(event, () => {
        throw new Error(`a ${event} listener bug`);
      });
    }
    peer.write(...switchboard.handledCommands.flatMap(garbage), 'JOI bob@hotmail.com Bob\r\n', 'BYE bob@hotmail.com\r\n');
    await stillWorks(switchboard, peer);
    expect(log).toContain('SB: ignored a malformed JOI (no handle)');
    expect(log).toContain('SB: ignored a malformed JOI (handling it failed: a joined listener bug)');
    expect(log).toContain('SB: ignored a malformed BYE (handling it failed: a left listener bug)');
  });

  it('takes IRO only as the roster of an ANS: at any other time it would seat someone nobody called', async () => {
    const log: string[] = [];
    const { switchboard, peer } = await create({ log: (line) => log.push(line) });
    peer.send('IRO 1 1 1 mallory@hotmail.com Mallory');
    await stillWorks(switchboard, peer);
    expect(switchboard.participants).toEqual([]);
    expect(log).toContain('SB: ignored a malformed IRO (a roster line outside ANS)');
  });

  it('reports BYE only for someone in the session', async () => {
    const log: string[] = [];
    const { switchboard, peer } = await create({ log: (line) => log.push(line) });
    const left: string[] = [];
    switchboard.on('left', ({ handle }) => left.push(handle));
    peer.send('BYE stranger@hotmail.com', 'JOI bob@hotmail.com Bob', 'BYE BOB@hotmail.com');
    await stillWorks(switchboard, peer);
    expect(left).toEqual(['bob@hotmail.com']);
    expect(log).toContain('SB: ignored a malformed BYE (not in the session)');
  });

  it.each([
    ['USR', 'USR 1 MD5 BL x'],
    ['USR', 'USR 1'],
    ['ANS', 'ANS 1 NO'],
  ])('takes only OK as the answer to %s: anything else with its TrID is a refusal, and the connection closes', async (name, answer) => {
    const joining =
      name === 'USR'
        ? Switchboard.create(sb.ticket('c'), 'example@hotmail.com')
        : Switchboard.answer(sb.ring('ann@x.com', 'Ann', 'c', '1'), 'example@hotmail.com');
    const peer = await sb.accept();
    await peer.next();
    peer.send(answer);
    await expect(joining).rejects.toMatchObject({ appError: { kind: 'protocol', reason: 'switchboard-refused' } });
    await peer.closed;
  });
});
