// Conversations between real clients: the project's server on loopback, one Messenger per account,
// and a switchboard relay that a test can hold or cut to reproduce what the network does.

import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Messenger, type MessengerEvents, type MessengerOptions } from '../../../main/client/messenger';
import { createConversationService } from '../../../main/sb/index';
import type { Conversation } from '../../../shared/model';
import { entriesBetween } from '../../../shared/transcript';
import { type AccountSeed, type MsnServer, type ServerOptions, startServer } from '../../../server/index';
import { lineText } from '../../support/words';

/** Accounts that all have each other on their forward and allow lists, one per person, in order. */
export function friends<People extends Array<{ handle: string; friendlyName: string }>>(
  ...people: People
): { [Index in keyof People]: AccountSeed } {
  const handles = people.map((person) => person.handle);
  return people.map((person) => {
    const others = handles.filter((handle) => handle !== person.handle);
    return { ...person, password: 'secret', lists: { FL: others, AL: others } };
  }) as { [Index in keyof People]: AccountSeed };
}

/**
 * A TCP relay in front of the switchboard for one client: `hold` keeps what the switchboard sends
 * from reaching the client, `release` lets it through in order, `cut` drops every connection.
 */
export class SwitchboardRelay {
  private readonly pairs: Array<{ client: Socket; upstream: Socket; held: Buffer[] }> = [];
  private holding = false;
  private heldChanged: (() => void) | undefined;

  private constructor(
    private readonly server: Server,
    target: { host: string; port: number },
  ) {
    server.on('connection', (client) => {
      const upstream = connect(target);
      const pair = { client, upstream, held: [] as Buffer[] };
      this.pairs.push(pair);
      client.on('data', (chunk) => upstream.write(chunk));
      upstream.on('data', (chunk: Buffer) => {
        if (!this.holding) return client.write(chunk);
        pair.held.push(chunk);
        this.heldChanged?.();
      });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => !this.holding && client.end());
      client.on('error', () => undefined);
      upstream.on('error', () => undefined);
    });
  }

  static start(target: { host: string; port: number }): Promise<SwitchboardRelay> {
    const server = createServer();
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(new SwitchboardRelay(server, target))));
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  hold(): void {
    this.holding = true;
  }

  /** Resolves once the held bytes contain `text` (the switchboard has acted, the client not yet heard). */
  async untilHeld(text: string): Promise<void> {
    while (!this.pairs.some(({ held }) => Buffer.concat(held).includes(text))) {
      await new Promise<void>((resolve) => (this.heldChanged = resolve));
    }
  }

  release(): void {
    this.holding = false;
    for (const { client, upstream, held } of this.pairs) {
      for (const chunk of held.splice(0)) client.write(chunk);
      if (upstream.destroyed) client.end();
    }
  }

  /** Drops every relayed connection at once, as a broken network would. */
  cut(): void {
    for (const { client, upstream } of this.pairs.splice(0)) {
      client.destroy();
      upstream.destroy();
    }
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface Chat {
  readonly server: MsnServer;
  /**
   * Signs an account in; with `relay`, its own switchboard connections go through that relay; with
   * `reconnect`, its reconnects are paced so (a test's short delays).
   */
  signIn(account: AccountSeed, options?: { relay?: SwitchboardRelay; reconnect?: MessengerOptions['reconnect'] }): Promise<Messenger>;
  relay(): Promise<SwitchboardRelay>;
  cleanup(): Promise<void>;
}

export async function startChat(accounts: AccountSeed[], options: Omit<ServerOptions, 'accounts'> = {}): Promise<Chat> {
  const server = await startServer({ ...options, accounts });
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-sb-test-'));
  const messengers: Messenger[] = [];
  const relays: SwitchboardRelay[] = [];
  return {
    server,
    async signIn(account, { relay, reconnect } = {}) {
      const messenger = new Messenger({
        dataDir: join(dataDir, account.handle),
        openExternal: () => undefined,
        ...(reconnect && { reconnect }),
        conversations: (host) =>
          createConversationService(
            relay
              ? { ...host, requestSwitchboard: async () => ({ ...(await host.requestSwitchboard()), port: relay.port }) }
              : host,
          ),
      });
      messengers.push(messenger);
      await messenger.signIn({ server: `${server.host}:${server.dispatchPort}`, handle: account.handle, password: account.password });
      return messenger;
    },
    async relay() {
      const relay = await SwitchboardRelay.start({ host: server.host, port: server.switchboardPort });
      relays.push(relay);
      return relay;
    },
    async cleanup() {
      await Promise.all(messengers.map((messenger) => messenger.signOut()));
      await Promise.all(relays.map((relay) => relay.close()));
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the messenger's only conversation (or the one with `id`) once it satisfies `test`. */
export function untilConversation(messenger: Messenger, test: (conversation: Conversation) => boolean, id?: string): Promise<Conversation> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const conversations = Object.values(messenger.state.conversations);
      const conversation = id === undefined ? (conversations.length === 1 ? conversations[0] : undefined) : messenger.state.conversations[id];
      if (!conversation || !test(conversation)) return false;
      resolve(conversation);
      return true;
    };
    if (check()) return;
    const off = messenger.on('state', () => check() && off());
  });
}

/** Every payload of `event` the messenger emits from now on, in order. */
export function collect<K extends keyof MessengerEvents>(messenger: Messenger, event: K): Array<MessengerEvents[K]> {
  const seen: Array<MessengerEvents[K]> = [];
  messenger.on(event, (payload) => seen.push(payload));
  return seen;
}

export function texts(conversation: Conversation): string[] {
  return entriesBetween(conversation, 0).flatMap((entry) => (entry.type === 'message' ? [entry.text] : []));
}

export function lines(conversation: Conversation): string[] {
  return entriesBetween(conversation, 0).flatMap((entry) => (entry.type === 'system' ? [lineText(entry.event)] : []));
}
