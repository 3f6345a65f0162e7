import { describe, expect, it } from 'vitest';
import { SEED_PROFILE } from '../../test/fixtures/seed';
import { decodeEncodedWords, parseServiceMessage } from './mail';

const crlf = (...lines: string[]): Uint8Array => Buffer.from(lines.join('\r\n'), 'utf8');
const NOW = 1_700_000_000_000;

describe('service messages (§9)', () => {
  it("reads the seed's 367-byte profile, whose fields sit in the body", () => {
    const payload = Buffer.from(SEED_PROFILE);
    expect(payload.byteLength).toBe(367);
    expect(parseServiceMessage(payload, NOW)).toEqual({
      type: 'profile',
      profile: {
        loginTime: 1726321960,
        emailEnabled: true,
        langPreference: 1033,
        preferredEmail: 'example@hotmail.com',
        sid: '507',
        kv: '11',
        mspAuth: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$$',
        receivedAt: NOW,
      },
    });
  });

  it('reads an MSNP2 profile with only LoginTime, fields in the header block, as mail enabled', () => {
    const payload = crlf('MIME-Version: 1.0', 'Content-Type: text/x-msmsgsprofile; charset=UTF-8', 'LoginTime: 1726321960', '', '');
    expect(parseServiceMessage(payload, NOW)).toEqual({ type: 'profile', profile: { loginTime: 1726321960, emailEnabled: true, receivedAt: NOW } });
  });

  it('reads EmailEnabled: 0 as a profile without mail', () => {
    const payload = crlf('MIME-Version: 1.0', 'Content-Type: text/x-msmsgsprofile; charset=UTF-8', '', 'LoginTime: 1726321960', 'EmailEnabled: 0', '');
    expect(parseServiceMessage(payload, NOW)).toMatchObject({ type: 'profile', profile: { emailEnabled: false } });
  });

  it.each([
    'text/x-msmsgsinitialemailnotification',
    'application/x-msmsgsinitialemailnotification',
    'text/x-msmsgsemailnotification',
    'application/x-msmsgsemailnotification',
  ])('takes the unread counts from %s', (type) => {
    const payload = crlf('MIME-Version: 1.0', `Content-Type: ${type}; charset=UTF-8`, '', 'Inbox-Unread: 2', 'Folders-Unread: 5', 'Inbox-URL: /cgi-bin/HoTMaiL', '', '');
    expect(parseServiceMessage(payload, NOW)).toEqual({ type: 'mail-count', count: { inboxUnread: 2, foldersUnread: 5 } });
  });

  it.each(['text/x-msmsgsemailnotification', 'application/x-msmsgsemailnotification'])('reads a new mail from %s', (type) => {
    const payload = crlf(
      'MIME-Version: 1.0',
      `Content-Type: ${type}; charset=UTF-8`,
      '',
      'From: Another User',
      'Message-URL: /cgi-bin/getmsg?msg=MSG1726322400.17&start=3&len=1532&curmbox=ACTIVE',
      'Post-URL: https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033',
      'Subject: =?"us-ascii"?Q?Lunch_tomorrow?=',
      'Dest-Folder: ACTIVE',
      'From-Addr: anotheruser@hotmail.com',
      'id: 2',
      '',
      '',
    );
    expect(parseServiceMessage(payload, NOW)).toEqual({
      type: 'new-mail',
      notice: {
        mail: { from: 'Another User', fromAddress: 'anotheruser@hotmail.com', subject: 'Lunch tomorrow', receivedAt: NOW },
        postUrl: 'https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033',
        messageUrl: '/cgi-bin/getmsg?msg=MSG1726322400.17&start=3&len=1532&curmbox=ACTIVE',
        siteId: '2',
        inInbox: true,
      },
    });
  });

  it('counts mail moved out of the Inbox and reads maintenance warnings', () => {
    const moved = crlf('MIME-Version: 1.0', 'Content-Type: text/x-msmsgsactivemailnotification; charset=UTF-8', '', 'Src-Folder: ACTIVE', 'Dest-Folder: trAsH', 'Message-Delta: 1', '', '');
    expect(parseServiceMessage(moved, NOW)).toEqual({ type: 'mail-moved', fromInbox: true, toInbox: false, delta: 1 });
    const system = crlf('MIME-Version: 1.0', 'Content-Type: application/x-msmsgssystemmessage', '', 'Type: 1', 'Arg1: 5', '', '');
    expect(parseServiceMessage(system, NOW)).toEqual({ type: 'maintenance', minutes: 5 });
  });

  it('ignores other content types', () => {
    expect(parseServiceMessage(crlf('Content-Type: text/x-unknown', '', 'x'), NOW)).toEqual({ type: 'ignored', contentType: 'text/x-unknown' });
  });

  it('decodes RFC 2047 words, quoted charset or not', () => {
    expect(decodeEncodedWords('=?"us-ascii"?Q?Lunch_tomorrow?=')).toBe('Lunch tomorrow');
    expect(decodeEncodedWords('=?utf-8?B?w4dhIHZhPw==?=')).toBe('Ça va?');
    expect(decodeEncodedWords('=?iso-8859-1?Q?Caf=E9?= =?utf-8?Q?_ok?=')).toBe('Café ok');
    expect(decodeEncodedWords('plain text')).toBe('plain text');
  });
});
