// What every part of the server shares: settings, accounts, who is signed in, and the switchboards.

import type { Dialect } from '../protocol/index';
import type { Account, AccountStore, ListName } from './accounts';
import type { ConnectionLimits } from './connection-limit';
import type { Log } from './peer';
import type { SignInThrottle } from './sign-in-throttle';
import type { Status } from './notification/presence';
import type { SwitchboardService } from './switchboard/service';

export type { Dialect };

export interface ServerSettings {
  /** The address handed out in XFR and RNG referrals. */
  readonly host: string;
  readonly dialects: readonly Dialect[];
  readonly listLimits: Readonly<Record<Exclude<ListName, 'RL'>, number>>;
  /** A switchboard with no traffic for this long is closed. */
  readonly switchboardIdleMs: number;
  /** How long an XFR SB or RNG cookie stays valid (and an SB connection may stay unauthenticated). */
  readonly cookieLifetimeMs: number;
  /** How long a dispatch or notification connection may stay without signing in. */
  readonly signInTimeoutMs: number;
  /** How long the bot "types" before its reply is sent. */
  readonly botReplyDelayMs: number;
  readonly limits: ServerLimits;
  readonly log: Log;
}

/** What keeps one client from using up the server for everyone else. */
export interface ServerLimits extends ConnectionLimits {
  /** Unused switchboard cookies one handle may hold: XFR SB and CAL beyond it get 713. */
  readonly ticketsPerHandle: number;
}

/** An invitation to a switchboard, as carried by RNG. */
export interface Invitation {
  readonly sessionId: string;
  readonly address: string;
  readonly cookie: string;
  readonly callerHandle: string;
  readonly callerName: string;
}

/** What a contact currently looks like to one watcher (for NLN/FLN differences). */
export interface SeenPresence {
  readonly status: Status;
  readonly name: string;
}

/** Someone signed in: a notification-server session, or the in-process bot. */
export interface Member {
  readonly account: Account;
  /** True for the in-process bot: nobody can sign in with its account. */
  readonly automated: boolean;
  /** Undefined until the first CHG: before it the member is offline to everyone and sees nobody. */
  readonly status: Status | undefined;
  /** False after `IMS OFF`: no RNG is delivered and CALs fail with 217. */
  readonly acceptsInvitations: boolean;
  /** Presence of FL contacts as last told to this member. */
  readonly seen: Map<string, SeenPresence>;
  /** Sends an unsolicited notification-server line (no-op for the bot). */
  notify(name: string, params: readonly string[], payload?: Uint8Array): void;
  ring(invitation: Invitation): void;
}

export interface ServerContext {
  readonly settings: ServerSettings;
  readonly accounts: AccountStore;
  readonly online: Map<string, Member>;
  readonly switchboards: SwitchboardService;
  /** Slows repeated wrong passwords, per account and per address. */
  readonly signInThrottle: SignInThrottle;
  /** `host:port` of the notification listener, for the dispatch server's XFR. */
  readonly notificationAddress: () => string;
  /** A session's first CHG made it visible (the Local demo's timeline starts at the demo user's). */
  readonly memberVisible: (member: Member) => void;
}
