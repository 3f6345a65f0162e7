// One switchboard connection (§6): USR or ANS to get in, CAL to invite, MSG with ACK/NAK, and the
// JOI/IRO/BYE roster. It knows nothing about conversations; the service decides what events mean.
// TrIDs start at 1 on every switchboard socket.

import type { Participant } from '../../shared/model';
import { lastContactKey } from '../../shared/contacts';
import { TypedEmitter } from '../../shared/emitter';
import {
  type ConnectionClosed,
  type ConnectionOptions,
  type MsnpCommand,
  MsnpConnection,
  isErrorCommand,
  percentDecode,
} from '../../protocol/index';
import { SessionError } from '../ns/errors';
import type { SwitchboardRing, SwitchboardTicket } from './types';

export interface SwitchboardEvents {
  /** `JOI`: someone answered an invitation. */
  joined: Participant;
  /** `BYE`: someone left (OUT or dropped connection). */
  left: { readonly handle: string };
  /** `MSG` relayed from another participant; the payload is parsed by the caller. */
  message: { readonly from: string; readonly fromName: string; readonly payload: Uint8Array };
  close: ConnectionClosed;
}

export interface SwitchboardOptions {
  connectTimeoutMs?: number;
  /** USR, ANS and CAL replies. */
  requestTimeoutMs?: number;
  /** How long an `A`-mode MSG may wait for ACK or NAK. */
  ackTimeoutMs?: number;
  log?: (line: string) => void;
  /** How each switchboard connection is made and watched, asked as it opens (the proxy may change between sign-ins). */
  network?: () => Pick<ConnectionOptions, 'dial' | 'observe'>;
  /** Whether a logged message may show its text (the user's "log message text"). */
  logMessageText?: () => boolean;
}

const ACK_MODE: readonly string[] = ['A'];
const ACK_REPLIES: readonly string[] = ['ACK', 'NAK'];

export class Switchboard extends TypedEmitter<SwitchboardEvents> {
  private readonly peers = new Map<string, Participant>();
  /** `participants`, made again only when someone joins or leaves (it is asked for every message sent). */
  private roster: readonly Participant[] | undefined = [];
  /**
   * Events that arrive before the owner has subscribed. The reply that ends USR/ANS resolves a
   * promise, and the rest of the same TCP chunk (a JOI, the first MSG) is framed before the owner's
   * continuation runs, so nothing is emitted until `resume()`.
   */
  private backlog: Array<() => void> | undefined = [];
  /** While ANS waits for its answer: the only time the IRO roster may come (§6.4). */
  private answering = false;
  /** A sender's handle as a key: messages come from the same few people one after another. */
  private readonly senderKey = lastContactKey();

  private constructor(
    private readonly connection: MsnpConnection,
    private readonly options: SwitchboardOptions,
  ) {
    super();
    connection.on('command', (command) => this.receive(command));
    connection.on('malformed', (error) => this.options.log?.(`SB: ignored a malformed line (${error.message})`));
    connection.on('close', (reason) => this.deliver('close', reason));
  }

  /** Connects to a switchboard from `XFR SB` and authenticates with `USR` (§6.2). */
  static async create(ticket: SwitchboardTicket, handle: string, options: SwitchboardOptions = {}): Promise<Switchboard> {
    const switchboard = new Switchboard(await connect(ticket, options), options);
    await switchboard.authenticate('USR', [handle, ticket.cookie]);
    return switchboard;
  }

  /** Connects to the switchboard named by `RNG` and answers with `ANS`; `participants` then holds the IRO roster (§6.4). */
  static async answer(ring: SwitchboardRing, handle: string, options: SwitchboardOptions = {}): Promise<Switchboard> {
    const switchboard = new Switchboard(await connect(ring, options), options);
    await switchboard.authenticate('ANS', [handle, ring.cookie, ring.sessionId]);
    return switchboard;
  }

  /** The other people in the session right now. */
  get participants(): readonly Participant[] {
    this.roster ??= [...this.peers.values()];
    return this.roster;
  }

  get isOpen(): boolean {
    return this.connection.isOpen;
  }

  has(handle: string): boolean {
    return this.peers.has(handle.toLowerCase());
  }

  /** Starts emitting events, beginning with those that arrived while nobody listened. */
  resume(): void {
    const backlog = this.backlog;
    this.backlog = undefined;
    for (const event of backlog ?? []) event();
  }

  /** `CAL`: resolves when the server says RINGING; rejects with a ProtocolError (217 offline, …). */
  async call(handle: string): Promise<void> {
    await this.connection.request('CAL', [handle], { timeoutMs: this.options.requestTimeoutMs });
  }

  /**
   * Sends with ack mode `A` (§6.6), then calls `done` once: with true on ACK, false on NAK, or the
   * error (no answer in time, a closed switchboard). A callback, not a promise: a burst holds one
   * per message in flight.
   */
  sendAcknowledged(payload: Uint8Array, done: (error: Error | undefined, acknowledged: boolean) => void): void {
    this.connection.requestThen('MSG', ACK_MODE, { payload, replies: ACK_REPLIES, timeoutMs: this.options.ackTimeoutMs }, (error, reply) =>
      done(error, reply?.name === 'ACK'),
    );
  }

  /** Sends with ack mode `U` (typing) or `N` (an invitation's answer) and waits for nothing. */
  post(payload: Uint8Array, mode: 'U' | 'N'): void {
    if (!this.connection.isOpen) return;
    this.connection.send('MSG', [String(this.connection.nextTrid()), mode], payload);
  }

  /** `OUT`: leaves the session; the socket closes once the server has read it (§6.9). */
  leave(): void {
    if (!this.connection.isOpen) return;
    this.connection.send('OUT');
    this.connection.end();
  }

  /** USR or ANS; only `… OK` lets us in (§6.2, §6.4): any other answer with its TrID is a refusal. */
  private async authenticate(name: 'USR' | 'ANS', params: readonly string[]): Promise<void> {
    this.answering = name === 'ANS';
    try {
      const reply = await this.connection.request(name, params, { timeoutMs: this.options.requestTimeoutMs });
      if (reply.params[1] !== 'OK') throw new SessionError('protocol', 'switchboard-refused');
    } catch (error) {
      this.connection.close();
      throw error;
    } finally {
      this.answering = false;
    }
  }

  /** What each command does when it arrives outside a request's reply. */
  private readonly handlers: Readonly<Record<string, (command: MsnpCommand) => void>> = {
    // IRO trid n total handle name: the roster, complete before `ANS … OK`. Any other time it would
    // put someone in the session whom nobody called and who never joined.
    IRO: (command) => {
      const [handle, name] = command.params.slice(3);
      if (!this.answering) return this.malformed(command, 'a roster line outside ANS');
      if (!handle) return this.malformed(command, 'no handle');
      this.peers.set(handle.toLowerCase(), participant(handle, name));
      this.roster = undefined;
    },
    JOI: (command) => {
      const [handle, name] = command.params;
      if (!handle) return this.malformed(command, 'no handle');
      const joined = participant(handle, name);
      this.peers.set(joined.handle, joined);
      this.roster = undefined;
      this.deliver('joined', joined);
    },
    // Only someone in the session can leave it: a BYE for anyone else would read as "the last person
    // left" while the people called are still on their way.
    BYE: (command) => {
      const [handle] = command.params;
      if (!handle) return this.malformed(command, 'no handle');
      if (!this.peers.delete(handle.toLowerCase())) return this.malformed(command, 'not in the session');
      this.roster = undefined;
      this.deliver('left', { handle: handle.toLowerCase() });
    },
    MSG: (command) => {
      const [from, name] = command.params;
      if (!from || !command.payload) return this.malformed(command, 'no sender');
      this.deliver('message', { from: this.senderKey(from), fromName: percentDecode(name ?? from), payload: command.payload });
    },
    // OUT precedes the server's close; ACK/NAK without a waiting request belong to U/N messages.
    OUT: () => undefined,
    ACK: () => undefined,
    NAK: () => undefined,
  };

  /** The commands the switchboard handles when they arrive unsolicited. */
  get handledCommands(): readonly string[] {
    return Object.keys(this.handlers);
  }

  private receive(command: MsnpCommand): void {
    const handler = this.handlers[command.name];
    // A bad line (or a listener failing on it) must not escape the socket's data handler.
    try {
      if (handler) handler(command);
      else if (isErrorCommand(command.name)) this.options.log?.(`SB: error ${command.name} for no pending request`);
      else this.options.log?.(`SB: ignored unknown command ${command.name}`);
    } catch (error) {
      this.malformed(command, `handling it failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private malformed(command: MsnpCommand, reason: string): void {
    this.options.log?.(`SB: ignored a malformed ${command.name} (${reason})`);
  }

  private deliver<K extends keyof SwitchboardEvents>(event: K, payload: SwitchboardEvents[K]): void {
    if (this.backlog) this.backlog.push(() => this.emit(event, payload));
    else this.emit(event, payload);
  }
}

function participant(handle: string, encodedName: string | undefined): Participant {
  return { handle: handle.toLowerCase(), friendlyName: encodedName ? percentDecode(encodedName) : handle };
}

function connect(ticket: SwitchboardTicket, options: SwitchboardOptions): Promise<MsnpConnection> {
  const log = options.log;
  const connectionOptions: ConnectionOptions = {
    connectTimeoutMs: options.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    log: log && ((direction, text) => log(`SB ${direction === 'in' ? '<' : '>'} ${text}`)),
    ...options.network?.(),
    logMessageText: options.logMessageText,
  };
  return MsnpConnection.connect(ticket.host, ticket.port, connectionOptions);
}
