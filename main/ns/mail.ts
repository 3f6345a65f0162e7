// Service messages on the NS (`MSG Hotmail Hotmail …`, §9): the profile, mail counts, new-mail
// and mailbox-activity notifications, and system messages. Pure parsing: payload in, data out.

import type { MailStatus, NewMail, Profile } from '../../shared/model';
import { mediaType, parseHeaderLines, parseMime } from '../../protocol/index';

/** A new-mail notification with what the Passport form needs when the user opens it (§8.1). */
export interface NewMailNotice {
  readonly mail: NewMail;
  /** The sign-in target of the form (`Post-URL`). */
  readonly postUrl: string;
  /** The message's path (`Message-URL`), passed as the form's redirect. */
  readonly messageUrl: string;
  /** Passport site id (`id`, MSNP3 only); its absence selects the legacy form. */
  readonly siteId?: string;
  /** True when delivered to the Inbox (`Dest-Folder: ACTIVE`). */
  readonly inInbox: boolean;
}

export type ServiceMessage =
  | { readonly type: 'profile'; readonly profile: Profile }
  | { readonly type: 'mail-count'; readonly count: MailStatus }
  | { readonly type: 'new-mail'; readonly notice: NewMailNotice }
  | { readonly type: 'mail-moved'; readonly fromInbox: boolean; readonly toInbox: boolean; readonly delta: number }
  | { readonly type: 'maintenance'; readonly minutes: number }
  | { readonly type: 'ignored'; readonly contentType: string };

/** The four spellings servers use for the mail count and new-mail messages (§9.2, §16 #1). */
const MAIL_NOTIFICATION_TYPES = new Set(
  ['text', 'application'].flatMap((top) =>
    ['x-msmsgsinitialemailnotification', 'x-msmsgsemailnotification'].map((sub) => `${top}/${sub}`),
  ),
);

export function parseServiceMessage(payload: Uint8Array, now: number): ServiceMessage {
  const message = parseMime(payload);
  const type = mediaType(message);
  // The profile keeps its fields in the header block, the mail messages in the body; servers
  // differ (the seed puts the profile in the body), so both blocks are read as one (a header
  // wins over a body line of the same name).
  const bodyFields = parseHeaderLines(message.body);
  const fields = bodyFields.size === 0 ? message.headers : new Map([...bodyFields, ...message.headers]);
  if (type === 'text/x-msmsgsprofile') return { type: 'profile', profile: parseProfile(fields, now) };
  if (MAIL_NOTIFICATION_TYPES.has(type)) {
    if (fields.has('inbox-unread')) {
      return { type: 'mail-count', count: { inboxUnread: count(fields.get('inbox-unread')), foldersUnread: count(fields.get('folders-unread')) } };
    }
    if (fields.has('from') || fields.has('message-url')) return { type: 'new-mail', notice: parseNewMail(fields, now) };
  }
  if (type === 'text/x-msmsgsactivemailnotification') {
    return {
      type: 'mail-moved',
      fromInbox: isInbox(fields.get('src-folder')),
      toInbox: isInbox(fields.get('dest-folder')),
      delta: count(fields.get('message-delta')),
    };
  }
  if (type === 'application/x-msmsgssystemmessage' && fields.get('type') === '1') {
    return { type: 'maintenance', minutes: count(fields.get('arg1')) };
  }
  return { type: 'ignored', contentType: type };
}

function parseProfile(fields: ReadonlyMap<string, string>, now: number): Profile {
  const text = (name: string): string | undefined => {
    const value = fields.get(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const loginTime = Number(text('logintime'));
  const lang = Number(text('lang_preference'));
  const preferredEmail = text('preferredemail');
  const sid = text('sid');
  const kv = text('kv');
  const mspAuth = text('mspauth');
  // Only the fields the profile has, in this order (set one by one: no object made per field).
  const profile: { -readonly [K in keyof Profile]?: Profile[K] } = {};
  if (Number.isInteger(loginTime)) profile.loginTime = loginTime;
  // MSNP2 profiles carry only LoginTime: no EmailEnabled field means a Hotmail mailbox as in 1.0.
  profile.emailEnabled = text('emailenabled') !== '0';
  if (preferredEmail !== undefined) profile.preferredEmail = preferredEmail;
  if (Number.isInteger(lang)) profile.langPreference = lang;
  if (sid !== undefined) profile.sid = sid;
  if (kv !== undefined) profile.kv = kv;
  if (mspAuth !== undefined) profile.mspAuth = mspAuth;
  profile.receivedAt = now;
  return profile as Profile;
}

function parseNewMail(fields: ReadonlyMap<string, string>, now: number): NewMailNotice {
  const siteId = fields.get('id');
  return {
    mail: {
      from: decodeEncodedWords(fields.get('from') ?? ''),
      fromAddress: fields.get('from-addr') ?? '',
      subject: decodeEncodedWords(fields.get('subject') ?? ''),
      receivedAt: now,
    },
    postUrl: fields.get('post-url') ?? '',
    messageUrl: fields.get('message-url') ?? '',
    ...(siteId !== undefined && siteId !== '' && { siteId }),
    inInbox: fields.get('dest-folder') === undefined || isInbox(fields.get('dest-folder')),
  };
}

const isInbox = (folder: string | undefined): boolean => folder?.toUpperCase() === 'ACTIVE';

function count(value: string | undefined): number {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : 0;
}

/**
 * Decodes RFC 2047 encoded words (`=?charset?Q?…?=`, `=?charset?B?…?=`). Hotmail quotes the
 * charset (`=?"us-ascii"?Q?…?=`), so quotes are allowed; an unknown charset falls back to UTF-8.
 */
export function decodeEncodedWords(text: string): string {
  return text.replace(/=\?"?([^?"]+)"?\?([QqBb])\?([^?]*)\?=(\s+(?==\?))?/g, (_match, charset: string, encoding: string, data: string) => {
    const bytes = encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintableBytes(data);
    return decodeCharset(bytes, charset);
  });
}

function quotedPrintableBytes(data: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < data.length; index++) {
    const char = data[index] as string;
    const hex = data.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else if (char === '_') bytes.push(0x20);
    else bytes.push(...Buffer.from(char, 'utf8'));
  }
  return Uint8Array.from(bytes);
}

function decodeCharset(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
