// A client connection to the switchboard (§6): USR or ANS first, then CAL, MSG and OUT. The SB has
// no dialect, so the same rules serve MSNP2 and MSNP3 clients.

import type { MsnpCommand } from '../../protocol/index';
import type { Account } from '../accounts';
import type { ServerContext } from '../context';
import { tridOf } from '../negotiation';
import type { Peer } from '../peer';
import type { SwitchboardService } from './service';
import type { Participant, SwitchboardSession } from './session';

const ACK_MODES = new Set(['U', 'N', 'A']);

export class SocketParticipant implements Participant {
  private account: Account | undefined;
  private session: SwitchboardSession | undefined;
  private readonly cancelAuthDeadline: () => void;

  constructor(
    private readonly context: ServerContext,
    private readonly service: SwitchboardService,
    private readonly peer: Peer,
  ) {
    peer.onCommand = (command) => this.receive(command);
    peer.onClose(() => this.session?.leave(this));
    this.cancelAuthDeadline = peer.deadline(context.settings.cookieLifetimeMs, 'no USR or ANS in time');
  }

  get handle(): string {
    return this.account?.handle ?? '';
  }

  get wireName(): string {
    return this.account?.wireName ?? '';
  }

  deliver(name: string, params: readonly string[], payload?: Uint8Array): void {
    this.peer.send(name, params, payload);
  }

  dismiss(): void {
    this.session = undefined;
    this.peer.end();
  }

  private receive(command: MsnpCommand): void {
    if (command.name === 'OUT' && command.params.length === 0) return this.leave();
    const trid = tridOf(command);
    if (trid === undefined) return this.peer.drop(`${command.name} without a transaction id`);
    const session = this.session;
    if (!session) {
      if (command.name === 'USR') return this.authenticate(trid, command.params);
      if (command.name === 'ANS') return this.answer(trid, command.params);
      return this.peer.drop(`${command.name} before USR/ANS`);
    }
    if (command.name === 'CAL' && command.params[1] !== undefined) return this.call(session, trid, command.params[1]);
    if (command.name === 'MSG' && command.payload) return this.message(session, trid, command.params[1], command.payload);
    this.peer.drop(`${command.name} is not a switchboard command here`);
  }

  private authenticate(trid: string, params: readonly string[]): void {
    const [, handle, cookie] = params;
    const account = handle ? this.context.accounts.get(handle) : undefined;
    const session = account && cookie ? this.service.openSession(account.handle, cookie) : undefined;
    if (!account || !session) return this.refuse(trid, `USR ${handle ?? ''} with an invalid cookie`);
    this.enter(account, session);
    this.peer.send('USR', [trid, 'OK', account.handle, account.wireName]);
  }

  private answer(trid: string, params: readonly string[]): void {
    const [, handle, cookie, sessionId] = params;
    const account = handle ? this.context.accounts.get(handle) : undefined;
    const session =
      account && cookie && sessionId ? this.service.redeemInvitation(account.handle, cookie, sessionId) : undefined;
    if (!account || !session) return this.refuse(trid, `ANS ${handle ?? ''} with an invalid invitation`);
    const roster = [...session.participants];
    roster.forEach((other, index) => {
      this.peer.send('IRO', [trid, String(index + 1), String(roster.length), other.handle, other.wireName]);
    });
    this.peer.send('ANS', [trid, 'OK']);
    this.enter(account, session);
  }

  private enter(account: Account, session: SwitchboardSession): void {
    this.cancelAuthDeadline();
    this.account = account;
    this.session = session;
    session.join(this);
  }

  private refuse(trid: string, reason: string): void {
    this.context.settings.log(`[${this.peer.label}] refused: ${reason}`);
    this.peer.send('911', [trid]);
    this.peer.end();
  }

  private call(session: SwitchboardSession, trid: string, handle: string): void {
    const result = this.service.call(session, this, handle);
    if ('error' in result) return this.peer.send(result.error, [trid]);
    this.peer.send('CAL', [trid, 'RINGING', result.sessionId]);
  }

  private message(session: SwitchboardSession, trid: string, mode: string | undefined, payload: Uint8Array): void {
    if (!mode || !ACK_MODES.has(mode)) return this.peer.drop(`MSG with acknowledgement mode "${mode ?? ''}"`);
    const delivered = session.relay(this, payload);
    if (mode === 'U') return;
    if (delivered === 0) this.peer.send('NAK', [trid]);
    else if (mode === 'A') this.peer.send('ACK', [trid]);
  }

  private leave(): void {
    const session = this.session;
    this.session = undefined;
    session?.leave(this);
    this.peer.end();
  }
}
