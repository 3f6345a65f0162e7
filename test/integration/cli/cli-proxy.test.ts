// The CLI through proxies started on loopback: every connection of a session (dispatch,
// notification, switchboard) goes through them, as the proxies' own records show, and a proxy that
// refuses, wants credentials or is not there fails the sign-in with the proxy's name.

import { afterEach, describe, expect, it } from 'vitest';
import { type MsnServer, DEMO_SIGN_IN, startServer } from '../../../server/index';
import { type TestProxy, closedPort, startHttpProxy, startSocksProxy } from '../../support/proxies';
import { type CliEvent, useCliProcesses } from './cli-process';

let server: MsnServer | undefined;
const proxies: TestProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
  await server?.close();
  server = undefined;
});
// Registered after the hook above, so it runs first (after-hooks run as a stack): the CLIs go before their server.
const start = useCliProcesses();

async function withProxy<T extends TestProxy>(proxy: Promise<T>): Promise<T> {
  const started = await proxy;
  proxies.push(started);
  return started;
}

const signIn = (serverAddress: string, proxy: string, env: Record<string, string> = {}) =>
  start(['--server', serverAddress, '--user', DEMO_SIGN_IN.handle, '--no-browser', '--proxy', proxy], { MSN_PASSWORD: DEMO_SIGN_IN.password, ...env });

/** Signs in, chats with Messenger Buddy (a switchboard), quits; resolves with the events. */
async function chatAndQuit(cli: Awaited<ReturnType<typeof start>>): Promise<CliEvent[]> {
  expect(await cli.waitFor((event) => event.event === 'signed-in' || event.event === 'signed-out')).toMatchObject({ event: 'signed-in' });
  cli.send('say buddy@demo.msn through the proxy');
  expect(await cli.waitFor((event) => event.event === 'message')).toMatchObject({ from: 'buddy@demo.msn' });
  cli.send('quit');
  expect(await cli.exited).toBe(0);
  return cli.events;
}

describe('the CLI through a proxy', () => {
  it('signs in and chats through a SOCKS5 proxy with a user and a password, the server named by the proxy (remote DNS)', async () => {
    server = await startServer();
    const proxy = await withProxy(startSocksProxy({ credentials: { username: 'me', password: 'proxy-pw' }, names: { 'msn.test': '127.0.0.1' } }));
    // The password comes from MSN_PROXY_PASSWORD, not the URL; msn.test resolves only at the proxy.
    await chatAndQuit(await signIn(`msn.test:${server.dispatchPort}`, `socks5://me@127.0.0.1:${proxy.port}`, { MSN_PROXY_PASSWORD: 'proxy-pw' }));
    expect(proxy.requests).toEqual([
      { host: 'msn.test', port: server.dispatchPort, username: 'me' },
      { host: '127.0.0.1', port: server.notificationPort, username: 'me' },
      { host: '127.0.0.1', port: server.switchboardPort, username: 'me' },
    ]);
  });

  it('signs in through a SOCKS5 proxy that asks for no credentials', async () => {
    server = await startServer();
    const proxy = await withProxy(startSocksProxy());
    await chatAndQuit(await signIn(`127.0.0.1:${server.dispatchPort}`, `socks5://127.0.0.1:${proxy.port}`));
    expect(proxy.requests.map(({ port }) => port)).toEqual([server.dispatchPort, server.notificationPort, server.switchboardPort]);
  });

  it('signs in and chats through an HTTP CONNECT proxy with basic authentication', async () => {
    server = await startServer();
    const proxy = await withProxy(startHttpProxy({ credentials: { username: 'me', password: 'p@ss:word' } }));
    await chatAndQuit(await signIn(`127.0.0.1:${server.dispatchPort}`, `http://me:p%40ss%3Aword@127.0.0.1:${proxy.port}`));
    expect(proxy.requests).toEqual([server.dispatchPort, server.notificationPort, server.switchboardPort].map((port) => ({ host: '127.0.0.1', port, username: 'me' })));
  });

  describe('fails the sign-in naming the proxy', () => {
    async function failure(proxy: string, serverAddress?: string): Promise<CliEvent> {
      server ??= await startServer();
      const cli = await signIn(serverAddress ?? `127.0.0.1:${server.dispatchPort}`, proxy);
      const error = await cli.waitFor((event) => event.event === 'error');
      expect(await cli.exited).toBe(1);
      expect(server.onlineHandles()).not.toContain(DEMO_SIGN_IN.handle);
      return error;
    }

    it('when nothing listens where the proxy should be', async () => {
      const port = await closedPort();
      expect(await failure(`socks5://127.0.0.1:${port}`)).toEqual({
        event: 'error',
        code: 'network',
        reason: 'proxy-cannot-connect',
        message: `Could not connect to the proxy socks5://127.0.0.1:${port} (ECONNREFUSED).`,
        advice: `The MSN server was never reached: check that the proxy socks5://127.0.0.1:${port} is running at that address and port, or leave out --proxy.`,
      });
    });

    it('when the proxy refuses to connect to the server', async () => {
      const proxy = await withProxy(startSocksProxy({ refuse: true }));
      server = await startServer();
      expect(await failure(`socks5://127.0.0.1:${proxy.port}`)).toMatchObject({
        reason: 'proxy-refused',
        message: `The proxy socks5://127.0.0.1:${proxy.port} refused to connect to 127.0.0.1:${server.dispatchPort} (NotAllowed).`,
      });
    });

    it('when the SOCKS5 proxy wants credentials, or refuses the ones given', async () => {
      const proxy = await withProxy(startSocksProxy({ credentials: { username: 'me', password: 'right' } }));
      expect(await failure(`socks5://127.0.0.1:${proxy.port}`)).toMatchObject({
        reason: 'proxy-needs-credentials',
        advice: expect.stringMatching(/^Give the proxy socks5:\/\/127\.0\.0\.1:\d+ a user name and password it accepts/),
      });
      expect(await failure(`socks5://me:wrong@127.0.0.1:${proxy.port}`)).toMatchObject({
        reason: 'proxy-credentials-refused',
        message: `The proxy socks5://me@127.0.0.1:${proxy.port} refused the user name and password.`,
      });
    });

    it('when the HTTP proxy wants credentials, or refuses the ones given', async () => {
      const proxy = await withProxy(startHttpProxy({ credentials: { username: 'me', password: 'right' } }));
      expect(await failure(`http://127.0.0.1:${proxy.port}`)).toMatchObject({ reason: 'proxy-needs-credentials' });
      expect(await failure(`http://me:wrong@127.0.0.1:${proxy.port}`)).toMatchObject({ reason: 'proxy-credentials-refused' });
    });

    it('when the proxy is not a proxy of that kind', async () => {
      server = await startServer();
      // The MSN server itself, taken for an HTTP proxy: it closes on a line it cannot read.
      expect(await failure(`http://127.0.0.1:${server.dispatchPort}`)).toMatchObject({ reason: 'proxy-unexpected' });
    });
  });
});
