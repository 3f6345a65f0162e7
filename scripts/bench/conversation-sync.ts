// (f) What a window receives while one long conversation goes on: a transcript of 5,000 messages,
// then typing notices, new messages and delivery ACKs, each flushed by the state sync on its own
// turn of the event loop (they arrive seconds apart). "Before" is the same patch in the old format,
// every changed conversation whole in `set`, as main sent it before ConversationUpdate.

import { performance } from 'node:perf_hooks';
import { StateSync } from '../../main/app/state-sync';
import { messageEntry, newConversation, withEntry, withMessage, withTyping } from '../../main/sb/conversation-state';
import type { StatePatch } from '../../shared/ipc';
import { type Conversation, INITIAL_STATE, type MessengerState } from '../../shared/model';
import { formatNumber, kilobytes, megabytes, milliseconds, printTable } from './measure';

const HISTORY = 5000;
const CHANGES = 100;
const ME = 'me@bench.example';
const BOB = 'bob@bench.example';

type Change = (conversation: Conversation, index: number) => Conversation;

function received(id: string, index: number) {
  const text = `Message ${index}: see you at eight?`;
  return messageEntry({ id, from: BOB, fromName: 'Bob ☕', sentAt: 1_700_000_000_000 + index, text, delivery: 'received' });
}

function longConversation(): Conversation {
  const conversation = newConversation('c1', [{ handle: BOB, friendlyName: 'Bob ☕', present: true }]);
  return { ...conversation, connected: true, entries: Array.from({ length: HISTORY }, (_, index) => received(`h${index}`, index)) };
}

const typingNotice: Change = (conversation, index) => withTyping(conversation, BOB, index % 2 === 0);

const newMessage: Change = (conversation, index) => ({
  ...withEntry(conversation, received(`n${index}`, HISTORY + index)),
  lastReceivedAt: 1_700_000_100_000 + index,
});

/** Two changes per message: mine appears as sending, then its ACK marks it delivered. */
const sentThenAcked: Change[] = [
  (conversation, index) => {
    const mine = messageEntry({ id: `s${index}`, from: ME, fromName: 'Me', sentAt: index, text: 'On my way.', delivery: 'sending' });
    return withEntry(conversation, mine);
  },
  (conversation, index) => withMessage(conversation, `s${index}`, (entry) => ({ ...entry, delivery: 'delivered' })),
];

/** The same patch as main sent it before conversation updates: each changed conversation whole. */
function wholeConversations(patch: StatePatch, state: MessengerState): StatePatch {
  if (!patch.conversations?.update) return patch;
  const { set, update, remove } = patch.conversations;
  const changed = Object.fromEntries(Object.keys(update).map((id) => [id, state.conversations[id] as Conversation]));
  return { ...patch, conversations: { set: { ...set, ...changed }, remove } };
}

interface Sizes {
  readonly patches: number;
  readonly bytes: number;
  readonly serialiseMs: number;
}

function measure(patches: readonly StatePatch[]): Sizes {
  const started = performance.now();
  const sizes = patches.map((patch) => Buffer.byteLength(JSON.stringify(patch)));
  return {
    patches: patches.length,
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    serialiseMs: performance.now() - started,
  };
}

/** Runs the changes through a StateSync with its real scheduler; returns each patch in both formats. */
async function syncChanges(changes: readonly Change[]): Promise<{ before: Sizes; after: Sizes }> {
  let state: MessengerState = { ...INITIAL_STATE, conversations: { c1: longConversation() } };
  // Each change on its own turn stands for changes seconds apart, each its own patch.
  const sync = new StateSync({ initial: state, schedule: (flush) => setImmediate(flush) });
  const after: StatePatch[] = [];
  const before: StatePatch[] = [];
  sync.on('patch', (patch) => {
    after.push(patch);
    before.push(wholeConversations(patch, sync.state));
  });
  for (let index = 0; index < CHANGES; index++) {
    for (const change of changes) {
      const conversation = change(state.conversations['c1'] as Conversation, index);
      state = { ...state, conversations: { c1: conversation } };
      sync.update(state);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { before: measure(before), after: measure(after) };
}

function row(label: string, { before, after }: { before: Sizes; after: Sizes }): string[] {
  return [
    label,
    formatNumber(after.patches),
    megabytes(before.bytes),
    kilobytes(before.bytes / before.patches),
    milliseconds(before.serialiseMs),
    kilobytes(after.bytes),
    `${formatNumber(after.bytes / after.patches)} B`,
    milliseconds(after.serialiseMs),
    `${formatNumber(before.bytes / after.bytes)}x`,
  ];
}

function sum(a: Sizes, b: Sizes): Sizes {
  return {
    patches: a.patches + b.patches,
    bytes: a.bytes + b.bytes,
    serialiseMs: a.serialiseMs + b.serialiseMs,
  };
}

export async function benchConversationSync(): Promise<void> {
  const typing = await syncChanges([typingNotice]);
  const messages = await syncChanges([newMessage]);
  const acks = await syncChanges(sentThenAcked);
  const transcriptBytes = Buffer.byteLength(JSON.stringify(longConversation()));
  printTable(
    `(f) Conversation patches: a transcript of ${formatNumber(HISTORY)} messages (${kilobytes(transcriptBytes)} as JSON), ` +
      `then ${CHANGES} of each change, one patch per change`,
    ['change', 'patches', 'before: bytes', 'per patch', 'stringify', 'after: bytes', 'per patch', 'stringify', 'smaller'],
    [
      row('typing notices (on, off, ...)', typing),
      row('new messages received', messages),
      row('typing + new messages', { before: sum(typing.before, messages.before), after: sum(typing.after, messages.after) }),
      row('my messages: sent, then ACKed', acks),
    ],
  );
}
