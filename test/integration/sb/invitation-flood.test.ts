// Invitations without end (issue 14, defect 3): a server that sends RNG after RNG, or a contact who
// CALs me again and again, must not open a socket and a conversation for each.

import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, type Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Messenger } from '../../../main/client/messenger';
import { createConversationService } from '../../../main/sb/index';
import { DEFAULT_INVITATION_LIMITS } from '../../../main/sb/invitation-policy';
import { RawClient } from '../../support/raw-client';
import { nextEvent, useScriptedHarness } from '../ns/harness';
import { SIGN_OUT, authentication, emptySyncAndOnline } from '../ns/scripts';
import { goOnline, useServerTest } from '../server/fixtures';
import { friends } from './support';

/** A switchboard address that accepts connections and never says a word. */
class SilentSwitchboard {
  readonly sockets: Socket[] = [];
  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      socket.on('error', () => undefined);
      this.sockets.push(socket);
    });
  }

  static start(): Promise<SilentSwitchboard> {
    const server = createServer();
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(new SilentSwitchboard(server))));
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Resolves once `count` connections have arrived. */
  async connections(count: number): Promise<void> {
    while (this.sockets.length < count) await new Promise((resolve) => this.server.once('connection', resolve));
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('a flood of invitations from the server', () => {
  const harness = useScriptedHarness('msn-rng-flood-');
  let sink: SilentSwitchboard | undefined;
  afterEach(() => sink?.close());

  it('answers no more at once than the cap, refuses the rest, and the session goes on', async () => {
    sink = await SilentSwitchboard.start();
    const rings = Array.from({ length: 1000 }, (_, index) => `S: RNG ${index} 127.0.0.1:${sink?.port} CKI cookie.${index} person${index}@example.com Person%20${index}`);
    const server = await harness.serve([[...authentication('MSNP3', 1), ...emptySyncAndOnline(5), ...rings, 'C: CHG 7 AWY', 'S: CHG 7 AWY', ...SIGN_OUT]]);
    const log: string[] = [];
    const messenger = harness.messenger({ log: (line) => log.push(line) });
    await messenger.signIn({ server: server.address, handle: 'example@hotmail.com', password: 'hunter2' });
    // The CHG answer comes after every RNG: by then each was answered or refused.
    await messenger.setStatus('AWY');
    const refused = log.filter((line) => /^SB: not answering an invitation from person\d+@example\.com: too many invitations are being answered already$/.test(line));
    expect(refused).toHaveLength(1000 - DEFAULT_INVITATION_LIMITS.maxAnswering);
    await sink.connections(DEFAULT_INVITATION_LIMITS.maxAnswering);
    expect(sink.sockets).toHaveLength(DEFAULT_INVITATION_LIMITS.maxAnswering);
    expect(messenger.state.session).toMatchObject({ state: 'online', status: 'AWY' });
    expect(server.failures).toEqual([]);
  });
});

describe('a contact who calls me again and again', () => {
  const { clients, startServer } = useServerTest();
  const [meAccount, callerAccount] = friends({ handle: 'me@example.com', friendlyName: 'Me' }, { handle: 'caller@example.com', friendlyName: 'Caller' });
  let messenger: Messenger | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await messenger?.signOut();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('gets a few conversations in a burst, one more after a while, and nothing else', async () => {
    const server = await startServer({ accounts: [meAccount, callerAccount] });
    const clock = { now: 1_000_000 };
    const log: string[] = [];
    messenger = new Messenger({
      dataDir: (dataDir = await mkdtemp(join(tmpdir(), 'msn-cal-flood-'))),
      openExternal: () => undefined,
      log: (line) => log.push(line),
      conversations: (host) => createConversationService(host, { now: () => clock.now }),
    });
    await messenger.signIn({ server: `${server.host}:${server.dispatchPort}`, handle: meAccount.handle, password: meAccount.password });
    const caller = await goOnline(server, callerAccount, clients);
    /** Opens a switchboard and calls me in; resolves once the server says RINGING. */
    const call = async (): Promise<void> => {
      const trid = caller.trid();
      caller.client.send(`XFR ${trid} SB`);
      const [, , address, , cookie] = (await caller.client.waitFor((command) => command.name === 'XFR' && command.params[0] === String(trid))).params as string[];
      const sb = await RawClient.connect(Number(address?.split(':')[1]));
      clients.push(sb);
      sb.send(`USR 1 ${callerAccount.handle} ${cookie}`);
      await sb.expectMatch(/^USR 1 OK /);
      sb.send(`CAL 2 ${meAccount.handle}`);
      await sb.expectMatch(/^CAL 2 RINGING /);
    };
    const conversations = (): number => Object.keys(messenger?.state.conversations ?? {}).length;
    const settled = async (count: number): Promise<void> => {
      // The answer to my CHG follows every RNG already sent; the answers themselves then finish.
      await messenger?.setStatus('NLN');
      while (conversations() < count) await nextEvent(messenger as Messenger, 'state');
    };

    for (let index = 0; index < 20; index++) await call();
    await settled(DEFAULT_INVITATION_LIMITS.perInviterBurst);
    expect(conversations()).toBe(DEFAULT_INVITATION_LIMITS.perInviterBurst);
    expect(log.filter((line) => line.includes('they sent too many invitations too quickly'))).toHaveLength(20 - DEFAULT_INVITATION_LIMITS.perInviterBurst);

    clock.now += DEFAULT_INVITATION_LIMITS.perInviterRefillMs;
    await call();
    await call();
    await settled(DEFAULT_INVITATION_LIMITS.perInviterBurst + 1);
    expect(conversations()).toBe(DEFAULT_INVITATION_LIMITS.perInviterBurst + 1);
  });
});
