// Connections through a proxy, for the dispatch, notification and switchboard sockets alike:
// SOCKS5 with the `socks` library (the server's name goes to the proxy, which resolves it: remote
// DNS) and HTTP CONNECT with Node's own http client. Both start from one TCP connection to the
// proxy opened here, so "the proxy did not answer" and "the proxy refused" read the same for both,
// and every failure is a ProxyError naming the proxy, never the server behind it.

import { request } from 'node:http';
import { Socket, connect } from 'node:net';
import { SocksClient } from 'socks';
import type { ConnectionTarget, Dialer } from '../../protocol/index';
import { type ProxyCredentials, proxyLabel } from '../../shared/proxy';
import { ProxyError } from './proxy-error';

/** `[::1]` as a URL writes it, `::1` as a socket wants it. */
const bare = (host: string): string => host.replace(/^\[(.*)\]$/, '$1');
/** `host:port` with IPv6 in brackets, as HTTP's CONNECT and a log write it. */
const authority = ({ host, port }: ConnectionTarget): string => `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;

export function proxyDialer(proxy: ProxyCredentials): Dialer {
  return async (target, timeoutMs) => {
    const deadline = Date.now() + timeoutMs;
    const socket = await connectToProxy(proxy, timeoutMs);
    const remaining = Math.max(1, deadline - Date.now());
    try {
      return proxy.kind === 'socks5' ? await socksHandshake(proxy, socket, target, remaining) : await httpConnect(proxy, socket, target, remaining);
    } catch (error) {
      socket.destroy();
      throw error;
    }
  };
}

function connectToProxy(proxy: ProxyCredentials, timeoutMs: number): Promise<Socket> {
  const label = proxyLabel(proxy);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: bare(proxy.host), port: proxy.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ProxyError('proxy-timeout', { proxy: label, seconds: Math.round(timeoutMs / 1000) }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new ProxyError('proxy-cannot-connect', { proxy: label, code: error.code ?? error.message }));
    });
  });
}

async function socksHandshake(proxy: ProxyCredentials, socket: Socket, target: ConnectionTarget, timeoutMs: number): Promise<Socket> {
  const label = proxyLabel(proxy);
  try {
    const { socket: tunnel } = await SocksClient.createConnection({
      existing_socket: socket,
      proxy: {
        host: bare(proxy.host),
        port: proxy.port,
        type: 5,
        ...(proxy.username !== undefined && { userId: proxy.username, password: proxy.password ?? '' }),
      },
      // A name, not an address: the proxy resolves it (remote DNS).
      destination: { host: bare(target.host), port: target.port },
      command: 'connect',
      timeout: timeoutMs,
    });
    return tunnel;
  } catch (error) {
    throw socksFailure(error instanceof Error ? error.message : String(error), label, proxy, target, timeoutMs);
  }
}

/** The socks library reports by message; each of its messages is one of these cases. */
function socksFailure(message: string, label: string, proxy: ProxyCredentials, target: ConnectionTarget, timeoutMs: number): ProxyError {
  if (message.startsWith('Proxy connection timed out')) return new ProxyError('proxy-timeout', { proxy: label, seconds: Math.round(timeoutMs / 1000) });
  if (/no accepted authentication type|Authentication failed/.test(message)) {
    return new ProxyError(proxy.username === undefined ? 'proxy-needs-credentials' : 'proxy-credentials-refused', { proxy: label });
  }
  const rejected = /^Socks5 proxy rejected connection - (\w+)/.exec(message);
  if (rejected) return new ProxyError('proxy-refused', { proxy: label, server: authority(target), answer: rejected[1] ?? '' });
  return new ProxyError('proxy-unexpected', { proxy: label });
}

function httpConnect(proxy: ProxyCredentials, socket: Socket, target: ConnectionTarget, timeoutMs: number): Promise<Socket> {
  const label = proxyLabel(proxy);
  const server = authority(target);
  const credentials = proxy.username === undefined ? undefined : Buffer.from(`${proxy.username}:${proxy.password ?? ''}`).toString('base64');
  return new Promise((resolve, reject) => {
    const connecting = request({
      method: 'CONNECT',
      path: server,
      headers: { Host: server, ...(credentials && { 'Proxy-Authorization': `Basic ${credentials}` }) },
      createConnection: () => socket,
    });
    const timer = setTimeout(() => {
      connecting.destroy();
      reject(new ProxyError('proxy-timeout', { proxy: label, seconds: Math.round(timeoutMs / 1000) }));
    }, timeoutMs);
    connecting.once('connect', (response, tunnel: Socket, head: Buffer) => {
      clearTimeout(timer);
      const status = response.statusCode ?? 0;
      if (status === 200) {
        // Bytes the server sent right behind the proxy's answer belong to the MSNP stream.
        if (head.byteLength > 0) tunnel.unshift(head);
        return resolve(tunnel);
      }
      tunnel.destroy();
      if (status === 407) return reject(new ProxyError(credentials ? 'proxy-credentials-refused' : 'proxy-needs-credentials', { proxy: label }));
      reject(new ProxyError('proxy-refused', { proxy: label, server, answer: `HTTP ${status}` }));
    });
    connecting.once('error', () => {
      clearTimeout(timer);
      reject(new ProxyError('proxy-unexpected', { proxy: label }));
    });
    connecting.end();
  });
}
