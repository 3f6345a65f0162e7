import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MsnpCommand, MsnpSyntaxError } from './command';
import { type ConnectionClosed, type ConnectionOptions, MsnpConnection } from './connection';
import { ConnectionClosedError, ProtocolError, RequestTimeoutError } from './transactions';
import { type WireDirection, describeForLog } from './wire-log';

const encoder = new TextEncoder();

/** The server end of one accepted socket: reads the client's lines, writes raw text. */
class Peer {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiter: (() => void) | undefined;
  readonly ended: Promise<void>;

  constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      this.buffer += text;
      let end: number;
      while ((end = this.buffer.indexOf('\r\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.waiter?.();
    });
    this.ended = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  async nextLine(): Promise<string> {
    while (this.lines.length === 0) await new Promise<void>((resolve) => (this.waiter = resolve));
    return this.lines.shift() as string;
  }

  write(text: string): void {
    this.socket.write(text);
  }
}

const servers: Server[] = [];
const sockets: Socket[] = [];
const connections: MsnpConnection[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const connection of connections.splice(0)) connection.close();
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(): Promise<{ port: number; accept: () => Promise<Peer> }> {
  const accepted: Socket[] = [];
  let waiter: (() => void) | undefined;
  const server = createServer((socket) => {
    sockets.push(socket);
    accepted.push(socket);
    waiter?.();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const accept = async (): Promise<Peer> => {
    while (accepted.length === 0) await new Promise<void>((resolve) => (waiter = resolve));
    return new Peer(accepted.shift() as Socket);
  };
  return { port, accept };
}

/** A client connection to a fresh loopback server, with everything it emits recorded. */
async function connected(options: ConnectionOptions = {}) {
  const { port, accept } = await listen();
  const connection = await MsnpConnection.connect('127.0.0.1', port, options);
  connections.push(connection);
  const peer = await accept();
  const commands: MsnpCommand[] = [];
  const malformed: MsnpSyntaxError[] = [];
  connection.on('command', (command) => commands.push(command));
  connection.on('malformed', (error) => malformed.push(error));
  const closed = connection.next('close');
  return { connection, peer, commands, malformed, closed };
}

describe('MsnpConnection requests', () => {
  it('sends a request with a fresh TrID and resolves with the reply carrying it', async () => {
    const { connection, peer } = await connected();
    const reply = connection.request('VER', ['MSNP3', 'MSNP2', 'CVR0']);
    expect(await peer.nextLine()).toBe('VER 1 MSNP3 MSNP2 CVR0');
    peer.write('VER 1 MSNP3\r\n');
    await expect(reply).resolves.toEqual({ name: 'VER', params: ['1', 'MSNP3'] });
    const next = connection.request('INF');
    expect(await peer.nextLine()).toBe('INF 2');
    peer.write('INF 2 MD5\r\n');
    await expect(next).resolves.toEqual({ name: 'INF', params: ['2', 'MD5'] });
    expect(connection.pendingRequests).toBe(0);
  });

  it('continues counting from firstTrid', async () => {
    const { connection, peer } = await connected({ firstTrid: 4 });
    const reply = connection.request('VER', ['MSNP3']);
    expect(await peer.nextLine()).toBe('VER 4 MSNP3');
    peer.write('VER 4 MSNP3\r\n');
    await reply;
    expect(connection.nextTrid()).toBe(5);
  });

  it('matches pipelined requests answered out of order and passes intermediate lines on', async () => {
    const { connection, peer, commands } = await connected({ firstTrid: 15 });
    const addFl = connection.request('ADD', ['FL', 'newfriend@hotmail.com', 'newfriend@hotmail.com']);
    const addAl = connection.request('ADD', ['AL', 'newfriend@hotmail.com', 'newfriend@hotmail.com']);
    expect([await peer.nextLine(), await peer.nextLine()]).toEqual([
      'ADD 15 FL newfriend@hotmail.com newfriend@hotmail.com',
      'ADD 16 AL newfriend@hotmail.com newfriend@hotmail.com',
    ]);
    peer.write(
      'ADD 16 AL 19 newfriend@hotmail.com newfriend@hotmail.com\r\n' +
        'ILN 15 NLN newfriend@hotmail.com Caf%C3%A9%20Friend\r\n' +
        'ADD 15 FL 18 newfriend@hotmail.com newfriend@hotmail.com\r\n',
    );
    await expect(addFl).resolves.toMatchObject({ params: ['15', 'FL', '18', 'newfriend@hotmail.com', 'newfriend@hotmail.com'] });
    await expect(addAl).resolves.toMatchObject({ params: ['16', 'AL', '19', 'newfriend@hotmail.com', 'newfriend@hotmail.com'] });
    expect(commands).toEqual([{ name: 'ILN', params: ['15', 'NLN', 'newfriend@hotmail.com', 'Caf%C3%A9%20Friend'] }]);
  });

  it('hands a reply to a callback, and a callback that fails neither stops the chunk nor goes unreported', async () => {
    const { connection, peer, commands } = await connected();
    const raised: Array<() => void> = [];
    const queued = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => raised.push(task));
    const seen: Array<string | undefined> = [];
    connection.requestThen('MSG', ['A'], { payload: encoder.encode('hi'), replies: ['ACK', 'NAK'] }, (error, reply) => {
      seen.push(error?.message ?? reply?.name);
      throw new Error('a listener failed');
    });
    expect(await peer.nextLine()).toBe('MSG 1 A 2');
    peer.write('ACK 1\r\nJOI bob@example.com Bob\r\n');
    await vi.waitFor(() => expect(commands).toEqual([{ name: 'JOI', params: ['bob@example.com', 'Bob'] }]));
    queued.mockRestore();
    expect(seen).toEqual(['ACK']);
    expect(raised).toHaveLength(1);
    expect(() => raised[0]?.()).toThrow('a listener failed');
    expect(connection.pendingRequests).toBe(0);
  });

  it('ends a request on one of the given reply names', async () => {
    const { connection, peer } = await connected({ firstTrid: 5 });
    const body = encoder.encode('MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nGreat!');
    const reply = connection.request('MSG', ['A'], { payload: body, replies: ['ACK', 'NAK'] });
    expect(await peer.nextLine()).toBe(`MSG 5 A ${body.byteLength}`);
    peer.write('ACK 5\r\n');
    await expect(reply).resolves.toEqual({ name: 'ACK', params: ['5'] });
  });

  it('rejects a request answered by an error line with ProtocolError', async () => {
    const { connection, peer } = await connected({ firstTrid: 17 });
    const reply = connection.request('ADD', ['FL', 'ghost@hotmail.com', 'ghost@hotmail.com']);
    await peer.nextLine();
    peer.write('205 17\r\n');
    const error = await reply.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: 205, trid: 17, message: 'That e-mail address is not a registered Messenger/Passport account.' });
    expect(connection.isOpen).toBe(true);
  });

  it('rejects a request the server does not answer in time and forgets it', async () => {
    const { connection, peer, commands } = await connected();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const outcome = connection.request('FND', ['fname=A'], { timeoutMs: 30_000 }).catch((caught: unknown) => caught);
    await peer.nextLine();
    vi.advanceTimersByTime(29_999);
    expect(connection.pendingRequests).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await outcome).toBeInstanceOf(RequestTimeoutError);
    expect(connection.pendingRequests).toBe(0);
    peer.write('FND 1 0 0\r\n');
    await vi.waitFor(() => expect(commands).toEqual([{ name: 'FND', params: ['1', '0', '0'] }]));
  });

  it('uses the connection default timeout', async () => {
    const { connection, peer } = await connected({ requestTimeoutMs: 2000 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const outcome = connection.request('SYN', ['0']).catch((caught: unknown) => caught);
    await peer.nextLine();
    vi.advanceTimersByTime(2000);
    expect(await outcome).toMatchObject({ name: 'RequestTimeoutError', timeoutMs: 2000 });
  });

  it('rejects a request whose params cannot be sent, without writing anything', async () => {
    const { connection, peer } = await connected();
    await expect(connection.request('REA', ['a@b.com', 'Two Words'])).rejects.toThrow('contains whitespace');
    expect(connection.pendingRequests).toBe(0);
    const reply = connection.request('INF');
    expect(await peer.nextLine()).toBe('INF 2');
    peer.write('INF 2 MD5\r\n');
    await expect(reply).resolves.toEqual({ name: 'INF', params: ['2', 'MD5'] });
  });
});

describe('MsnpConnection reading and writing', () => {
  it('keeps every command it handed out intact while later reads arrive, across many read buffers', async () => {
    const { peer, commands } = await connected();
    // Payloads of every size up to the limit, some lines cut across writes, twelve read buffers' worth in all.
    const payloads = Array.from({ length: 900 }, (_, index) => Buffer.alloc(1 + ((index * 613) % 1664), `${index % 10}`));
    const stream = Buffer.concat(payloads.map((payload, index) => Buffer.concat([Buffer.from(`MSG a@b.example N${index} ${payload.byteLength}\r\n`), payload])));
    for (let offset = 0; offset < stream.byteLength; ) {
      const end = Math.min(stream.byteLength, offset + 997 + ((offset * 7) % 9000));
      peer.socket.write(stream.subarray(offset, end));
      offset = end;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(commands).toHaveLength(payloads.length));
    expect(stream.byteLength).toBeGreaterThan(12 * 64 * 1024);
    commands.forEach((command, index) => {
      expect(command.params).toEqual(['a@b.example', `N${index}`]);
      expect(Buffer.from(command.payload as Uint8Array).equals(payloads[index] as Buffer)).toBe(true);
    });
  });

  it('keeps a command from a closed connection intact while the next connection reads into the rest of its slab', async () => {
    const first = await connected();
    first.peer.write('MSG a@b.example First 11\r\nhello world');
    await vi.waitFor(() => expect(first.commands).toHaveLength(1));
    const kept = first.commands[0] as MsnpCommand;
    first.peer.socket.end();
    await first.closed;
    const second = await connected();
    // Enough to fill the rest of the slab the first connection read into, and more.
    const payloads = Array.from({ length: 120 }, (_, index) => Buffer.alloc(1500, `${index % 10}`));
    for (const [index, payload] of payloads.entries()) second.peer.socket.write(Buffer.concat([Buffer.from(`MSG c@d.example N${index} ${payload.byteLength}\r\n`), payload]));
    await vi.waitFor(() => expect(second.commands).toHaveLength(payloads.length));
    expect(kept.params).toEqual(['a@b.example', 'First']);
    expect(Buffer.from(kept.payload as Uint8Array).toString()).toBe('hello world');
    second.commands.forEach((command, index) => expect(Buffer.from(command.payload as Uint8Array).equals(payloads[index] as Buffer)).toBe(true));
  });

  it('writes the first command of a turn at once, and the rest of that turn together after it', async () => {
    const { connection, peer } = await connected();
    const socket = (connection as unknown as { socket: Socket }).socket;
    connection.send('PNG');
    const first = socket.bytesWritten;
    expect(first).toBe('PNG\r\n'.length);
    connection.send('CHG', ['1', 'NLN']);
    connection.send('CHG', ['2', 'BSY']);
    expect(socket.bytesWritten).toBe(first);
    expect([await peer.nextLine(), await peer.nextLine(), await peer.nextLine()]).toEqual(['PNG', 'CHG 1 NLN', 'CHG 2 BSY']);
    expect(socket.bytesWritten).toBe(first + 'CHG 1 NLN\r\nCHG 2 BSY\r\n'.length);
  });
});

describe('MsnpConnection closing', () => {
  it('rejects pending requests with ConnectionClosedError and emits close when the server closes', async () => {
    const { connection, peer, commands, closed } = await connected();
    const outcome = connection.request('SYN', ['0']).catch((caught: unknown) => caught);
    await peer.nextLine();
    peer.socket.end('OUT SSD\r\n');
    const error = await outcome;
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error).toMatchObject({ reason: 'connection-closed' });
    expect(await closed).toEqual({ reason: 'connection-closed' });
    expect(commands).toEqual([{ name: 'OUT', params: ['SSD'] }]);
    expect(connection.isOpen).toBe(false);
  });

  it('closes locally: pending requests reject, close is emitted once, the server sees the close', async () => {
    const { connection, peer, closed } = await connected();
    const events: ConnectionClosed[] = [];
    connection.on('close', (event) => events.push(event));
    const outcome = connection.request('CHG', ['NLN']).catch((caught: unknown) => caught);
    await peer.nextLine();
    connection.close();
    connection.close();
    expect(await outcome).toBeInstanceOf(ConnectionClosedError);
    expect(await closed).toEqual({ reason: 'closed-locally' });
    await peer.ended;
    expect(events).toHaveLength(1);
    await expect(connection.request('CHG', ['AWY'])).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(() => connection.send('OUT')).toThrow(ConnectionClosedError);
  });

  it('ends politely: what was written reaches the server, then the close is local', async () => {
    const { connection, peer, closed } = await connected();
    connection.send('OUT');
    connection.end();
    expect(await peer.nextLine()).toBe('OUT');
    peer.socket.end();
    expect(await closed).toEqual({ reason: 'closed-locally' });
  });

  it('closes as lost, with the socket error, when the connection is reset', async () => {
    const { connection, peer, closed } = await connected();
    const outcome = connection.request('SYN', ['0']).catch((caught: unknown) => caught);
    await peer.nextLine();
    peer.socket.resetAndDestroy();
    expect(await closed).toEqual({ reason: 'connection-lost', detail: { code: 'ECONNRESET' } });
    expect(await outcome).toBeInstanceOf(ConnectionClosedError);
  });

  it('closes as line-too-long when the server sends an over-long line', async () => {
    const { connection, peer, commands, closed } = await connected();
    const outcome = connection.request('SYN', ['0']).catch((caught: unknown) => caught);
    await peer.nextLine();
    peer.write(`LST 1 FL 14 1 1 a@b.com ${'N'.repeat(9000)}`);
    expect(await closed).toEqual({ reason: 'line-too-long' });
    expect(await outcome).toMatchObject({ name: 'ConnectionClosedError', reason: 'line-too-long' });
    await peer.ended;
    expect(commands).toEqual([]);
  });

  it('emits nothing after a listener closed the connection mid-chunk', async () => {
    const { connection, peer, commands, malformed, closed } = await connected();
    connection.on('command', (command) => {
      if (command.name === 'OUT') connection.close();
    });
    peer.write('OUT OTH\r\nNLN NLN bob@hotmail.com Bob\r\nnot a command\r\n');
    await closed;
    expect(commands).toEqual([{ name: 'OUT', params: ['OTH'] }]);
    expect(malformed).toEqual([]);
  });
});

describe('MsnpConnection malformed lines', () => {
  it('emits malformed for a bad line and goes on with the next', async () => {
    const { connection, peer, commands, malformed } = await connected();
    const reply = connection.request('CHG', ['NLN']);
    await peer.nextLine();
    peer.write('chg 1 NLN\r\n???\r\nCHG 1 NLN\r\n');
    await expect(reply).resolves.toEqual({ name: 'CHG', params: ['1', 'NLN'] });
    expect(malformed.map((error) => error.line)).toEqual(['chg 1 NLN', '???']);
    expect(commands).toEqual([]);
    expect(connection.isOpen).toBe(true);
  });
});

describe('MsnpConnection.connect', () => {
  it('rejects with the address and the socket error when nothing listens on the port', async () => {
    const { port } = await listen();
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const error = await MsnpConnection.connect('127.0.0.1', port).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error).toMatchObject({ reason: 'cannot-connect', detail: { host: '127.0.0.1', port, code: 'ECONNREFUSED' } });
  });
});

describe('the wire log', () => {
  it('hides the password hash, challenges and switchboard cookies, and shows MSG bodies by length', async () => {
    const log: [WireDirection, string][] = [];
    const { connection, peer } = await connected({ firstTrid: 6, log: (direction, text) => log.push([direction, text]) });
    const challenge = connection.request('USR', ['MD5', 'I', 'example@hotmail.com']);
    await peer.nextLine();
    peer.write('USR 6 MD5 S 1234567890.123456789\r\n');
    await challenge;
    const login = connection.request('USR', ['MD5', 'S', 'c36a4dec1c6bf5af4f5284f19345d3dc']);
    await peer.nextLine();
    peer.write(
      'USR 7 OK example@hotmail.com Example%20User\r\n' +
        'XFR 8 SB 198.51.100.20:1863 CKI 17262740.1050826919.32308\r\n' +
        'RNG 11752317 198.51.100.21:1863 CKI 849102291.520491113 anotheruser@hotmail.com Another%20User\r\n' +
        'MSG anotheruser@hotmail.com Another%20User 9\r\nsecret :)',
    );
    await login;
    await vi.waitFor(() => expect(log).toHaveLength(7));
    connection.send('USR', ['1', 'example@hotmail.com', '17262740.1050826919.32308']);
    connection.send('ANS', ['1', 'example@hotmail.com', '849102291.520491113', '11752317']);
    connection.send('MSG', ['2', 'N'], encoder.encode('secret :)'));
    expect(log).toEqual([
      ['out', 'USR 6 MD5 I example@hotmail.com'],
      ['in', 'USR 6 MD5 S [hidden]'],
      ['out', 'USR 7 MD5 S [hidden]'],
      ['in', 'USR 7 OK example@hotmail.com Example%20User'],
      ['in', 'XFR 8 SB 198.51.100.20:1863 CKI [hidden]'],
      ['in', 'RNG 11752317 198.51.100.21:1863 CKI [hidden] anotheruser@hotmail.com Another%20User'],
      ['in', 'MSG anotheruser@hotmail.com Another%20User <9 bytes>'],
      ['out', 'USR 1 example@hotmail.com [hidden]'],
      ['out', 'ANS 1 example@hotmail.com [hidden] 11752317'],
      ['out', 'MSG 2 N <9 bytes>'],
    ]);
    const text = log.map(([, entry]) => entry).join('\n');
    for (const secret of ['c36a4dec1c6bf5af4f5284f19345d3dc', '1234567890.123456789', '17262740', '849102291', 'secret']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('describeForLog', () => {
  it.each([
    ['USR 7 MD5 S c36a4dec1c6bf5af4f5284f19345d3dc', 'USR 7 MD5 S [hidden]'],
    ['USR 6 MD5 S 1234567890.123456789', 'USR 6 MD5 S [hidden]'],
    ['USR 3 MD5 I example@hotmail.com', 'USR 3 MD5 I example@hotmail.com'],
    ['USR 7 OK example@hotmail.com Example%20User', 'USR 7 OK example@hotmail.com Example%20User'],
    ['USR 1 example@hotmail.com 17262740.1050826919.32308', 'USR 1 example@hotmail.com [hidden]'],
    ['USR 1 OK example@hotmail.com Ex%C3%A9mple%20User', 'USR 1 OK example@hotmail.com Ex%C3%A9mple%20User'],
    ['ANS 1 example@hotmail.com 849102291.520491113 11752317', 'ANS 1 example@hotmail.com [hidden] 11752317'],
    ['ANS 1 OK', 'ANS 1 OK'],
    ['XFR 19 SB 198.51.100.20:1863 CKI 17262740.1050826919.32308', 'XFR 19 SB 198.51.100.20:1863 CKI [hidden]'],
    ['XFR 3 NS 192.0.2.10:1863 0', 'XFR 3 NS 192.0.2.10:1863 0'],
    [
      'RNG 11752317 198.51.100.21:1863 CKI 849102291.520491113 anotheruser@hotmail.com Another%20User',
      'RNG 11752317 198.51.100.21:1863 CKI [hidden] anotheruser@hotmail.com Another%20User',
    ],
    ['CHG 9 NLN', 'CHG 9 NLN'],
  ])('%s → %s', (line, logged) => {
    const [name = '', ...params] = line.split(' ');
    expect(describeForLog({ name, params })).toBe(logged);
  });

  it('shows a MSG body by its byte length only', () => {
    expect(describeForLog({ name: 'MSG', params: ['Hotmail', 'Hotmail'], payload: encoder.encode('MSPAuth: secret$$\r\n') })).toBe(
      'MSG Hotmail Hotmail <19 bytes>',
    );
    expect(describeForLog({ name: 'MSG', params: ['3', 'U'], payload: new Uint8Array(0) })).toBe('MSG 3 U <0 bytes>');
  });
});
