// Service requests: Hotmail/Passport URLs (§5.12), e-mail invitations (§5.13) and IMS (§5.15),
// each in the form the negotiated dialect expects.

import { isValidHandle } from '../../shared/handles';
import type { UrlService } from '../../shared/model';
import type { NsContext } from './context';
import { assertIms, assertUrlService, invitationParams } from './dialect';
import { SessionError } from './errors';

export interface UrlReply {
  /** Where the browser should end up (relative → `rru`, absolute → `ru`). */
  readonly redirectUrl: string;
  /** The page that accepts the auto-login form. */
  readonly loginUrl: string;
  /** Passport site id (MSNP3); its absence selects the legacy form. */
  readonly siteId?: string;
}

export async function requestUrl(context: NsContext, service: UrlService, argument?: string): Promise<UrlReply> {
  assertUrlService(context.dialect(), service);
  if (argument !== undefined && (service !== 'COMPOSE' || !/^\S+$/.test(argument))) {
    throw new SessionError('input', service === 'COMPOSE' ? 'invalid-handle' : 'service-argument', undefined, { service, handle: argument ?? '' });
  }
  const reply = await context.request('URL', argument === undefined ? [service] : [service, argument]);
  const [, redirectUrl, loginUrl, siteId] = reply.params;
  if (redirectUrl === undefined || loginUrl === undefined) {
    throw new SessionError('protocol', 'incomplete-reply', undefined, { command: 'URL' });
  }
  return { redirectUrl, loginUrl, ...(siteId !== undefined && { siteId }) };
}

/** `SND`: any SND line with our TrID counts as success (servers echo the address or OK). */
export async function inviteByEmail(context: NsContext, address: string): Promise<void> {
  if (!isValidHandle(address)) throw new SessionError('input', 'invalid-handle', undefined, { handle: address });
  await context.request('SND', invitationParams(context.dialect(), address));
}

/** `IMS OFF` is a hard "do not disturb": visible, but nobody can start a conversation with me. */
export async function setIms(context: NsContext, enabled: boolean): Promise<void> {
  assertIms(context.dialect());
  const reply = await context.request('IMS', [enabled ? 'ON' : 'OFF']);
  context.emit('ims', reply.params.includes('OFF') ? false : reply.params.includes('ON') ? true : enabled);
}
