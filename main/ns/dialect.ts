// What each dialect lets the client send (§15.2). A command the dialect lacks makes a real
// server drop the connection without a word, so it is refused here, before the wire.

import { type Dialect, DIALECTS, UPGRADE_CHECK } from '../../protocol/dialect';
import { URL_SERVICES, type UrlService } from '../../shared/model';
import { SessionError } from './errors';

/** Offered in order of preference; the upgrade check last, for a server that speaks neither. */
export const OFFERED_DIALECTS = [...DIALECTS, UPGRADE_CHECK];

/** How the official client named itself in SND (MSNP3) and CVQ: US English, the MSMSGS library. */
export const CLIENT_LANGUAGE = '0x0409';
export const CLIENT_LIBRARY = 'MSMSGS';

export function assertUrlService(dialect: Dialect, service: UrlService): void {
  if (!URL_SERVICES.includes(service) || (service === 'PASSWORD' && dialect !== 'MSNP2')) {
    throw new SessionError('unsupported', 'service-unavailable', undefined, { service, dialect });
  }
}

/** `IMS` exists only in MSNP3 (§5.15). */
export function assertIms(dialect: Dialect): void {
  if (dialect !== 'MSNP3') {
    throw new SessionError('unsupported', 'ims-needs-msnp3');
  }
}

/** `SND` parameters: MSNP3 adds the language and the client library (§5.13). */
export function invitationParams(dialect: Dialect, address: string): string[] {
  return dialect === 'MSNP3' ? [address, CLIENT_LANGUAGE, CLIENT_LIBRARY] : [address];
}
