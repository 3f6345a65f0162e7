// The switchboard side of the server: cookies handed out by XFR SB and RNG, the open sessions, and
// the invitation rules of CAL (§5.10, §5.11, §6.3).

import { randomInt } from 'node:crypto';
import { isValidHandle, normalizeHandle } from '../accounts';
import type { ServerContext } from '../context';
import { isBlocking } from '../notification/presence';
import type { Peer } from '../peer';
import { SocketParticipant } from './participant';
import { type Participant, SwitchboardSession } from './session';
import { TicketBook } from './tickets';

/** What a cookie admits to: a new session (XFR SB), or the session an invitation (RNG) is for. */
interface Ticket {
  readonly session?: SwitchboardSession;
}

export class SwitchboardService {
  private readonly tickets: TicketBook<Ticket>;
  private readonly sessions = new Map<string, SwitchboardSession>();
  private nextSessionId = randomInt(10_000_000, 20_000_000);
  port = 0;

  constructor(private readonly context: ServerContext) {
    this.tickets = new TicketBook(context.settings.cookieLifetimeMs, context.settings.limits.ticketsPerHandle);
  }

  get address(): string {
    return `${this.context.settings.host}:${this.port}`;
  }

  serve(peer: Peer): void {
    new SocketParticipant(this.context, this, peer);
  }

  /** A cookie for `XFR SB`: whoever presents it with this handle opens a new session; undefined when they hold too many unused. */
  issueCookie(handle: string): { address: string; cookie: string } | undefined {
    const cookie = this.tickets.issue(handle, {});
    return cookie === undefined ? undefined : { address: this.address, cookie };
  }

  /** USR on the switchboard: a valid creator cookie opens a fresh session. */
  openSession(handle: string, cookie: string): SwitchboardSession | undefined {
    const ticket = this.tickets.take(cookie, normalizeHandle(handle));
    if (!ticket || ticket.session) return undefined;
    const id = String(this.nextSessionId++);
    const session = new SwitchboardSession(id, this.context.settings.switchboardIdleMs, (ended, reason) => {
      this.sessions.delete(ended.id);
      this.context.settings.log(`[SB] session ${ended.id} ended (${reason})`);
    });
    this.sessions.set(id, session);
    return session;
  }

  /** ANS: a valid invitation cookie for this handle and session id lets the invitee in. */
  redeemInvitation(handle: string, cookie: string, sessionId: string): SwitchboardSession | undefined {
    const ticket = this.tickets.take(cookie, normalizeHandle(handle));
    if (!ticket?.session || ticket.session.id !== sessionId || !ticket.session.isOpen) return undefined;
    return ticket.session;
  }

  /** CAL: rings the callee's notification session, or says why not (an error code). */
  call(session: SwitchboardSession, caller: Participant, rawHandle: string): { error: string } | { sessionId: string } {
    if (!isValidHandle(rawHandle)) return { error: '208' };
    const handle = normalizeHandle(rawHandle);
    if (session.has(handle)) return { error: '215' };
    const callee = this.context.online.get(handle);
    if (
      !callee ||
      callee.status === undefined ||
      callee.status === 'HDN' ||
      !callee.acceptsInvitations ||
      isBlocking(callee.account, caller.handle)
    ) {
      return { error: '217' };
    }
    const cookie = this.tickets.issue(handle, { session });
    if (cookie === undefined) return { error: '713' };
    callee.ring({ sessionId: session.id, address: this.address, cookie, callerHandle: caller.handle, callerName: caller.wireName });
    return { sessionId: session.id };
  }

  close(): void {
    for (const session of [...this.sessions.values()]) session.end('server closing');
    this.tickets.clear();
  }
}
