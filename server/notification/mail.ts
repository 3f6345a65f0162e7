// Hotmail on the notification server: the profile sent after USR OK (§9.1), the mail counts and
// new-mail notices (§9.2, §9.3), and the URL command that leads the client to the mailbox (§5.12).

import { randomBytes } from 'node:crypto';
import { buildMime, percentEncode } from '../../protocol/index';
import type { Account } from '../accounts';
import type { Dialect } from '../context';
import type { CommandSpec, NotificationSession } from './session';

/** Passport site ids: Messenger's own (profile `sid`) and Hotmail's (URL replies, mail `id:`). */
const MESSENGER_SITE_ID = '507';
const HOTMAIL_SITE_ID = '2';
const LANGUAGE = '1033';
const PASSPORT_LOGIN_URL = `https://loginnet.passport.com/ppsecure/md5auth.srf?lc=${LANGUAGE}`;
/** The MSNP2 login URL is not documented (§5.12); Hotmail's own sign-in page is the plausible one. */
const LEGACY_LOGIN_URL = 'http://www.hotmail.com/cgi-bin/dologin';
const HOTMAIL_URL = 'http://www.hotmail.com';
const INBOX_PATH = '/cgi-bin/HoTMaiL';
const FOLDERS_PATH = '/cgi-bin/folders';

function serviceMessage(session: NotificationSession, payload: Uint8Array): void {
  session.peer.send('MSG', ['Hotmail', 'Hotmail'], payload);
}

function lines(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([key, value]) => `${key}: ${value}\r\n`).join('') + '\r\n';
}

/** The profile keeps its fields in the header block; MSNP2 knows only LoginTime. */
export function sendProfile(session: NotificationSession): void {
  const account = session.account;
  const head: Array<[string, string]> = [
    ['MIME-Version', '1.0'],
    ['Content-Type', 'text/x-msmsgsprofile; charset=UTF-8'],
    ['LoginTime', String(Math.floor(Date.now() / 1000))],
  ];
  if (session.dialect === 'MSNP3') {
    const low = Number(BigInt.asIntN(32, account.memberId));
    head.push(
      ['EmailEnabled', account.emailEnabled ? '1' : '0'],
      ['MemberIdHigh', String(account.memberId >> 32n)],
      ['MemberIdLow', String(low)],
      ['lang_preference', LANGUAGE],
      ['PreferredEmail', account.handle],
      ['country', 'US'],
      ['PostalCode', ''],
      ['Gender', ''],
      ['Kid', '0'],
      ['Age', ''],
      ['BDayPre', ''],
      ['Birthday', ''],
      ['Wallet', ''],
      ['Flags', '1027'],
      ['sid', MESSENGER_SITE_ID],
      ['kv', '11'],
      ['MSPAuth', passportTicket()],
    );
  }
  serviceMessage(session, buildMime(head, ''));
}

/** An opaque Passport ticket in the shape of the real ones (letters, digits, `!`, ending in `$$`). */
function passportTicket(): string {
  return '2AAAAAAAAD' + randomBytes(30).toString('base64').replace(/\+/g, '!').replace(/\//g, '*').replace(/=+$/, '') + '$$';
}

function mailContentType(dialect: Dialect | undefined, kind: 'initial' | 'new'): string {
  if (dialect === 'MSNP2') return 'application/x-msmsgsemailnotification; charset=UTF-8';
  return kind === 'initial'
    ? 'text/x-msmsgsinitialemailnotification; charset=UTF-8'
    : 'text/x-msmsgsemailnotification; charset=UTF-8';
}

export function sendInitialMailCount(session: NotificationSession): void {
  const account = session.account;
  const body = lines([
    ['Inbox-Unread', String(account.inboxUnread)],
    ['Folders-Unread', String(account.foldersUnread)],
    ['Inbox-URL', INBOX_PATH],
    ['Folders-URL', FOLDERS_PATH],
    ['Post-URL', HOTMAIL_URL],
  ]);
  serviceMessage(session, buildMime([['MIME-Version', '1.0'], ['Content-Type', mailContentType(session.dialect, 'initial')]], body));
}

export interface NewMail {
  readonly from: string;
  readonly fromAddress: string;
  readonly subject: string;
}

let messageCounter = 0;

/** Counts a new Inbox message and tells the account's session about it, when it has a mailbox. */
export function deliverNewMail(account: Account, session: NotificationSession | undefined, mail: NewMail): void {
  account.inboxUnread += 1;
  if (!session || !account.emailEnabled) return;
  messageCounter += 1;
  const fields: Array<[string, string]> = [
    ['From', encodeHeaderWord(mail.from, false)],
    ['Message-URL', `/cgi-bin/getmsg?msg=MSG${Math.floor(Date.now() / 1000)}.${messageCounter}&start=1&len=1024&curmbox=ACTIVE`],
    ['Post-URL', session.dialect === 'MSNP3' ? PASSPORT_LOGIN_URL : HOTMAIL_URL],
    ['Subject', encodeHeaderWord(mail.subject, true)],
    ['Dest-Folder', 'ACTIVE'],
    ['From-Addr', mail.fromAddress],
  ];
  if (session.dialect === 'MSNP3') fields.push(['id', HOTMAIL_SITE_ID]);
  serviceMessage(session, buildMime([['MIME-Version', '1.0'], ['Content-Type', mailContentType(session.dialect, 'new')]], lines(fields)));
}

/**
 * RFC 2047 encoded words with Hotmail's quoted charset (§9.3): printable ASCII as Q (always for
 * subjects, as Hotmail did), anything else as UTF-8 base64.
 */
function encodeHeaderWord(text: string, alwaysEncode: boolean): string {
  const ascii = /^[\x20-\x7e]*$/.test(text);
  if (ascii && !alwaysEncode && !text.includes('=?')) return text;
  if (!ascii) return `=?"utf-8"?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
  const q = text.replace(/[^A-Za-z0-9!*+\-/ ]/g, (char) => '=' + char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return `=?"us-ascii"?Q?${q.replace(/ /g, '_')}?=`;
}

/** Service → redirect path (§5.12). PASSWORD exists only in MSNP2. */
function redirectFor(service: string, argument: string | undefined, dialect: Dialect): string | undefined {
  switch (service) {
    case 'INBOX':
      return INBOX_PATH;
    case 'FOLDERS':
      return FOLDERS_PATH;
    case 'COMPOSE':
      // The reference's spelling: `to=bob%40hotmail%2ecom` (`@` and `.` escaped too, in lower case).
      return argument ? `/cgi-bin/compose?mailto=1&to=${percentEncode(argument).replace(/@/g, '%40').replace(/\./g, '%2e')}` : '/cgi-bin/compose';
    case 'MESSAGE':
      return '/cgi-bin/getmsg';
    case 'PERSON':
      return '/cgi-bin/profile';
    case 'PASSWORD':
      return dialect === 'MSNP2' ? '/cgi-bin/password' : undefined;
    default:
      return undefined;
  }
}

export const mailCommands: Record<string, CommandSpec> = {
  URL: {
    phases: ['signed-in'],
    minParams: 1,
    handle(session, command, trid) {
      const dialect = session.dialect ?? 'MSNP3';
      const redirect = redirectFor(command.params[1] as string, command.params[2], dialect);
      if (!redirect) return session.peer.send('201', [trid]);
      session.peer.send(
        'URL',
        dialect === 'MSNP3' ? [trid, redirect, PASSPORT_LOGIN_URL, HOTMAIL_SITE_ID] : [trid, redirect, LEGACY_LOGIN_URL],
      );
    },
  },
};
