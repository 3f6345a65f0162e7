// The contract between the notification session (which hands out switchboards) and the
// conversations that run on them. The messenger facade wires the two together.

import type { AppError, Conversation, Dialect, MessageFormat } from '../../shared/model';
import type { TypedEmitter } from '../../shared/emitter';
import type { ConnectionOptions } from '../../protocol/index';

/** Where a switchboard is and the cookie that admits us (from `XFR SB` or `RNG`). */
export interface SwitchboardTicket {
  readonly host: string;
  readonly port: number;
  readonly cookie: string;
}

/** An invitation received on the NS: `RNG sessid host:port CKI cookie inviter inviter-name`. */
export interface SwitchboardRing extends SwitchboardTicket {
  readonly sessionId: string;
  readonly inviter: string;
  readonly inviterName: string;
}

export interface SendOptions {
  /** An automatic reply: marked on the wire and in the transcript. */
  readonly automatic?: boolean;
}

/** What conversations need from the rest of the client. */
export interface ConversationHost {
  /** My handle and current friendly name. */
  self(): { readonly handle: string; readonly friendlyName: string };
  dialect(): Dialect;
  /** `XFR SB` on the notification server. Rejects with a ProtocolError (e.g. 913 when hidden). */
  requestSwitchboard(): Promise<SwitchboardTicket>;
  /** Friendly name and whether someone is blocked, from the contact list. */
  friendlyNameOf(handle: string): string | undefined;
  isBlocked(handle: string): boolean;
  /** False while IMS is OFF (do not disturb): invitations are not answered. */
  acceptsInvitations(): boolean;
  /** The host of the server signed in to, to notice invitations that lead elsewhere. */
  serverHost?(): string | undefined;
  /**
   * The notification connection was lost and is being made again: a message typed meanwhile waits
   * (shown as sending) for `resume` instead of failing at once.
   */
  reconnecting?(): boolean;
  log?(line: string): void;
  /** How a switchboard connection is made and watched right now (the account's proxy, the protocol console). */
  network?(): Pick<ConnectionOptions, 'dial' | 'observe'>;
  /** Whether the log may show message text ("log message text" in Options); by length only otherwise. */
  logMessageText?(): boolean;
}

export interface ConversationEvents {
  /** The conversations changed; the value is the new immutable record keyed by id. */
  change: Readonly<Record<string, Conversation>>;
  /** A message from someone else arrived. */
  message: {
    readonly conversationId: string;
    readonly from: string;
    readonly fromName: string;
    readonly text: string;
    /** The transcript entry's id. */
    readonly messageId: string;
    /** The sender's MSNP3 formatting, validated (absent from MSNP2 senders). */
    readonly format?: MessageFormat;
    /** Their client marked it as an automatic reply. */
    readonly automatic?: true;
  };
  /** A message could not be delivered, or a CAL/switchboard failure, as a sentence. */
  error: { readonly conversationId: string; readonly messageId?: string; readonly error: AppError };
}

export interface ConversationService extends TypedEmitter<ConversationEvents> {
  readonly conversations: Readonly<Record<string, Conversation>>;
  /** Opens (or returns the open) one-to-one conversation with `handle`; returns its id at once. */
  open(handle: string): string;
  /** Sends text; queued until the contact joins; re-opens a closed switchboard transparently. Returns the message id. */
  send(conversationId: string, text: string, format?: MessageFormat, options?: SendOptions): string;
  /** Sends a failed message again. */
  resend(conversationId: string, messageId: string): void;
  /** Tells the others I am typing (rate-limited inside). */
  typing(conversationId: string): void;
  /** Invites another contact into the conversation (CAL). */
  invite(conversationId: string, handle: string): void;
  /** Leaves the conversation's switchboard (OUT) and forgets the conversation. */
  close(conversationId: string): void;
  /**
   * Leaves the switchboard of every one-to-one conversation with `handle` (I blocked them: the server
   * enforces privacy only when inviting, §6.1). The conversations and their transcripts stay.
   */
  leaveWith(handle: string): void;
  /** An RNG arrived on the NS. */
  ring(ring: SwitchboardRing): void;
  /**
   * Leaves every switchboard (sign-out or lost NS); what waited to be sent fails. With `quiet` (the
   * user signed out) the failures are only marked in the transcripts, without `error` events.
   */
  closeAll(options?: { readonly quiet?: boolean }): void;
  /** The notification session is back after a reconnect: what waited for it is sent now. */
  resume(): void;
}
