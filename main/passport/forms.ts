// The Hotmail auto-login forms (§8): the Passport form when a site id is known (MSNP3), the
// legacy k1/k2 form otherwise. Pure functions: everything time- or chance-dependent is an input.

import type { PassportForm, Profile } from '../../shared/model';
import { md5Hex } from '../../protocol/md5';

export interface Account {
  readonly handle: string;
  readonly password: string;
  readonly profile?: Profile;
}

/** Where the form goes and what it should open afterwards, from a URL reply or a mail notification. */
export interface FormTarget {
  /** The sign-in page that accepts the form (`login-url` or `Post-URL`). */
  readonly action: string;
  /** Where the browser ends up (`redirect-url` or `Message-URL`). */
  readonly redirect: string;
  /** Passport site id; selects the Passport form. */
  readonly siteId?: string;
}

const isAbsoluteHttp = (url: string): boolean => /^https?:\/\/[^\s/]/i.test(url);

/** The local part of a handle (`example` for `example@hotmail.com`, §16 #7). */
const loginOf = (handle: string): string => handle.split('@')[0] ?? handle;

/** `sl`: whole seconds since the profile arrived (skew-proof, §8.2); 0 without a profile. */
export function secondsSinceSignIn(profile: Profile | undefined, now: number): number {
  return profile ? Math.max(0, Math.floor((now - profile.receivedAt) / 1000)) : 0;
}

/** Whether the target can be posted to; relative or non-http URLs mean the server has no Hotmail. */
export function isUsableTarget(target: FormTarget): boolean {
  return isAbsoluteHttp(target.action);
}

export function passportForm(account: Account, target: FormTarget & { readonly siteId: string }, sl: number): PassportForm {
  const auth = account.profile?.mspAuth ?? '';
  const slText = String(sl);
  return {
    action: target.action,
    method: 'POST',
    fields: {
      mode: 'ttl',
      login: loginOf(account.handle),
      username: account.handle,
      sid: account.profile?.sid ?? '',
      kv: account.profile?.kv ?? '',
      id: target.siteId,
      sl: slText,
      [isAbsoluteHttp(target.redirect) ? 'ru' : 'rru']: target.redirect,
      auth,
      creds: md5Hex(auth + slText + account.password),
      svc: 'mail',
      js: 'yes',
    },
  };
}

/** `k1` is a two-digit number the client picks (10–99); `k2` = md5(login + k1 + password) (§8.4). */
export function legacyForm(account: Account, target: FormTarget, k1: number): PassportForm {
  const login = loginOf(account.handle);
  const k1Text = String(k1);
  return {
    action: target.action,
    method: 'POST',
    fields: { login, k1: k1Text, k2: md5Hex(login + k1Text + account.password), rru: target.redirect },
  };
}

/** Picks the form for a target (§8.1). `random` in [0, 1) chooses k1. */
export function buildForm(account: Account, target: FormTarget, now: number, random: () => number): PassportForm {
  if (target.siteId !== undefined) {
    return passportForm(account, { ...target, siteId: target.siteId }, secondsSinceSignIn(account.profile, now));
  }
  return legacyForm(account, target, 10 + Math.floor(random() * 90));
}
