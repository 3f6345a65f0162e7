// One notification-server connection (§3): the sign-in phases, the command table of the signed-in
// session, and what happens when it ends. The commands themselves live in one module per concern.

import type { MsnpCommand } from '../../protocol/index';
import type { Account } from '../accounts';
import type { Dialect, Invitation, Member, SeenPresence, ServerContext } from '../context';
import { tridOf } from '../negotiation';
import type { Peer } from '../peer';
import { listCommands } from './lists';
import { loginCommands } from './login';
import { mailCommands } from './mail';
import { type Status, presenceCommands, refreshWatchersOf } from './presence';
import { serviceCommands } from './services';

export type Phase = 'connected' | 'cvr0' | 'versioned' | 'challenged' | 'signed-in';

export interface CommandSpec {
  /** Phases in which the command is valid; anywhere else it drops the connection. */
  readonly phases: readonly Phase[];
  /** Dialects that know the command (default: both). */
  readonly dialects?: readonly Dialect[];
  /** PNG and OUT are bare words without a transaction id. */
  readonly withoutTrid?: boolean;
  /** Parameters required after the transaction id; fewer is answered with 300. */
  readonly minParams?: number;
  handle(session: NotificationSession, command: MsnpCommand, trid: string): void;
}

const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  Object.entries({ ...loginCommands, ...listCommands, ...presenceCommands, ...mailCommands, ...serviceCommands }),
);

export class NotificationSession implements Member {
  phase: Phase = 'connected';
  dialect: Dialect | undefined;
  /** The handle named in `USR … I` and the challenge sent for it. */
  pendingLogin: { handle: string; challenge: string } | undefined;
  status: Status | undefined;
  acceptsInvitations = true;
  readonly automated = false;
  readonly seen = new Map<string, SeenPresence>();
  private signedIn: Account | undefined;
  private readonly cancelSignInDeadline: () => void;

  constructor(
    readonly context: ServerContext,
    readonly peer: Peer,
  ) {
    peer.onCommand = (command) => this.receive(command);
    peer.onClose(() => this.leave());
    this.cancelSignInDeadline = peer.deadline(context.settings.signInTimeoutMs, 'no sign-in in time');
  }

  get account(): Account {
    if (!this.signedIn) throw new Error('The session is not signed in');
    return this.signedIn;
  }

  /** Completes sign-in: the session becomes the account's only one (§4.5: older ones get OUT OTH). */
  becomeSignedIn(account: Account): void {
    const previous = this.context.online.get(account.handle);
    if (previous instanceof NotificationSession) previous.signOut('OTH');
    this.cancelSignInDeadline();
    this.signedIn = account;
    this.phase = 'signed-in';
    this.context.online.set(account.handle, this);
    this.context.settings.log(`[${this.peer.label}] ${account.handle} signed in (${this.dialect})`);
  }

  notify(name: string, params: readonly string[], payload?: Uint8Array): void {
    this.peer.send(name, params, payload);
  }

  ring(invitation: Invitation): void {
    const { sessionId, address, cookie, callerHandle, callerName } = invitation;
    this.peer.send('RNG', [sessionId, address, 'CKI', cookie, callerHandle, callerName]);
  }

  /** Ends the session: `OUT reason` (OTH, SSD) from the server's side, a bare `OUT` echoing the client's; then close. */
  signOut(reason?: string): void {
    this.peer.send('OUT', reason === undefined ? [] : [reason]);
    this.peer.end();
    this.leave();
  }

  private receive(command: MsnpCommand): void {
    const spec = COMMANDS.get(command.name);
    if (!spec || !spec.phases.includes(this.phase) || (spec.dialects && !spec.dialects.includes(this.dialect ?? 'MSNP3'))) {
      this.peer.drop(`${command.name} is not valid here (${this.phase}, ${this.dialect ?? 'no dialect'})`);
      return;
    }
    if (spec.withoutTrid) return spec.handle(this, command, '0');
    const trid = tridOf(command);
    if (trid === undefined) return this.peer.drop(`${command.name} without a transaction id`);
    if (command.params.length - 1 < (spec.minParams ?? 0)) return this.peer.send('300', [trid]);
    spec.handle(this, command, trid);
  }

  /** Goes offline: watchers see FLN. Runs once, whether the client or the server ended the session. */
  private leave(): void {
    const account = this.signedIn;
    if (!account || this.context.online.get(account.handle) !== this) return;
    this.context.online.delete(account.handle);
    this.status = undefined;
    refreshWatchersOf(this.context, account.handle);
    this.context.settings.log(`[${this.peer.label}] ${account.handle} signed out`);
  }
}
