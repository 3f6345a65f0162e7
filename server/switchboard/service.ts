// The switchboard side of the server: cookies handed out by XFR SB and RNG, the open sessions, and
// the invitation rules of CAL (§5.10, §5.11, §6.3).

import { randomInt } from 'node:crypto';
import { isValidHandle, normalizeHandle } from '../accounts';
import type { ServerContext } from '../context';
import { isBlocking } from '../notification/presence';
import type { Peer } from '../peer';
import { randomDigits } from '../random';
import { SocketParticipant } from './participant';
import { type Participant, SwitchboardSession } from './session';

interface Ticket {
  readonly handle: string;
  readonly expiresAt: number;
  /** Set for invitations (RNG); absent for a new session (XFR SB). */
  readonly session?: SwitchboardSession;
}

export class SwitchboardService {
  private readonly tickets = new Map<string, Ticket>();
  private readonly sessions = new Map<string, SwitchboardSession>();
  private nextSessionId = randomInt(10_000_000, 20_000_000);
  port = 0;

  constructor(private readonly context: ServerContext) {}

  get address(): string {
    return `${this.context.settings.host}:${this.port}`;
  }

  serve(peer: Peer): void {
    new SocketParticipant(this.context, this, peer);
  }

  /** A cookie for `XFR SB`: whoever presents it with this handle opens a new session. */
  issueCookie(handle: string): { address: string; cookie: string } {
    return { address: this.address, cookie: this.issueTicket({ handle }) };
  }

  /** USR on the switchboard: a valid creator cookie opens a fresh session. */
  openSession(handle: string, cookie: string): SwitchboardSession | undefined {
    const ticket = this.takeTicket(handle, cookie);
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
    const ticket = this.takeTicket(handle, cookie);
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
    const cookie = this.issueTicket({ handle, session });
    callee.ring({ sessionId: session.id, address: this.address, cookie, callerHandle: caller.handle, callerName: caller.wireName });
    return { sessionId: session.id };
  }

  close(): void {
    for (const session of [...this.sessions.values()]) session.end('server closing');
    this.tickets.clear();
  }

  private issueTicket(ticket: { handle: string; session?: SwitchboardSession }): string {
    const now = Date.now();
    for (const [cookie, old] of this.tickets) if (old.expiresAt <= now) this.tickets.delete(cookie);
    const cookie = `${randomDigits(8)}.${randomDigits(10)}.${randomDigits(5)}`;
    this.tickets.set(cookie, { ...ticket, expiresAt: now + this.context.settings.cookieLifetimeMs });
    return cookie;
  }

  private takeTicket(handle: string, cookie: string): Ticket | undefined {
    const ticket = this.tickets.get(cookie);
    if (!ticket || ticket.handle !== normalizeHandle(handle) || ticket.expiresAt <= Date.now()) return undefined;
    this.tickets.delete(cookie);
    return ticket;
  }
}
