// An account's proxy: SOCKS5 (remote DNS, optional user name and password) or HTTP CONNECT (basic
// authentication). The settings, the Options page and the CLI's `--proxy` URL share this shape;
// the password is kept apart (the secret store, an environment variable) and never crosses IPC.

import { z } from './zod';

export const PROXY_KINDS = ['socks5', 'http'] as const;
export type ProxyKind = (typeof PROXY_KINDS)[number];

export interface ProxySettings {
  readonly kind: ProxyKind;
  readonly host: string;
  readonly port: number;
  /** With a password, the proxy is asked with these credentials; without, with none. */
  readonly username?: string;
}

/** What the client dials through: the settings and, when the proxy wants one, the password. */
export interface ProxyCredentials extends ProxySettings {
  readonly password?: string;
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

export const proxySettingsSchema = z
  .object({
    kind: z.enum(PROXY_KINDS),
    host: z.string().trim().max(253).regex(HOST),
    port: z.number().int().min(1).max(65535),
    // RFC 1929 allows 255 bytes; a colon would break HTTP basic authentication.
    username: z.string().min(1).max(255).regex(/^[^:\r\n]*$/).optional(),
  })
  .strict();

export const proxyPasswordSchema = z.string().max(255);

/** The proxy as people write it, without the password: `socks5://user@host:port`. */
export function proxyLabel(proxy: ProxySettings): string {
  const user = proxy.username === undefined ? '' : `${encodeURIComponent(proxy.username)}@`;
  return `${proxy.kind}://${user}${proxy.host}:${proxy.port}`;
}

// A URL drops http's own default port (80), so that is the one a bare http://host means.
const DEFAULT_PORTS: Readonly<Record<ProxyKind, number>> = { socks5: 1080, http: 80 };

/**
 * Reads `socks5://[user[:password]@]host[:port]` or `http://…` (the CLI's `--proxy`). Undefined when
 * it is neither; the password, when the URL has one, comes back beside the settings.
 */
export function parseProxyUrl(text: string): ProxyCredentials | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  const kind = url.protocol.slice(0, -1);
  if (kind !== 'socks5' && kind !== 'http') return undefined;
  if ((url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) return undefined;
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  const parsed = proxySettingsSchema.safeParse({
    kind,
    host: url.hostname,
    port: url.port ? Number(url.port) : DEFAULT_PORTS[kind],
    ...(username !== undefined && { username }),
  });
  if (!parsed.success || (password !== undefined && username === undefined)) return undefined;
  return { ...parsed.data, ...(password !== undefined && { password }) };
}
