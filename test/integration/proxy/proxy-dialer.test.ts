// The proxy dialer over real loopback sockets: through SOCKS5 and HTTP CONNECT proxies from
// well-kept server libraries (test/support/proxies.ts) to the project's server, and each way a
// proxy fails, named by the proxy. A proxy that falls silent is timed out with fake timers once it
// has the client's first bytes, so no test waits for a clock.

import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProxyCredentials } from '../../../shared/proxy';
import { type MsnServer, startServer } from '../../../server/index';
import { type TestProxy, closedPort, startHttpProxy, startSocksProxy } from '../../support/proxies';
import { checkProxy } from '../../../main/client/proxy-check';
import { proxyDialer } from '../../../main/net/proxy-dialer';
import { ProxyError } from '../../../main/net/proxy-error';

let server: MsnServer | undefined;
const proxies: TestProxy[] = [];
const silent: { server: Server; sockets: Socket[] }[] = [];

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  for (const { server: listener, sockets } of silent.splice(0)) {
    for (const socket of sockets) socket.destroy();
    listener.close();
  }
  await server?.close();
  server = undefined;
});

async function started<T extends TestProxy>(proxy: Promise<T>): Promise<T> {
  const running = await proxy;
  proxies.push(running);
  return running;
}

/** A "proxy" that takes the connection and never says a word; resolves once it has the client's first bytes. */
async function silentProxy(): Promise<{ port: number; heard: Promise<void> }> {
  const sockets: Socket[] = [];
  let hear = (): void => {};
  const heard = new Promise<void>((resolve) => (hear = resolve));
  const listener = createServer((socket) => {
    sockets.push(socket);
    socket.once('data', () => hear());
  });
  silent.push({ server: listener, sockets });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return { port: (listener.address() as AddressInfo).port, heard };
}

async function failure(dialing: Promise<unknown>): Promise<ProxyError> {
  const error = await dialing.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProxyError);
  return error as ProxyError;
}

const socks = (port: number, extra: Partial<ProxyCredentials> = {}): ProxyCredentials => ({ kind: 'socks5', host: '127.0.0.1', port, ...extra });
const http = (port: number, extra: Partial<ProxyCredentials> = {}): ProxyCredentials => ({ kind: 'http', host: '127.0.0.1', port, ...extra });

describe('the proxy dialer', () => {
  it('tests a proxy as the Options button does: the server answers VER through it, and the proxy saw the server asked for', async () => {
    server = await startServer();
    const viaSocks = await started(startSocksProxy({ names: { 'msn.test': '127.0.0.1' } }));
    expect(await checkProxy(socks(viaSocks.port), `msn.test:${server.dispatchPort}`)).toBe(`msn.test:${server.dispatchPort}`);
    expect(viaSocks.requests).toEqual([{ host: 'msn.test', port: server.dispatchPort }]);
    const viaHttp = await started(startHttpProxy({ credentials: { username: 'me', password: 'pw' } }));
    expect(await checkProxy(http(viaHttp.port, { username: 'me', password: 'pw' }), `127.0.0.1:${server.dispatchPort}`)).toBe(`127.0.0.1:${server.dispatchPort}`);
    expect(viaHttp.requests).toEqual([{ host: '127.0.0.1', port: server.dispatchPort, username: 'me' }]);
  });

  it('names the proxy, not the server, when the proxy is not there', async () => {
    const port = await closedPort();
    const error = await failure(proxyDialer(socks(port, { username: 'me', password: 'secret' }))({ host: 'msn.test', port: 1863 }, 5_000));
    expect(error.appError).toEqual({ kind: 'network', reason: 'proxy-cannot-connect', detail: { proxy: `socks5://me@127.0.0.1:${port}`, code: 'ECONNREFUSED' } });
    expect(JSON.stringify(error.appError)).not.toContain('secret');
  });

  it('times out a SOCKS5 proxy that takes the connection and never answers', async () => {
    const quiet = await silentProxy();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const dialing = failure(proxyDialer(socks(quiet.port))({ host: 'msn.test', port: 1863 }, 15_000));
    await quiet.heard;
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await dialing).appError).toEqual({ kind: 'timeout', reason: 'proxy-timeout', detail: { proxy: `socks5://127.0.0.1:${quiet.port}`, seconds: 15 } });
  });

  it('times out an HTTP proxy that takes the CONNECT and never answers', async () => {
    const quiet = await silentProxy();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const dialing = failure(proxyDialer(http(quiet.port))({ host: 'msn.test', port: 1863 }, 15_000));
    await quiet.heard;
    await vi.advanceTimersByTimeAsync(15_000);
    expect((await dialing).appError).toMatchObject({ kind: 'timeout', reason: 'proxy-timeout', detail: { proxy: `http://127.0.0.1:${quiet.port}` } });
  });

  it('says the HTTP proxy refused the server, with its answer', async () => {
    const proxy = await started(startHttpProxy());
    const port = await closedPort();
    // The proxy cannot reach the server, and answers the CONNECT with an error status.
    const error = await failure(proxyDialer(http(proxy.port))({ host: '127.0.0.1', port }, 5_000));
    expect(error.appError).toMatchObject({ reason: 'proxy-refused', detail: { proxy: `http://127.0.0.1:${proxy.port}`, server: `127.0.0.1:${port}`, answer: expect.stringMatching(/^HTTP [45]\d\d$/) } });
  });
});
