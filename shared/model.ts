// Domain types shared by main and renderer. Only these cross IPC, never protocol tuples.
// Pure TypeScript: no electron, no node:*, no DOM.

import { EMPTY_CONTACTS } from './contacts';
import type { AppError, TranscriptEvent } from './errors';

export type { AppError } from './errors';

export type Dialect = 'MSNP2' | 'MSNP3';

/** Presence codes (§10). FLN is "offline" and is never sent with CHG. */
export type StatusCode = 'NLN' | 'BSY' | 'IDL' | 'BRB' | 'AWY' | 'PHN' | 'LUN' | 'HDN' | 'FLN';
/** Statuses a user can choose (IDL is normally set by auto-idle, HDN is "Appear Offline"). */
export type SettableStatus = Exclude<StatusCode, 'FLN'>;
export const SETTABLE_STATUSES: readonly SettableStatus[] = ['NLN', 'BSY', 'IDL', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN'];

export type ListName = 'FL' | 'AL' | 'BL' | 'RL';
/** BLP: who may see me and talk to me when they are on neither AL nor BL. */
export type PrivacyMode = 'AL' | 'BL';
/** GTC: A = ask me when someone adds me, N = don't ask. */
export type AddedAlertMode = 'A' | 'N';

/** The notification-session state machine; every change is emitted. */
export type SessionState = 'offline' | 'connecting' | 'authenticating' | 'redirected' | 'syncing' | 'online' | 'reconnecting';

/**
 * One of the app's files that could not be read: it was set aside beside itself as `backup` (absent
 * when it could not be moved) and the app started from defaults. The user is told once.
 */
export interface RecoveredFile {
  readonly file: 'settings' | 'passwords' | 'contact-list';
  readonly backup?: string;
}

export interface Contact {
  readonly handle: string;
  readonly friendlyName: string;
  readonly status: StatusCode;
  /** Lists the handle is on, in FL, AL, BL, RL order. */
  readonly lists: readonly ListName[];
}

export interface Profile {
  readonly loginTime?: number;
  readonly emailEnabled: boolean;
  readonly preferredEmail?: string;
  readonly langPreference?: number;
  readonly sid?: string;
  readonly kv?: string;
  readonly mspAuth?: string;
  /** Local time (ms since epoch) the profile arrived; `sl` in the Passport form counts from it. */
  readonly receivedAt: number;
}

export interface MailStatus {
  readonly inboxUnread: number;
  readonly foldersUnread: number;
}

export interface NewMail {
  readonly from: string;
  readonly fromAddress: string;
  readonly subject: string;
  readonly receivedAt: number;
}

/** A self-submitting auto-login form (§8): Passport (MSNP3 with a site id) or legacy k1/k2. */
export interface PassportForm {
  readonly action: string;
  readonly method: 'POST';
  readonly fields: Readonly<Record<string, string>>;
}

export type UrlService = 'INBOX' | 'COMPOSE' | 'FOLDERS' | 'PERSON' | 'PASSWORD';
/** Every URL service MSN Messenger 2.0 asks for (§5.12); PASSWORD exists in MSNP2 only. */
export const URL_SERVICES: readonly UrlService[] = ['INBOX', 'COMPOSE', 'FOLDERS', 'PERSON', 'PASSWORD'];

/** The longest friendly name once percent-encoded, in bytes (§2.6). */
export const MAX_ENCODED_NAME_BYTES = 387;

export interface AddedByRequest {
  readonly handle: string;
  readonly friendlyName: string;
}

/** Someone who took me off their contact list while I was away: on the RL cached last time, not on the server's now. */
export interface RemovedBy {
  readonly handle: string;
  /** The name they had on my reverse list. */
  readonly friendlyName: string;
}

/** MSN 2.0 message formatting (X-MMS-IM-Format, MSNP3). */
export interface MessageFormat {
  readonly font: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strikethrough: boolean;
  /** CSS colour `#rrggbb` (the wire carries BGR hex). */
  readonly color: string;
  /** Windows charset number as hex on the wire (0 = ANSI). */
  readonly charset: string;
  /** Windows pitch-and-family byte (e.g. 22). */
  readonly pitchFamily: string;
}

export type DeliveryState = 'sending' | 'delivered' | 'failed' | 'received';

export interface ChatMessage {
  readonly id: string;
  /** Handle of the sender (mine for outgoing messages). */
  readonly from: string;
  readonly fromName: string;
  readonly sentAt: number;
  readonly text: string;
  readonly format?: MessageFormat;
  readonly delivery: DeliveryState;
  /** Who it could not be delivered to, for "could not be delivered to X". */
  readonly failedFor?: readonly string[];
  /** An automatic reply (an away message), sent by me or marked so by the sender's client. */
  readonly automatic?: true;
}

/** A line in the transcript that is not a message (joins, leaves, CAL errors); the renderer words it. */
export interface SystemLine {
  readonly id: string;
  readonly kind: 'joined' | 'left' | 'error' | 'info';
  readonly event: TranscriptEvent;
  readonly at: number;
}

export type TranscriptEntry = ({ readonly type: 'message' } & ChatMessage) | ({ readonly type: 'system' } & SystemLine);

export interface Participant {
  readonly handle: string;
  readonly friendlyName: string;
  /** In the switchboard right now: false while being invited and after leaving (still listed as who to re-invite). */
  readonly present?: boolean;
}

export interface Conversation {
  readonly id: string;
  /** The other people in the conversation (not me). */
  readonly participants: readonly Participant[];
  readonly entries: readonly TranscriptEntry[];
  /**
   * How many entries come before `entries[0]`. Main's copy holds them in `earlier`; a window's copy
   * holds the newest ones and asks for older ones as they scroll into view (shared/window-state.ts).
   */
  readonly olderEntries?: number;
  /**
   * Main's copy: the entries before `entries[0]`, in frozen chunks (shared/transcript.ts), so a new
   * message copies a short tail rather than the whole transcript. A window's copy has none.
   */
  readonly earlier?: readonly (readonly TranscriptEntry[])[];
  /** Handles currently typing. */
  readonly typing: readonly string[];
  /** Whether a switchboard is connected right now (it re-opens on the next send when not). */
  readonly connected: boolean;
  readonly lastReceivedAt?: number;
}

/**
 * Every field of T, optional ones included (their value may be undefined): a literal of this type
 * names them all, so a field added to T later cannot be left out of it.
 */
export type AllFields<T> = { [K in keyof Required<T>]: T[K] | undefined };

/** T while it is being made: its fields may be set one by one (an optional one only when it applies). */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** Everything the renderer shows, owned by main. */
export interface MessengerState {
  readonly session: {
    readonly state: SessionState;
    readonly handle?: string;
    readonly friendlyName?: string;
    readonly status: StatusCode;
    readonly dialect?: Dialect;
    readonly server?: string;
    readonly error?: AppError;
    readonly imsEnabled: boolean;
    /** True while the status is IDL because of inactivity (not chosen). */
    readonly autoIdle: boolean;
  };
  readonly profile?: Profile;
  readonly privacy: { readonly mode: PrivacyMode; readonly addedAlert: AddedAlertMode };
  readonly mail: MailStatus & { readonly enabled: boolean; readonly lastNew?: NewMail };
  /**
   * Every contact in the lists' order, found by handle with `contactIn` (shared/contacts.ts): a
   * presence change copies references, not five thousand keys.
   */
  readonly contacts: readonly Contact[];
  readonly addedBy: readonly AddedByRequest[];
  /** Found at this sign-in (and reconnects): who removed me from their list since the last one. */
  readonly removedBy: readonly RemovedBy[];
  /** Keyed by conversation id. */
  readonly conversations: Readonly<Record<string, Conversation>>;
}

export const INITIAL_STATE: MessengerState = {
  session: { state: 'offline', status: 'FLN', imsEnabled: true, autoIdle: false },
  privacy: { mode: 'AL', addedAlert: 'A' },
  mail: { inboxUnread: 0, foldersUnread: 0, enabled: false },
  contacts: EMPTY_CONTACTS,
  addedBy: [],
  removedBy: [],
  conversations: {},
};

/** The format of a message that carries no X-MMS-IM-Format header, and of my messages until I pick a font. */
export const DEFAULT_MESSAGE_FORMAT: MessageFormat = {
  font: 'MS Sans Serif',
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  color: '#000000',
  charset: '0',
  pitchFamily: '22',
};
