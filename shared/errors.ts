// What main tells a window when something goes wrong: codes and the facts they need, never a
// sentence. The renderer's strings module (and the CLI's own table) turn them into words, so
// every sentence a person reads is written in one place, and main can be tested by what it means.

/** Why something failed, as a code; each has its sentence in renderer/src/strings.ts and main/cli/sentences.ts. */
export type ErrorReason =
  // A numbered error from the server (`code`): the error table says what it means.
  | 'server-error'
  /** A numbered error that answers nothing we asked (`code`): it changed nothing. */
  | 'unsolicited-server-error'
  // Input, one rule each.
  | 'invalid-handle'
  | 'missing-password'
  | 'password-too-long'
  | 'invalid-server'
  | 'empty-name'
  | 'name-too-long'
  | 'empty-message'
  | 'unsendable-text'
  | 'service-argument'
  | 'invalid-arguments'
  | 'unknown-command'
  | 'unknown-account'
  // Signing in.
  | 'already-signed-in'
  | 'not-signed-in'
  | 'sign-in-cancelled'
  | 'unsupported-server'
  | 'upgrade-requested'
  | 'no-md5'
  | 'too-many-redirects'
  | 'unexpected-reply'
  | 'incomplete-reply'
  | 'demo-unavailable'
  // The data folder (`detail.folder`), refused before anything is read from it or written to it.
  | 'data-folder-unusable'
  | 'data-folder-not-a-folder'
  | 'data-folder-foreign'
  | 'data-folder-not-private'
  // The connection.
  | 'cannot-connect'
  | 'unreachable'
  | 'connection-lost'
  | 'connection-closed'
  | 'line-too-long'
  | 'no-answer'
  | 'keep-alive-lost'
  | 'reconnect-gave-up'
  // The account's proxy (detail.proxy names it, never with its password).
  | 'proxy-cannot-connect'
  | 'proxy-timeout'
  | 'proxy-needs-credentials'
  | 'proxy-credentials-refused'
  | 'proxy-refused'
  | 'proxy-unexpected'
  | 'invalid-proxy'
  // The server ends or moves the session.
  | 'signed-in-elsewhere'
  | 'server-shutdown'
  | 'signed-out-by-server'
  | 'session-moved'
  | 'maintenance'
  // Services.
  | 'service-unavailable'
  | 'ims-needs-msnp3'
  | 'mail-unavailable'
  | 'no-mailbox'
  | 'page-unavailable'
  | 'no-new-mail'
  // Conversations (the inner failure of the last three as `detail.cause`, with its `code`).
  | 'no-such-conversation'
  | 'undelivered'
  | 'nobody-to-call'
  | 'no-answer-from'
  | 'call-failed'
  | 'conversation-start-failed'
  /** A switchboard answered USR or ANS with something other than OK. */
  | 'switchboard-refused'
  // Chat history: its database cannot be opened (another copy of the app owns it, or it is not set up).
  | 'history-unavailable'
  // Help → Open Log Folder (`detail.folder` where there is one).
  | 'no-log-file'
  | 'cannot-show-folders'
  | 'folder-unavailable'
  // The window's own link to main (the renderer raises these itself).
  | 'host-unreachable'
  | 'host-lost'
  | 'popups-blocked'
  /** A link that is not a web or e-mail address: never opened. */
  | 'link-refused'
  // A bug: details go to the log, not the window.
  | 'internal';

/** The facts a sentence names: a server, a request, a person, a number. */
export type ErrorDetail = Readonly<Record<string, string | number | readonly string[]>>;

/** Expected failures are data, shown where the user looks. */
export interface AppError {
  readonly kind: 'protocol' | 'network' | 'timeout' | 'input' | 'unsupported' | 'internal';
  readonly reason: ErrorReason;
  /** The protocol error code, when the server sent one. */
  readonly code?: number;
  /** The sign-in field the error concerns, so the form can show it next to it. */
  readonly field?: 'handle' | 'password' | 'server';
  readonly detail?: ErrorDetail;
}

/** A line in a conversation that is not a message: what happened, with the names it needs. */
export type TranscriptEvent =
  | { readonly type: 'joined' | 'left'; readonly name: string }
  /** I blocked them, so I left the conversation. */
  | { readonly type: 'left-blocked'; readonly name: string }
  | { readonly type: 'invitation-declined'; readonly name: string; readonly application?: string }
  /** Something failed in this conversation (a call, opening it, nobody left to call). */
  | { readonly type: 'error'; readonly error: AppError };

/** One fact of an error's detail as text (a list joined with commas), for the tables that word errors. */
export function detailText(detail: AppError['detail'], key: string): string {
  const value = detail?.[key];
  return Array.isArray(value) ? value.join(', ') : String(value ?? '');
}
