// The sign-in troubleshooter's judgement: which of the cases revival users meet a failed sign-in
// is, with the facts its advice needs. The renderer's strings and the CLI's own table say what to
// do about each; this decides which advice applies, once for both.

import type { AppError } from './errors';
import { type ServerPreset, presetOf } from './server-presets';

/** The sign-in steps a server can fall silent in (the request that got no answer). */
export type SilentStep = 'VER' | 'CVR' | 'INF' | 'USR' | 'SYN' | 'CHG' | 'other';

export type SignInAdvice =
  /** 911 from a server known to sign old clients in with MD5 only for accounts that allowed it. */
  | { readonly kind: 'md5-opt-in'; readonly server: string; readonly website: string }
  /** Nothing took the connection (`refused`) or nothing answered it at all. */
  | { readonly kind: 'server-unreachable'; readonly host: string; readonly port: string; readonly refused: boolean }
  /** The server speaks other versions of the protocol: what it offered. */
  | { readonly kind: 'wrong-protocol'; readonly offered: readonly string[] }
  /** The proxy failed, not the server. */
  | { readonly kind: 'proxy'; readonly proxy: string; readonly problem: 'unreachable' | 'credentials' | 'refused' | 'silent' | 'not-a-proxy' }
  /** The server took the connection and then fell silent at a step. */
  | { readonly kind: 'server-silent'; readonly step: SilentStep };

const STEPS: readonly SilentStep[] = ['VER', 'CVR', 'INF', 'USR', 'SYN', 'CHG'];

const detailText = (error: AppError, key: string): string => {
  const value = error.detail?.[key];
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
};

/**
 * What to do about a failed sign-in, when it is one of the cases that has advice. `server` is the
 * address the user signed in to (a preset's or typed); `presets` say which servers need MD5 turned on.
 */
export function signInAdvice(error: AppError, server: string | undefined, presets: readonly ServerPreset[]): SignInAdvice | undefined {
  switch (error.reason) {
    case 'server-error': {
      const optIn = error.code === 911 ? presetOf(server, presets)?.md5OptIn : undefined;
      return optIn && server !== undefined ? { kind: 'md5-opt-in', server, website: optIn.website } : undefined;
    }
    case 'cannot-connect':
    case 'unreachable':
      return { kind: 'server-unreachable', host: detailText(error, 'host'), port: detailText(error, 'port'), refused: error.reason === 'cannot-connect' };
    case 'unsupported-server': {
      // `VER n 0` is a server saying it shares no version; CVR0 is no version either.
      const offered = error.detail?.['offered'];
      return { kind: 'wrong-protocol', offered: Array.isArray(offered) ? offered.filter((version) => /^MSNP\d+$/i.test(version)) : [] };
    }
    case 'upgrade-requested':
      return { kind: 'wrong-protocol', offered: [] };
    case 'no-answer': {
      const request = detailText(error, 'request');
      return { kind: 'server-silent', step: STEPS.find((step) => step === request) ?? 'other' };
    }
    case 'proxy-cannot-connect':
      return { kind: 'proxy', proxy: detailText(error, 'proxy'), problem: 'unreachable' };
    case 'proxy-timeout':
      return { kind: 'proxy', proxy: detailText(error, 'proxy'), problem: 'silent' };
    case 'proxy-needs-credentials':
    case 'proxy-credentials-refused':
      return { kind: 'proxy', proxy: detailText(error, 'proxy'), problem: 'credentials' };
    case 'proxy-refused':
      return { kind: 'proxy', proxy: detailText(error, 'proxy'), problem: 'refused' };
    case 'proxy-unexpected':
      return { kind: 'proxy', proxy: detailText(error, 'proxy'), problem: 'not-a-proxy' };
    default:
      return undefined;
  }
}
