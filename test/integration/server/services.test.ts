import { beforeEach, describe, expect, it } from 'vitest';
import { mediaType, parseMime } from '../../../protocol/index';
import type { MsnServer } from '../../../server/index';
import { EXAMPLE, SESSION_ACCOUNTS, goOnline, linesBeforePong, signIn, useServerTest } from './fixtures';

const { clients, connect, startServer } = useServerTest();
let server: MsnServer;
const log: string[] = [];
beforeEach(() => {
  log.length = 0;
});

const LOGIN_URL = 'https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033';

describe('URL', () => {
  it('answers MSNP3 with the Passport login URL and Hotmail site id, and refuses PASSWORD', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('URL 20 INBOX');
    await me.client.expect(`URL 20 /cgi-bin/HoTMaiL ${LOGIN_URL} 2`);
    me.client.send('URL 21 COMPOSE bob@hotmail.com');
    await me.client.expect(`URL 21 /cgi-bin/compose?mailto=1&to=bob%40hotmail%2ecom ${LOGIN_URL} 2`);
    me.client.send('URL 22 FOLDERS');
    await me.client.expect(`URL 22 /cgi-bin/folders ${LOGIN_URL} 2`);
    me.client.send('URL 23 PASSWORD');
    await me.client.expect('201 23');
    me.client.send('URL 24 CHAT');
    await me.client.expect('201 24');
  });

  it('answers MSNP2 without a site id, and knows PASSWORD', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS, dialects: ['MSNP2'] });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('URL 20 INBOX');
    await me.client.expectMatch(/^URL 20 \/cgi-bin\/HoTMaiL http:\/\/\S+$/);
    me.client.send('URL 21 PASSWORD');
    await me.client.expectMatch(/^URL 21 \/cgi-bin\/password http:\/\/\S+$/);
  });
});

describe('SND, IMS, PNG, XFR', () => {
  it('accepts SND in the MSNP2 form, and answers the MSNP3 form on MSNP2 with 503 and a close', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS, dialects: ['MSNP2'] });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('SND 21 friend@example.com');
    await me.client.expect('SND 21 OK');
    me.client.send('SND 22 friend@example.com 0x0409 MSMSGS');
    await me.client.expect('503 22');
    await me.client.expectClosed();
  });

  it('answers SND with a bad address with 201', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('SND 5 nobody 0x0409 MSMSGS');
    await me.client.expect('201 5');
  });

  it('answers IMS with a bad mode with 715, and drops IMS on an MSNP2 session', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('IMS 5 MAYBE');
    await me.client.expect('715 5');
    await me.client.close();
    const old = await signIn(server, EXAMPLE, clients, 'MSNP2');
    old.client.send('IMS 5 OFF');
    await old.client.expectClosed();
  });

  it('refers XFR SB to the switchboard only after the first CHG, and answers 201 to other XFR types', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    me.client.send('XFR 5 SB');
    await me.client.expect('913 5');
    me.client.send('CHG 6 NLN');
    await me.client.expect('CHG 6 NLN');
    me.client.send('XFR 7 NS');
    await me.client.expect('201 7');
    me.client.send('XFR 8 SB');
    await me.client.expectMatch(new RegExp(`^XFR 8 SB 127\\.0\\.0\\.1:${server.switchboardPort} CKI \\d+\\.\\d+\\.\\d+$`));
  });
});

describe('invalid commands (§2.7, §5.18)', () => {
  for (const line of ['MSG 5 N 0', 'CHL 5 1234', 'PRP 5 MFN x', 'ADC 5 FL N=x', 'QRY 5 x 32', 'FOO 5']) {
    it(`drops the connection without an error line for "${line}"`, async () => {
      server = await startServer({ accounts: SESSION_ACCOUNTS, log: (entry) => log.push(entry) });
      const me = await signIn(server, EXAMPLE, clients);
      me.client.send(line);
      await me.client.expectClosed();
      expect(log.some((entry) => entry.includes('closing'))).toBe(true);
    });
  }

  it('drops a malformed line and an oversized line, logs why, and keeps serving everyone else', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS, log: (entry) => log.push(entry) });
    const bystander = await goOnline(server, EXAMPLE, clients);
    const malformed = await connect(server.notificationPort);
    malformed.send('ver 1 MSNP3');
    await malformed.expectClosed();
    const oversized = await connect(server.notificationPort);
    oversized.sendBytes('VER 1 ' + 'X'.repeat(9000));
    await oversized.expectClosed();
    const noTrid = await connect(server.notificationPort);
    noTrid.send('VER MSNP3');
    await noTrid.expectClosed();
    expect(log.filter((entry) => entry.includes('closing'))).toHaveLength(3);
    expect(await linesBeforePong(bystander)).toEqual([]);
  });

  it('drops a client that sends a signed-in command before signing in', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const early = await connect(server.notificationPort);
    early.send('VER 1 MSNP3');
    await early.expect('VER 1 MSNP3');
    early.send('SYN 2 0');
    await early.expectClosed();
  });
});

describe('new mail', () => {
  it('sends the MSNP3 new-mail notification with id 2 and counts it', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS });
    const me = await signIn(server, EXAMPLE, clients);
    server.injectNewMail(EXAMPLE.handle, { from: 'Another User', fromAddress: 'anotheruser@hotmail.com', subject: 'Lunch tomorrow' });
    const notice = await me.client.expect('MSG Hotmail Hotmail');
    const mail = parseMime(notice.payload!);
    expect(mediaType(mail)).toBe('text/x-msmsgsemailnotification');
    expect(mail.body).toMatch(
      new RegExp(
        '^From: Another User\\r\\nMessage-URL: /cgi-bin/getmsg\\?msg=MSG\\d+\\.\\d+&start=1&len=1024&curmbox=ACTIVE\\r\\n' +
          `Post-URL: ${LOGIN_URL.replace(/[.?]/g, '\\$&')}\\r\\nSubject: =\\?"us-ascii"\\?Q\\?Lunch_tomorrow\\?=\\r\\n` +
          'Dest-Folder: ACTIVE\\r\\nFrom-Addr: anotheruser@hotmail\\.com\\r\\nid: 2\\r\\n\\r\\n$',
      ),
    );
    await me.client.close();
    const again = await signIn(server, EXAMPLE, clients);
    expect(again.client.received.some((command) => new TextDecoder().decode(command.payload ?? new Uint8Array()).includes('Inbox-Unread: 3'))).toBe(true);
  });

  it('sends the MSNP2 form: application/ type, no id, Hotmail as Post-URL, encoded non-ASCII subject', async () => {
    server = await startServer({ accounts: SESSION_ACCOUNTS, dialects: ['MSNP2'] });
    const me = await signIn(server, EXAMPLE, clients);
    server.injectNewMail(EXAMPLE.handle, { from: 'Zoë', fromAddress: 'zoe@hotmail.com', subject: 'Café?' });
    const mail = parseMime((await me.client.expect('MSG Hotmail Hotmail')).payload!);
    expect(mediaType(mail)).toBe('application/x-msmsgsemailnotification');
    expect(mail.body).toContain('From: =?"utf-8"?B?Wm/Dqw==?=\r\n');
    expect(mail.body).toContain('Subject: =?"utf-8"?B?Q2Fmw6k/?=\r\n');
    expect(mail.body).toContain('Post-URL: http://www.hotmail.com\r\n');
    expect(mail.body).not.toContain('id:');
  });
});
