// The TCP connect timeout. On loopback a connect either completes or is refused at once, so the
// socket that never connects is injected: `node:net`'s connect returns an unconnected Socket for one
// port (nothing is sent anywhere), and fake timers run the clock.

import { mkdtemp, rm } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { MessengerError } from '../../../main/client/errors';
import { Messenger } from '../../../main/client/messenger';
import { HANDLE, PASSWORD } from './scripts';

const NEVER_CONNECTS = { host: '127.0.0.1', port: 1 };
const hanging: Socket[] = [];

vi.mock('node:net', async (importOriginal) => {
  const net = await importOriginal<typeof import('node:net')>();
  return {
    ...net,
    connect: (options: { host: string; port: number }) => {
      if (options.host !== NEVER_CONNECTS.host || options.port !== NEVER_CONNECTS.port) return net.connect(options);
      const socket = new net.Socket();
      hanging.push(socket);
      return socket;
    },
  };
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'msn-connect-timeout-'));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(async () => {
  vi.useRealTimers();
  hanging.splice(0).forEach((socket) => socket.destroy());
  await rm(dataDir, { recursive: true, force: true });
});

it('gives up on a TCP connect that never completes after the connect timeout, and closes the socket', async () => {
  const messenger = new Messenger({ dataDir, openExternal: async () => undefined, connectTimeoutMs: 15_000 });
  const outcome = messenger.signIn({ server: `${NEVER_CONNECTS.host}:${NEVER_CONNECTS.port}`, handle: HANDLE, password: PASSWORD }).catch((error: MessengerError) => error);
  await vi.advanceTimersByTimeAsync(14_999);
  expect(messenger.state.session.state).toBe('connecting');
  expect(hanging).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect((await outcome)?.appError).toEqual({ kind: 'network', field: 'server', reason: 'unreachable', detail: { host: '127.0.0.1', port: 1, seconds: 15 } });
  expect(hanging[0]?.destroyed).toBe(true);
  expect(messenger.state.session.state).toBe('offline');
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(hanging).toHaveLength(1);
});
