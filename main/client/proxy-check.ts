// Options → Connection → Test: opens a connection to the server through the proxy and asks it
// which protocol it speaks (VER), so "it works" means an MSN server answered through that proxy.
// Every failure is the error the sign-in would meet at that step: the proxy's own, or the server's.

import { MsnpConnection } from '../../protocol/index';
import type { ProxyCredentials } from '../../shared/proxy';
import { proxyDialer } from '../net/proxy-dialer';
import { OFFERED_DIALECTS } from '../ns/dialect';
import { parseServerAddress } from '../ns/signin';

export interface ProxyCheckOptions {
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

/** Resolves with the server reached (`host:port`) once it answered VER through the proxy. */
export async function checkProxy(proxy: ProxyCredentials, server: string, options: ProxyCheckOptions = {}): Promise<string> {
  const { host, port } = parseServerAddress(server);
  const connection = await MsnpConnection.connect(host, port, { ...options, dial: proxyDialer(proxy) });
  try {
    await connection.request('VER', OFFERED_DIALECTS);
    return `${host}:${port}`;
  } finally {
    connection.close();
  }
}
