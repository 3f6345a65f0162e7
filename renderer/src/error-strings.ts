// The words for every code main sends (shared/errors.ts): error reasons and the lines a
// conversation records. Part of the strings module (strings.ts re-exports it); nothing else in the
// renderer words an error. A reason without its sentence does not compile.

import { type AppError, type ErrorReason, type TranscriptEvent, detailText } from '../../shared/errors';
import { describeProtocolError } from '../../shared/protocol-errors';

const text = detailText;

/** A message's first 60 characters, for "could not be delivered". */
function preview(message: string): string {
  const characters = [...message];
  return characters.length > 60 ? `${characters.slice(0, 57).join('')}...` : message;
}

/** Why inviting `name` failed, in the words the MSN 2.0 conversation window used (§6.3, §6.10). */
function callFailure(error: AppError): string {
  const name = text(error.detail, 'name');
  switch (error.code) {
    case 208:
      return `${text(error.detail, 'handle')} is not a valid sign-in name.`;
    case 215:
      return `${name} is already in this conversation.`;
    case 216:
    case 217:
      return `${name} is offline or not accepting instant messages right now.`;
    case 713:
      return `You are inviting people too quickly, so ${name} was not invited. Please wait a moment and try again.`;
    default:
      return `${name} could not be invited: ${innerCause(error)}`;
  }
}

/** The failure inside a conversation error (its `cause` and `code`). */
function innerCause(error: AppError): string {
  const reason = (error.detail?.['cause'] as ErrorReason | undefined) ?? 'internal';
  if (reason === 'no-answer') return 'the switchboard did not answer.';
  return describeError({ kind: error.kind, reason, ...(error.code !== undefined && { code: error.code }) });
}

const UPGRADE = 'This server does not support MSN Messenger 2.0';

const SENTENCES: { readonly [R in ErrorReason]: (error: AppError) => string } = {
  'server-error': ({ code }) => describeProtocolError(code ?? 0),
  'unsolicited-server-error': ({ code }) => `The server sent error ${code ?? '?'}, which answers nothing MSN Messenger asked; nothing was changed.`,
  // One sentence per input rule: the handle, the password, the name, the server.
  'invalid-handle': () => 'Please type an e-mail address, like example@hotmail.com.',
  'missing-password': () => 'Please type your password.',
  'password-too-long': () => 'That password is too long.',
  'invalid-server': () => 'Please type a server address, like messenger.example.com:1863.',
  'empty-name': () => 'Please type a name.',
  'name-too-long': ({ detail }) => `That name is too long: at most ${text(detail, 'maxBytes')} bytes once encoded.`,
  'empty-message': () => 'An empty message cannot be sent.',
  'unsendable-text': () => 'That text cannot be sent to the server.',
  'service-argument': ({ detail }) => `${text(detail, 'service')} takes no argument.`,
  'invalid-arguments': ({ detail }) => `The request "${text(detail, 'command')}" was not valid.`,
  'unknown-command': ({ detail }) => `There is no command "${text(detail, 'command')}".`,
  'unknown-account': () => 'That account is not open in MSN Messenger.',
  'already-signed-in': () => 'You are already signed in.',
  'not-signed-in': () => 'You are not signed in.',
  'history-unavailable': () => 'Your message history cannot be opened right now.',
  'sign-in-cancelled': () => 'You signed out before the sign-in finished.',
  'unsupported-server': () => `${UPGRADE} (it speaks neither MSNP3 nor MSNP2).`,
  'upgrade-requested': ({ detail }) => {
    const wants = detail?.['version'] ? `it asks for version ${text(detail, 'version')} or newer` : 'it asks for a newer version';
    return `${UPGRADE}: ${wants}${detail?.['download'] ? ` (download: ${text(detail, 'download')})` : ''}.`;
  },
  'no-md5': () => 'This server does not offer MD5 sign-in, the only method MSN Messenger 2.0 supports.',
  'too-many-redirects': () => 'The server kept redirecting the sign-in; please try again later.',
  'unexpected-reply': ({ detail }) => `The server answered the sign-in with an unexpected ${text(detail, 'command')} reply.`,
  'incomplete-reply': ({ detail }) => `The server sent an incomplete ${text(detail, 'command')} reply.`,
  'demo-unavailable': () => 'The local demo server could not be started.',
  'data-folder-unusable': ({ detail }) => `The data folder ${text(detail, 'folder')} cannot be created (${text(detail, 'code')}).`,
  'data-folder-not-a-folder': ({ detail }) => `The data folder ${text(detail, 'folder')} is not a folder.`,
  'data-folder-foreign': ({ detail }) => `The data folder ${text(detail, 'folder')} belongs to another user. Choose a folder of your own.`,
  'data-folder-not-private': ({ detail }) =>
    `Other users can open the data folder ${text(detail, 'folder')}. Make it private (chmod 700 "${text(detail, 'folder')}") or choose another folder.`,
  'cannot-connect': ({ detail }) => `Could not connect to ${text(detail, 'host')}:${text(detail, 'port')} (${text(detail, 'code')}).`,
  unreachable: ({ detail }) => `Could not reach ${text(detail, 'host')}:${text(detail, 'port')} (no answer within ${text(detail, 'seconds')} seconds).`,
  'connection-lost': ({ detail }) => `The connection to the server was lost${detail?.['code'] ? ` (${text(detail, 'code')})` : ''}.`,
  'connection-closed': () => 'The server closed the connection.',
  'line-too-long': () => 'The server sent more than MSN Messenger can read at once; the connection was closed.',
  'no-answer': ({ detail }) =>
    `The server did not answer ${text(detail, 'request')} within ${text(detail, 'seconds')} seconds. The server may be down; please try again later.`,
  'keep-alive-lost': () => 'The server stopped answering; the connection was lost.',
  'reconnect-gave-up': ({ detail }) => `MSN Messenger stopped trying to reconnect after ${text(detail, 'attempts')} attempts. Sign in again when the server is back.`,
  'proxy-cannot-connect': ({ detail }) => `Could not connect to the proxy ${text(detail, 'proxy')} (${text(detail, 'code')}).`,
  'proxy-timeout': ({ detail }) => `The proxy ${text(detail, 'proxy')} did not answer within ${text(detail, 'seconds')} seconds.`,
  'proxy-needs-credentials': ({ detail }) => `The proxy ${text(detail, 'proxy')} asks for a user name and password.`,
  'proxy-credentials-refused': ({ detail }) => `The proxy ${text(detail, 'proxy')} did not accept the user name and password.`,
  'proxy-refused': ({ detail }) => `The proxy ${text(detail, 'proxy')} refused to connect to ${text(detail, 'server')} (${text(detail, 'answer')}).`,
  'proxy-unexpected': ({ detail }) => `${text(detail, 'proxy')} did not answer as that kind of proxy (SOCKS5 or HTTP) does.`,
  'invalid-proxy': () => 'Please type the proxy’s address and a port from 1 to 65535.',
  'signed-in-elsewhere': () => 'You have been signed out because you signed in at another location.',
  'server-shutdown': () => 'The server is going down for maintenance.',
  'signed-out-by-server': () => 'The server signed you out.',
  'session-moved': () => 'The server moved this session to another server.',
  maintenance: ({ detail }) => {
    const minutes = Number(detail?.['minutes'] ?? 0);
    return `The server will go down for maintenance in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  },
  'service-unavailable': ({ detail }) => `The ${text(detail, 'service')} service is not available with ${text(detail, 'dialect')}.`,
  'ims-needs-msnp3': () => 'Do not disturb (IMS) needs MSNP3; this server speaks MSNP2.',
  'mail-unavailable': () => 'Hotmail is not available on this server.',
  'no-mailbox': () => 'Hotmail is not available for this account.',
  'page-unavailable': ({ detail }) =>
    detail?.['service'] === 'PASSWORD' ? 'Changing your password is not available on this server.' : 'The Passport profile page is not available on this server.',
  'no-new-mail': () => 'There is no new e-mail to open.',
  'no-such-conversation': () => 'That conversation is no longer open.',
  undelivered: ({ detail }) => `The following message could not be delivered to ${text(detail, 'names') || 'anyone'}: "${preview(text(detail, 'text'))}"`,
  'nobody-to-call': () => 'There is nobody in this conversation to send to. Invite someone, then send your message again.',
  'no-answer-from': ({ detail }) => `${text(detail, 'name')} did not join the conversation.`,
  'call-failed': callFailure,
  'conversation-start-failed': (error) => `Could not start the conversation. ${innerCause(error)}`,
  'switchboard-refused': () => 'The switchboard did not let us in.',
  'host-unreachable': () => 'Messenger could not reach its background service. Please try again.',
  'host-lost': () => 'Lost the connection to MSN Messenger. Reconnecting…',
  'popups-blocked': () => 'Your browser blocked a conversation window. Allow pop-ups for this page to see it.',
  'no-log-file': () => 'MSN Messenger is not writing a log. Start the browser host with --log FILE to have one.',
  'cannot-show-folders': () => 'MSN Messenger cannot open folders here.',
  'folder-unavailable': ({ detail }) => `The folder ${text(detail, 'folder')} could not be opened.`,
  'link-refused': () => 'Only web and e-mail links can be opened.',
  internal: () => 'Something went wrong inside MSN Messenger. Please try again.',
};

export function describeError(error: AppError): string {
  return SENTENCES[error.reason](error);
}

export function describeTranscriptEvent(event: TranscriptEvent): string {
  switch (event.type) {
    case 'joined':
      return `${event.name} has joined the conversation.`;
    case 'left':
      return `${event.name} has left the conversation.`;
    case 'left-blocked':
      return `You blocked ${event.name}, so you have left this conversation.`;
    case 'invitation-declined': {
      const what = event.application ? `an invitation to "${event.application}"` : 'an invitation';
      return `${event.name} sent ${what}, which this version of MSN Messenger cannot accept. It was declined.`;
    }
    case 'error':
      return describeError(event.error);
  }
}
