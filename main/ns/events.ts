// What the notification session tells the rest of the client, declared once.

import type { AddedByRequest, AppError, Dialect, MailStatus, Profile, RemovedBy, SettableStatus, StatusCode } from '../../shared/model';
import type { MsnpCommand, ProtocolError } from '../../protocol/index';
import type { SwitchboardRing } from '../sb/types';
import type { ContactLists } from './lists';
import type { NewMailNotice } from './mail';
import type { SignInStep } from './signin';

export type SessionStep = SignInStep | 'syncing' | 'online';

/** Why a session ended: user sign-out, signed in elsewhere (OUT OTH), OUT SSD, a lost connection, or `XFR 0 NS`. */
export type SessionEnd =
  | { readonly reason: 'user' }
  | { readonly reason: 'elsewhere' | 'server-shutdown' | 'error'; readonly error: AppError }
  | { readonly reason: 'transfer'; readonly server: string };

export interface NotificationEvents {
  step: SessionStep;
  authenticated: { readonly handle: string; readonly friendlyName: string; readonly dialect: Dialect; readonly server: string };
  /** The lists after every change (sync, ADD/REM/REA/GTC/BLP replies, ADD 0/REM 0). */
  lists: ContactLists;
  /** `initial`: an ILN (presence as it stood when I came online or added them), not a change. */
  presence: { readonly handle: string; readonly status: StatusCode; readonly friendlyName?: string; readonly initial: boolean };
  /** My status, once the server has echoed it. */
  status: SettableStatus;
  friendlyName: string;
  profile: Profile;
  mailCount: MailStatus;
  newMail: NewMailNotice;
  mailMoved: { readonly fromInbox: boolean; readonly toInbox: boolean; readonly delta: number };
  maintenance: { readonly minutes: number };
  /** Someone on RL who is on neither AL nor BL, while GTC is A (§11.4). */
  addedBy: AddedByRequest;
  /** Someone on the cached reverse list is not on the server's at sign-in: they removed me meanwhile. */
  removedBy: RemovedBy;
  ring: SwitchboardRing;
  ims: boolean;
  /** An error line that answers no pending request. */
  error: ProtocolError;
  /** A command the client does not know; logged and surfaced, never silently dropped. */
  unknown: MsnpCommand;
  /** A known command whose tokens make no sense (missing, garbage); the session goes on. */
  malformed: { readonly command: MsnpCommand; readonly reason: string };
  closed: SessionEnd;
}
