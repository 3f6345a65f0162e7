// The process behind `main-heap`: the core (MessengerApp with its Messenger and state sync) alone
// in a Node process, as it runs in the desktop app's main process without Electron. It signs in,
// lets the parent fill its conversations, and reports its heap after a full collection.
//
//   node --expose-gc --import tsx scripts/bench/heap-core.ts   (forked by heap.ts, which sends
//   { address, handle, password, contacts, online, conversations, messages })

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessengerApp } from '../../main/app/app-core';
import { MemorySecretStore } from '../../main/app/secret-store';
import { Messenger } from '../../main/client/messenger';
import { createConversationService } from '../../main/sb/index';
import { DEFAULT_INVITATION_LIMITS } from '../../main/sb/invitation-policy';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import { entriesBetween } from '../../shared/transcript';
import { untilState } from './app-state';
import { heapUsedBytes } from './measure';

export interface HeapCoreRequest {
  readonly address: string;
  readonly handle: string;
  readonly password: string;
  readonly contacts: number;
  readonly online: number;
  readonly conversations: number;
  readonly messages: number;
}

export type HeapCoreReport =
  | { readonly step: 'signed-in' }
  | { readonly step: 'done'; readonly baselineBytes: number; readonly heapBytes: number }
  | { readonly step: 'failed'; readonly message: string };

const report = (message: HeapCoreReport): void => void process.send?.(message);

async function run(request: HeapCoreRequest): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'msn-bench-heap-'));
  const baselineBytes = heapUsedBytes();
  const app = new MessengerApp({
    dataDir,
    secrets: new MemorySecretStore(),
    shell: {
      showConversation: () => undefined,
      showContactList: () => undefined,
      showConsole: () => undefined,
      showHistory: () => undefined,
      openExternal: () => undefined,
      openLink: () => undefined,
    },
    // The product answers invitations into at most 32 open conversations at once; the core holds
    // the bench's 50 (one invitation each), so the figure is that of more than a person can open.
    createMessenger: (options) =>
      new Messenger({
        ...options,
        conversations: (host) =>
          createConversationService(host, { invitations: { ...DEFAULT_INVITATION_LIMITS, maxConversations: request.conversations + 1 } }),
      }),
    demo: { address: async () => request.address },
  });
  const signedIn = await app.dispatch('signIn', [
    FIRST_ACCOUNT,
    { server: request.address, handle: request.handle, password: request.password, status: 'NLN', rememberPassword: false, autoSignIn: false },
  ]);
  if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
  await untilState(app, ({ contacts }) => {
    const all = contacts;
    return all.length === request.contacts && all.filter((contact) => contact.status !== 'FLN').length === request.online;
  });
  report({ step: 'signed-in' });
  await untilState(app, ({ conversations }) => {
    const full = Object.values(conversations).filter((conversation) => entriesBetween(conversation, 0).filter((entry) => entry.type === 'message').length >= request.messages);
    return full.length >= request.conversations;
  });
  const heapBytes = heapUsedBytes();
  report({ step: 'done', baselineBytes, heapBytes });
  await app.dispatch('signOut', [FIRST_ACCOUNT]);
  await rm(dataDir, { recursive: true, force: true });
}

process.once('message', (request: HeapCoreRequest) => {
  run(request).then(
    () => process.disconnect?.(),
    (error: unknown) => {
      report({ step: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.disconnect?.();
    },
  );
});
