import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/model';
import { buildForm, isUsableTarget, legacyForm, passportForm, secondsSinceSignIn } from './forms';

// §8.3 worked example.
const profile: Profile = {
  loginTime: 1726321960,
  emailEnabled: true,
  langPreference: 1033,
  sid: '507',
  kv: '11',
  mspAuth: '2AAAAAAAADz4mXq0w!xPl7mjR3Tq1YkVw8nB!cUeFJtKs9aQ$$',
  receivedAt: 1_000_000,
};
const account = { handle: 'example@hotmail.com', password: 'hunter2', profile };
const loginUrl = 'https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033';

describe('Passport form (§8.2, §8.3)', () => {
  it('matches the worked example field by field, in order', () => {
    const form = buildForm(account, { action: loginUrl, redirect: '/cgi-bin/HoTMaiL', siteId: '2' }, 1_000_000 + 125_400, () => 0.5);
    expect(form.action).toBe(loginUrl);
    expect(form.method).toBe('POST');
    expect(Object.entries(form.fields)).toEqual([
      ['mode', 'ttl'],
      ['login', 'example'],
      ['username', 'example@hotmail.com'],
      ['sid', '507'],
      ['kv', '11'],
      ['id', '2'],
      ['sl', '125'],
      ['rru', '/cgi-bin/HoTMaiL'],
      ['auth', '2AAAAAAAADz4mXq0w!xPl7mjR3Tq1YkVw8nB!cUeFJtKs9aQ$$'],
      ['creds', '5a07dc131b92aff9d01723269e94a95c'],
      ['svc', 'mail'],
      ['js', 'yes'],
    ]);
  });

  it('posts the 223-byte body of the worked example', () => {
    const form = passportForm(account, { action: loginUrl, redirect: '/cgi-bin/HoTMaiL', siteId: '2' }, 125);
    const body = Object.entries(form.fields)
      .map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/!/g, '%21').replace(/[*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`)
      .join('&');
    expect(body).toBe(
      'mode=ttl&login=example&username=example%40hotmail.com&sid=507&kv=11&id=2&sl=125&rru=%2Fcgi-bin%2FHoTMaiL&auth=2AAAAAAAADz4mXq0w%21xPl7mjR3Tq1YkVw8nB%21cUeFJtKs9aQ%24%24&creds=5a07dc131b92aff9d01723269e94a95c&svc=mail&js=yes',
    );
    expect(Buffer.byteLength(body)).toBe(223);
  });

  it('builds the new-mail form of the worked example 300 s after sign-in', () => {
    const messageUrl = '/cgi-bin/getmsg?msg=MSG1726322400.17&start=3&len=1532&curmbox=ACTIVE';
    const form = buildForm(account, { action: loginUrl, redirect: messageUrl, siteId: '2' }, 1_000_000 + 300_000, Math.random);
    expect(form.fields).toMatchObject({ rru: messageUrl, id: '2', sl: '300', creds: '0c49571f6826ab8f63807077332da9d7' });
  });

  it('uses ru for an absolute redirect and the same sl in creds', () => {
    const form = passportForm(account, { action: loginUrl, redirect: 'http://www.hotmail.com/x', siteId: '2' }, 7);
    expect(form.fields.ru).toBe('http://www.hotmail.com/x');
    expect(form.fields.rru).toBeUndefined();
    expect(form.fields.sl).toBe('7');
  });

  it('leaves kv empty when the profile has none', () => {
    const form = passportForm({ ...account, profile: { ...profile, kv: undefined } }, { action: loginUrl, redirect: '/', siteId: '2' }, 0);
    expect(form.fields.kv).toBe('');
  });
});

describe('legacy form (§8.4)', () => {
  it('computes k2 = md5(login + k1 + password) with the reference vector', () => {
    const form = legacyForm(account, { action: 'http://www.hotmail.com', redirect: '/cgi-bin/HoTMaiL' }, 42);
    expect(form.fields).toEqual({ login: 'example', k1: '42', k2: '6fcc006dd4fcf1d75d9b96c18a9914ec', rru: '/cgi-bin/HoTMaiL' });
  });

  it('is chosen without a site id, with a two-digit k1', () => {
    for (const random of [0, 0.5, 0.999999]) {
      const form = buildForm(account, { action: 'http://mail.example/login', redirect: '/inbox' }, 0, () => random);
      expect(form.fields.k1).toMatch(/^[1-9]\d$/);
      expect(form.fields.creds).toBeUndefined();
    }
  });
});

describe('targets', () => {
  it('accepts only absolute http(s) actions', () => {
    expect(isUsableTarget({ action: loginUrl, redirect: '/' })).toBe(true);
    expect(isUsableTarget({ action: 'http://www.hotmail.com', redirect: '/' })).toBe(true);
    expect(isUsableTarget({ action: '/unused2', redirect: '/unused1' })).toBe(false);
    expect(isUsableTarget({ action: 'javascript:alert(1)', redirect: '/' })).toBe(false);
    expect(isUsableTarget({ action: 'file:///etc/passwd', redirect: '/' })).toBe(false);
  });

  it('counts sl from the local arrival of the profile, never negative', () => {
    expect(secondsSinceSignIn(profile, profile.receivedAt + 1999)).toBe(1);
    expect(secondsSinceSignIn(profile, profile.receivedAt - 5000)).toBe(0);
    expect(secondsSinceSignIn(undefined, 5)).toBe(0);
  });
});
