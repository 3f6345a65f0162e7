// What each dialect lets the client send (§15.2). A command the dialect lacks makes a real
// server drop the connection without a word, so it is refused here, before the wire.

import { type Dialect, URL_SERVICES, type UrlService } from '../../shared/model';
import { SessionError } from './errors';

/** Not a dialect: offered last, it asks a server that speaks neither of ours for an upgrade check (§4.1, §4.2). */
export const UPGRADE_CHECK = 'CVR0';

/** Offered in order of preference. */
export const OFFERED_DIALECTS = ['MSNP3', 'MSNP2', UPGRADE_CHECK] as const;

/** How the official client named itself in SND (MSNP3) and CVQ: US English, the MSMSGS library. */
export const CLIENT_LANGUAGE = '0x0409';
export const CLIENT_LIBRARY = 'MSMSGS';

export function isDialect(value: string | undefined): value is Dialect {
  return value === 'MSNP3' || value === 'MSNP2';
}

export function assertUrlService(dialect: Dialect, service: UrlService): void {
  if (!URL_SERVICES.includes(service) || (service === 'PASSWORD' && dialect !== 'MSNP2')) {
    throw new SessionError('unsupported', `The ${service} service is not available with ${dialect}.`);
  }
}

/** `IMS` exists only in MSNP3 (§5.15). */
export function assertIms(dialect: Dialect): void {
  if (dialect !== 'MSNP3') {
    throw new SessionError('unsupported', 'Do not disturb (IMS) needs MSNP3; this server speaks MSNP2.');
  }
}

/** `SND` parameters: MSNP3 adds the language and the client library (§5.13). */
export function invitationParams(dialect: Dialect, address: string): string[] {
  return dialect === 'MSNP3' ? [address, CLIENT_LANGUAGE, CLIENT_LIBRARY] : [address];
}
