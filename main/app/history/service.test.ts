// The service following a messenger's states, with the real history worker.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation, MessengerState, TranscriptEntry } from '../../../shared/model';
import { FakeMessenger } from '../../../test/fixtures/fake-messenger';
import { HistoryRecorder } from './recorder';
import { HistoryService } from './service';
import { SOURCE_HISTORY_WORKER } from './source-worker';

let dataDir: string;
const services: HistoryService[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'msn-history-service-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(services.splice(0).map((service) => service.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

const mine = (id: string, text: string, delivery: 'sending' | 'delivered'): TranscriptEntry => ({
  type: 'message',
  id,
  from: 'me@example.com',
  fromName: 'Me',
  sentAt: 1_000,
  text,
  delivery,
});

function withConversation(state: MessengerState, entries: TranscriptEntry[]): MessengerState {
  const conversation: Conversation = { id: 'c1', participants: [{ handle: 'bob@example.com', friendlyName: 'Bob' }], entries, typing: [], connected: true };
  return { ...state, conversations: { ...state.conversations, c1: conversation } };
}

// Each test starts a worker thread that loads SQLite; on a busy machine that alone takes seconds.
describe('HistoryService', { timeout: 30_000 }, () => {
  it('looks at what the conversations show only when the store hands records over, every state in order', async () => {
    const messenger = new FakeMessenger();
    const service = new HistoryService(messenger, { dataDir, worker: SOURCE_HISTORY_WORKER, keepsHistory: () => true });
    services.push(service);
    await messenger.signIn({ server: '127.0.0.1:1', handle: 'me@example.com', password: 'pw' });
    await service.store()?.ready;
    const looked = vi.spyOn(HistoryRecorder.prototype, 'next');

    messenger.setState((state) => withConversation(state, [mine('m1', 'on its way', 'sending')]));
    messenger.setState((state) => withConversation(state, [mine('m1', 'on its way', 'delivered')]));
    // Closed before the hand-over: what it showed is recorded all the same.
    messenger.setState((state) => ({ ...state, conversations: {} }));
    expect(looked).not.toHaveBeenCalled();

    await service.whenCommitted();
    expect(looked).toHaveBeenCalledTimes(3);
    const kept = await service.ask((store) => store.query('conversation', 'c1'), undefined);
    expect(kept?.messages.map((line) => [line.text, line.delivery])).toEqual([['on its way', 'delivered']]);
  });
});
