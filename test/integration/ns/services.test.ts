import { readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import type { Messenger } from '../../../main/client/messenger';
import { md5Hex } from '../../../protocol/md5';
import { type Harness, PASSWORD, nextEvent, startHarness } from './harness';

const me = { handle: 'example@hotmail.com', password: PASSWORD, friendlyName: 'Example', inboxUnread: 2 };
const failure = (promise: Promise<unknown>): Promise<MessengerError> => promise.then(() => Promise.reject(new Error('expected a failure')), (error: MessengerError) => error);

describe.each(['MSNP3', 'MSNP2'] as const)('Hotmail, invitations and IMS with %s', (dialect) => {
  let harness: Harness;
  let messenger: Messenger;
  afterEach(() => harness.cleanup());

  async function signIn(): Promise<void> {
    harness = await startHarness({ dialects: [dialect], accounts: [me] });
    messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
  }

  it('builds the inbox form for the dialect, opens it as an owner-only page, and removes the page at sign-out', async () => {
    await signIn();
    const emitted = nextEvent(messenger, 'form');
    const form = await messenger.openUrl('INBOX');
    expect(await emitted).toEqual(form);
    expect(form.method).toBe('POST');
    if (dialect === 'MSNP3') {
      const { sl, auth } = form.fields;
      expect(form.action).toBe('https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033');
      expect(Object.keys(form.fields)).toEqual(['mode', 'login', 'username', 'sid', 'kv', 'id', 'sl', 'rru', 'auth', 'creds', 'svc', 'js']);
      expect(form.fields).toMatchObject({ mode: 'ttl', login: 'example', username: me.handle, sid: '507', kv: '11', id: '2', rru: '/cgi-bin/HoTMaiL', svc: 'mail', js: 'yes' });
      expect(auth).toBe(messenger.state.profile?.mspAuth);
      expect(form.fields.creds).toBe(md5Hex(`${auth}${sl}${PASSWORD}`));
    } else {
      expect(Object.keys(form.fields)).toEqual(['login', 'k1', 'k2', 'rru']);
      expect(form.fields.k1).toMatch(/^\d\d$/);
      expect(form.fields.k2).toBe(md5Hex(`example${form.fields.k1}${PASSWORD}`));
    }
    expect(harness.opened).toHaveLength(1);
    const page = harness.opened[0] as string;
    expect((await stat(page)).mode & 0o777).toBe(0o600);
    expect(await readFile(page, 'utf8')).toContain(`action="${form.action}"`);
    await messenger.signOut();
    await expect(stat(page)).rejects.toThrow(/ENOENT/);
  });

  it('hands the form to a shell that presents forms itself, writing no page file', async () => {
    harness = await startHarness({ dialects: [dialect], accounts: [me] });
    const presented: unknown[] = [];
    messenger = harness.messenger({ openForm: (form) => void presented.push(form) });
    await messenger.signIn({ server: harness.address, handle: me.handle, password: PASSWORD });
    const form = await messenger.openUrl('INBOX');
    expect(presented).toEqual([form]);
    expect(harness.opened).toEqual([]);
  });

  it('asks for COMPOSE with an address, FOLDERS and PERSON', async () => {
    await signIn();
    expect((await messenger.openUrl('COMPOSE', 'bob@example.com', { open: false })).fields.rru).toBe('/cgi-bin/compose?mailto=1&to=bob%40example%2ecom');
    expect((await messenger.openUrl('FOLDERS', undefined, { open: false })).fields.rru).toBe('/cgi-bin/folders');
    expect((await messenger.openUrl('PERSON', undefined, { open: false })).fields.rru).toBe('/cgi-bin/profile');
    expect(harness.opened).toEqual([]);
  });

  it(`${dialect === 'MSNP2' ? 'offers' : 'refuses, before the wire,'} the PASSWORD service`, async () => {
    await signIn();
    if (dialect === 'MSNP2') {
      expect((await messenger.openUrl('PASSWORD', undefined, { open: false })).fields.rru).toBe('/cgi-bin/password');
    } else {
      expect((await failure(messenger.openUrl('PASSWORD'))).appError.kind).toBe('unsupported');
      expect(harness.wire.some((line) => line.includes('URL') && line.includes('PASSWORD'))).toBe(false);
    }
  });

  it('counts new mail and builds the new-mail form from Post-URL, Message-URL and id', async () => {
    await signIn();
    expect(messenger.state.mail).toMatchObject({ inboxUnread: 2, foldersUnread: 0 });
    const arrived = nextEvent(messenger, 'newMail');
    harness.server.injectNewMail(me.handle, { from: 'Another User', fromAddress: 'another@example.com', subject: 'Lunch tomorrow' });
    expect(await arrived).toMatchObject({ from: 'Another User', fromAddress: 'another@example.com', subject: 'Lunch tomorrow' });
    expect(messenger.state.mail).toMatchObject({ inboxUnread: 3, lastNew: { subject: 'Lunch tomorrow' } });

    const form = await messenger.openNewMail({ open: false });
    expect(form.fields.rru).toMatch(/^\/cgi-bin\/getmsg\?msg=MSG/);
    if (dialect === 'MSNP3') {
      expect(form.action).toBe('https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033');
      expect(form.fields).toMatchObject({ id: '2', creds: md5Hex(`${form.fields.auth}${form.fields.sl}${PASSWORD}`) });
    } else {
      expect(form.action).toBe('http://www.hotmail.com');
      expect(form.fields.k2).toBe(md5Hex(`example${form.fields.k1}${PASSWORD}`));
    }
  });

  it('decodes non-ASCII senders and subjects', async () => {
    await signIn();
    const arrived = nextEvent(messenger, 'newMail');
    harness.server.injectNewMail(me.handle, { from: 'Zoë', fromAddress: 'zoe@example.com', subject: 'Ça va? ☕' });
    expect(await arrived).toMatchObject({ from: 'Zoë', subject: 'Ça va? ☕' });
  });

  it('sends the e-mail invitation in the dialect form', async () => {
    await signIn();
    await messenger.inviteByEmail('friend@example.com');
    const sent = harness.wire.find((line) => line.startsWith('C: SND'));
    expect(sent).toMatch(dialect === 'MSNP3' ? /^C: SND \d+ friend@example\.com 0x0409 MSMSGS$/ : /^C: SND \d+ friend@example\.com$/);
    expect((await failure(messenger.inviteByEmail('nobody'))).appError.kind).toBe('input');
    // The same handle rule as everywhere: at most 129 bytes.
    expect((await failure(messenger.inviteByEmail(`${'a'.repeat(126)}@b.c`))).appError.kind).toBe('input');
    expect(harness.wire.filter((line) => line.startsWith('C: SND'))).toHaveLength(1);
  });

  it(dialect === 'MSNP3' ? 'turns IMS off and on' : 'never sends IMS', async () => {
    await signIn();
    if (dialect === 'MSNP3') {
      await messenger.setIms(false);
      expect(messenger.state.session.imsEnabled).toBe(false);
      await messenger.setIms(true);
      expect(messenger.state.session.imsEnabled).toBe(true);
    } else {
      const error = await failure(messenger.setIms(false));
      expect(error.appError).toMatchObject({ kind: 'unsupported', reason: 'ims-needs-msnp3' });
      expect(harness.wire.some((line) => line.startsWith('C: IMS'))).toBe(false);
      expect(messenger.state.session.state).toBe('online');
    }
  });
});

describe('an account without a Hotmail mailbox', () => {
  let harness: Harness;
  afterEach(() => harness.cleanup());
  const noMail = { handle: 'nomail@example.org', password: PASSWORD, emailEnabled: false };

  async function signInWithout(dialect: 'MSNP3' | 'MSNP2'): Promise<Messenger> {
    harness = await startHarness({ dialects: [dialect], accounts: [noMail] });
    const messenger = harness.messenger();
    await messenger.signIn({ server: harness.address, handle: noMail.handle, password: PASSWORD });
    return messenger;
  }

  it('refuses the mailbox services and the new-mail form before the wire when the profile says EmailEnabled: 0', async () => {
    const messenger = await signInWithout('MSNP3');
    expect(messenger.state.profile?.emailEnabled).toBe(false);
    for (const opening of [
      messenger.openUrl('INBOX'),
      messenger.openUrl('FOLDERS'),
      messenger.openUrl('COMPOSE', 'bob@example.com'),
      messenger.openNewMail(),
    ]) {
      expect((await failure(opening)).appError).toEqual({ kind: 'unsupported', reason: 'no-mailbox' });
    }
    expect(harness.wire.filter((line) => line.startsWith('C: URL'))).toEqual([]);
    expect((await messenger.openUrl('PERSON', undefined, { open: false })).fields.rru).toBe('/cgi-bin/profile');
    expect(harness.opened).toEqual([]);
  });

  it('counts the mailbox as there with MSNP2, whose profile has no EmailEnabled field', async () => {
    const messenger = await signInWithout('MSNP2');
    expect(messenger.state.profile?.emailEnabled).toBe(true);
    expect((await messenger.openUrl('INBOX', undefined, { open: false })).fields.rru).toBe('/cgi-bin/HoTMaiL');
  });
});
