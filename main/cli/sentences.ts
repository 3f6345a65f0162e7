// The CLI's own words for the codes main sends (shared/errors.ts), the terminal's counterpart of
// the renderer's strings module. Every reason has its line: the table does not compile without it.

import { type AppError, type ErrorReason, detailText } from '../../shared/errors';
import type { ExportWords } from '../../shared/history-export';
import { describeProtocolError } from '../../shared/protocol-errors';
import { SERVER_PRESETS } from '../../shared/server-presets';
import { type SignInAdvice, type SilentStep, signInAdvice } from '../../shared/troubleshoot';

const text = detailText;

/** The inner failure of a conversation error, in words. */
const cause = (error: AppError): string =>
  describe({ kind: error.kind, reason: (error.detail?.['cause'] as ErrorReason | undefined) ?? 'internal', ...(error.code !== undefined && { code: error.code }) });

const SENTENCES: { readonly [R in ErrorReason]: (error: AppError) => string } = {
  'server-error': ({ code }) => describeProtocolError(code ?? 0),
  'unsolicited-server-error': ({ code }) => `The server sent error ${code ?? '?'} unasked; nothing was changed.`,
  'invalid-handle': ({ detail }) => (detail?.['handle'] ? `"${text(detail, 'handle')}" is not an e-mail address.` : 'That is not an e-mail address (name@example.com).'),
  'missing-password': () => 'A password is needed (MSN_PASSWORD, or type it at the prompt).',
  'password-too-long': () => 'That password is too long.',
  'invalid-server': ({ detail }) => `"${text(detail, 'server')}" is not a server address (host or host:port).`,
  'empty-name': () => 'The name is empty.',
  'name-too-long': ({ detail }) => `That name is too long: at most ${text(detail, 'maxBytes')} bytes once encoded.`,
  'empty-message': () => 'An empty message cannot be sent.',
  'unsendable-text': () => 'That text cannot be sent to the server.',
  'service-argument': ({ detail }) => `${text(detail, 'service')} takes no argument.`,
  'invalid-arguments': ({ detail }) => `The arguments of "${text(detail, 'command')}" are not valid.`,
  'unknown-command': ({ detail }) => `There is no command "${text(detail, 'command')}".`,
  'unknown-account': () => 'That account is not open.',
  'already-signed-in': () => 'Already signed in.',
  'not-signed-in': () => 'Not signed in.',
  'history-unavailable': () => 'The message history cannot be opened.',
  'sign-in-cancelled': () => 'Signed out before the sign-in finished.',
  'unsupported-server': () => 'The server speaks neither MSNP3 nor MSNP2.',
  'upgrade-requested': ({ detail }) =>
    `The server speaks neither MSNP3 nor MSNP2; it asks for ${detail?.['version'] ? `version ${text(detail, 'version')} or newer` : 'a newer version'}${detail?.['download'] ? ` (${text(detail, 'download')})` : ''}.`,
  'no-md5': () => 'The server does not offer MD5 sign-in.',
  'too-many-redirects': () => 'The server kept redirecting the sign-in.',
  'unexpected-reply': ({ detail }) => `The server answered the sign-in with an unexpected ${text(detail, 'command')}.`,
  'incomplete-reply': ({ detail }) => `The server sent an incomplete ${text(detail, 'command')} reply.`,
  'demo-unavailable': () => 'The local demo server could not be started.',
  'data-folder-unusable': ({ detail }) => `The data folder ${text(detail, 'folder')} cannot be created (${text(detail, 'code')}).`,
  'data-folder-not-a-folder': ({ detail }) => `The data folder ${text(detail, 'folder')} is not a folder.`,
  'data-folder-foreign': ({ detail }) => `The data folder ${text(detail, 'folder')} belongs to another user. Choose a folder of your own.`,
  'data-folder-not-private': ({ detail }) =>
    `Other users can open the data folder ${text(detail, 'folder')}. Make it private (chmod 700 "${text(detail, 'folder')}") or choose another folder.`,
  'cannot-connect': ({ detail }) => `Could not connect to ${text(detail, 'host')}:${text(detail, 'port')} (${text(detail, 'code')}).`,
  unreachable: ({ detail }) => `No answer from ${text(detail, 'host')}:${text(detail, 'port')} within ${text(detail, 'seconds')} s.`,
  'connection-lost': ({ detail }) => `The connection was lost${detail?.['code'] ? ` (${text(detail, 'code')})` : ''}.`,
  'connection-closed': () => 'The server closed the connection.',
  'line-too-long': () => 'The server sent a line too long to read; the connection was closed.',
  'no-answer': ({ detail }) => `No answer to ${text(detail, 'request')} within ${text(detail, 'seconds')} s.`,
  'keep-alive-lost': () => 'The server stopped answering; the connection was lost.',
  'reconnect-gave-up': ({ detail }) => `Stopped reconnecting after ${text(detail, 'attempts')} attempts.`,
  'proxy-cannot-connect': ({ detail }) => `Could not connect to the proxy ${text(detail, 'proxy')} (${text(detail, 'code')}).`,
  'proxy-timeout': ({ detail }) => `No answer from the proxy ${text(detail, 'proxy')} within ${text(detail, 'seconds')} s.`,
  'proxy-needs-credentials': ({ detail }) => `The proxy ${text(detail, 'proxy')} wants a user name and password (socks5://user@host:port, password in MSN_PROXY_PASSWORD).`,
  'proxy-credentials-refused': ({ detail }) => `The proxy ${text(detail, 'proxy')} refused the user name and password.`,
  'proxy-refused': ({ detail }) => `The proxy ${text(detail, 'proxy')} refused to connect to ${text(detail, 'server')} (${text(detail, 'answer')}).`,
  'proxy-unexpected': ({ detail }) => `${text(detail, 'proxy')} did not answer as that kind of proxy.`,
  'invalid-proxy': () => 'Not a proxy: use socks5://[user[:password]@]host:port or http://[user[:password]@]host:port.',
  'signed-in-elsewhere': () => 'Signed out: this account signed in at another location.',
  'server-shutdown': () => 'The server is going down for maintenance.',
  'signed-out-by-server': () => 'The server signed this account out.',
  'session-moved': ({ detail }) => `The server moved the session to ${text(detail, 'server')}.`,
  maintenance: ({ detail }) => `The server goes down for maintenance in ${text(detail, 'minutes')} min.`,
  'service-unavailable': ({ detail }) => `${text(detail, 'service')} is not available with ${text(detail, 'dialect')}.`,
  'ims-needs-msnp3': () => 'IMS needs MSNP3; this server speaks MSNP2.',
  'mail-unavailable': () => 'Hotmail is not available on this server.',
  'no-mailbox': () => 'This account has no Hotmail mailbox.',
  'page-unavailable': ({ detail }) => `The ${text(detail, 'service')} page is not available on this server.`,
  'no-new-mail': () => 'There is no new e-mail to open.',
  'no-such-conversation': () => 'That conversation is not open.',
  undelivered: ({ detail }) => `Not delivered to ${text(detail, 'names') || 'anyone'}: "${text(detail, 'text')}"`,
  'nobody-to-call': () => 'Nobody is left in the conversation to send to.',
  'no-answer-from': ({ detail }) => `${text(detail, 'name')} did not join the conversation.`,
  'call-failed': (error) => `${text(error.detail, 'name')} could not be invited: ${cause(error)}`,
  'conversation-start-failed': (error) => `The conversation could not be started: ${cause(error)}`,
  'switchboard-refused': () => 'The switchboard did not let us in.',
  'host-unreachable': () => 'The messenger core could not be reached.',
  'host-lost': () => 'Lost the connection to the messenger core.',
  'popups-blocked': () => 'The browser blocked a window.',
  'no-log-file': () => 'No log is being written (--log FILE).',
  'cannot-show-folders': () => 'Folders cannot be opened here.',
  'folder-unavailable': ({ detail }) => `Could not open ${text(detail, 'folder')}.`,
  'link-refused': () => 'Only web and e-mail links can be opened.',
  internal: () => 'Something went wrong inside the messenger.',
};

export function describe(error: AppError): string {
  return SENTENCES[error.reason](error);
}

/** The words of a history file written by `history export`. */
export const EXPORT_WORDS: ExportWords = {
  language: 'en',
  title: ({ scope, contactName }) =>
    scope.kind === 'contact' ? `Message history with ${contactName ?? scope.handle} (${scope.handle})` : `Messages containing "${scope.query}"`,
  exported: (time, messages) => `Exported ${time}, ${messages} ${messages === 1 ? 'message' : 'messages'}.`,
  conversation: (time, people) => `Conversation of ${time} with ${people}`,
  nobodyElse: 'nobody else',
  notDelivered: '(not delivered)',
  notConfirmed: '(not confirmed as delivered)',
};
const SILENT_STEPS: Readonly<Record<SilentStep, string>> = {
  VER: 'at VER (which protocol version)',
  CVR: 'at CVR (which client)',
  INF: 'at INF (how to sign in)',
  USR: 'at USR (checking the address and password)',
  SYN: 'at SYN (sending the contact list)',
  CHG: 'at CHG (setting the status)',
  other: 'in the middle of the sign-in',
};

const PROXY_ADVICE: Readonly<Record<Extract<SignInAdvice, { kind: 'proxy' }>['problem'], (proxy: string) => string>> = {
  unreachable: (proxy) => `The MSN server was never reached: check that the proxy ${proxy} is running at that address and port, or leave out --proxy.`,
  silent: (proxy) => `The proxy ${proxy} took the connection and said nothing: check it is a proxy of that kind and that it is working.`,
  credentials: (proxy) => `Give the proxy ${proxy} a user name and password it accepts: socks5://user@host:port or http://user@host:port, the password in MSN_PROXY_PASSWORD.`,
  refused: (proxy) => `The proxy ${proxy} will not connect to that server or port: ask whoever runs it, or use another proxy.`,
  'not-a-proxy': (proxy) => `${proxy} is not that kind of proxy: check whether it speaks SOCKS5 (socks5://) or HTTP CONNECT (http://), and its port.`,
};

function adviceText(advice: SignInAdvice): string {
  switch (advice.kind) {
    case 'md5-opt-in':
      return `Turn on old MSN (MD5) sign-in for this account on the server's website (${advice.website}), then sign in again.`;
    case 'server-unreachable':
      return advice.refused
        ? `Nothing accepts connections at ${advice.host}:${advice.port}: check --server (host:port) and that the server is running, or use --proxy if the network needs one.`
        : `${advice.host}:${advice.port} did not answer: check --server, the network and any firewall, or use --proxy if the network needs one.`;
    case 'wrong-protocol':
      return advice.offered.length > 0
        ? `The server offered ${advice.offered.join(', ')}; this client speaks only MSNP3 and MSNP2. Use a server that still accepts MSN Messenger 2.0.`
        : 'The server accepts neither MSNP3 nor MSNP2. Use a server that still accepts MSN Messenger 2.0.';
    case 'proxy':
      return PROXY_ADVICE[advice.problem](advice.proxy);
    case 'server-silent':
      return `The server stopped answering ${SILENT_STEPS[advice.step]}: check that --server is an MSN server, and try again later.`;
  }
}

/** What to do about a failed sign-in to `server`, when the troubleshooter knows the case (shared/troubleshoot.ts). */
export function signInAdviceText(error: AppError, server: string): string | undefined {
  const advice = signInAdvice(error, server, SERVER_PRESETS);
  return advice && adviceText(advice);
}
