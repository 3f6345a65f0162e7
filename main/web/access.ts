// Who may talk to the browser host: only a page it served, from this machine, holding the token.
// The Host check stops DNS rebinding; the Origin check stops other sites' pages; the token stops
// other local users and processes that cannot read the printed URL.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { TOKEN_PARAMETER } from '../../shared/web-protocol';

export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ipv4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(ipv4) === 4) return ipv4.startsWith('127.');
  return address === '::1';
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class HostAccess {
  readonly origin: string;

  constructor(
    readonly host: string,
    readonly port: number,
    readonly token: string,
  ) {
    this.origin = `http://${host}:${port}`;
  }

  /** The request URL, when the request came from this machine and names this host; otherwise undefined. */
  requestUrl(request: IncomingMessage): URL | undefined {
    if (!isLoopbackAddress(request.socket.remoteAddress)) return undefined;
    if (request.headers.host !== `${this.host}:${this.port}`) return undefined;
    return new URL(request.url ?? '/', this.origin);
  }

  hasToken(url: URL): boolean {
    return tokenMatches(this.token, url.searchParams.get(TOKEN_PARAMETER));
  }

  /** A WebSocket upgrade: loopback, our Host, our Origin, our token. */
  acceptsSocket(request: IncomingMessage, url: URL): boolean {
    return request.headers.origin === this.origin && this.hasToken(url);
  }

  /** A same-origin URL carrying the token. */
  pageUrl(path: string, hashRoute?: string): string {
    const url = new URL(path, this.origin);
    url.searchParams.set(TOKEN_PARAMETER, this.token);
    return `${url.pathname}${url.search}${hashRoute === undefined ? '' : `#${hashRoute}`}`;
  }
}
