// A lane's switchboard side: one conversation with a friend through the conversation service, on
// the lane's fuzz switchboard. A case either writes its lines into the live switchboard and then
// sends a message, or opens the conversation afresh with its lines between the switchboard's
// replies (USR, CAL, JOI, ACK) and maybe a drop there. The message must end delivered, or failed
// with an error event that says so; never stuck in "sending".

import { Conversations } from '../../main/sb/conversations';
import { findMessage } from '../../main/sb/conversation-state';
import type { ConversationHost } from '../../main/sb/types';
import type { AppError } from '../../shared/errors';
import type { FuzzCase } from './generate';
import type { ClientLog, LaneTimeouts } from './ns-lane';
import { FuzzProblem, withDeadline, wordsFor } from './outcome';
import { FRIEND, ME, type FuzzServer } from './server';

/** A transcript grows with every message; the lane closes the conversation now and then, as a user would. */
const CASES_PER_CONVERSATION = 500;

export class SwitchboardLane {
  private readonly conversations: Conversations;
  private conversationId: string | undefined;
  private cases = 0;
  private cookies = 0;
  /** The cases the current conversation has been through, this one last: what a replay must run. */
  readonly history: number[] = [];
  /** The errors the service reported, by message id. */
  private readonly errors = new Map<string, AppError>();

  constructor(
    private readonly server: FuzzServer,
    private readonly timeouts: LaneTimeouts,
    log: ClientLog = undefined,
  ) {
    const host: ConversationHost = {
      self: () => ({ handle: ME.handle, friendlyName: 'Example User' }),
      dialect: () => 'MSNP3',
      requestSwitchboard: async () => ({ host: '127.0.0.1', port: server.switchboardPort, cookie: `cookie.${++this.cookies}` }),
      friendlyNameOf: () => undefined,
      isBlocked: () => false,
      acceptsInvitations: () => true,
      log,
    };
    const limit = timeouts.requestMs;
    this.conversations = new Conversations(host, { requestTimeoutMs: limit, connectTimeoutMs: limit, ackTimeoutMs: limit, joinTimeoutMs: limit });
    this.conversations.on('error', ({ messageId, error }) => {
      if (messageId !== undefined) this.errors.set(messageId, error);
    });
  }

  async run(fuzzCase: FuzzCase): Promise<string> {
    const { lines, drop, chunking, step } = fuzzCase;
    if (fuzzCase.target === 'sb-setup' || ++this.cases % CASES_PER_CONVERSATION === 0) this.closeConversation();
    this.history.push(fuzzCase.index);
    if (fuzzCase.target === 'sb-setup') {
      this.server.arm('sb', { lines, drop, chunking, step });
      return this.probe(this.open());
    }
    const id = this.conversationId ?? this.open();
    if (!this.conversations.conversations[id]?.connected && (await this.probe(id)) !== 'delivered') {
      if ((await this.probe(id)) !== 'delivered') throw new FuzzProblem(`a cooperative switchboard did not take a message: ${this.describe(id)}`);
    }
    await this.server.peer('sb')?.inject({ lines, drop, chunking });
    return this.probe(id);
  }

  close(): void {
    this.closeConversation();
    this.conversations.closeAll({ quiet: true });
  }

  private open(): string {
    this.conversationId = this.conversations.open(FRIEND.handle);
    return this.conversationId;
  }

  private closeConversation(): void {
    if (this.conversationId !== undefined) this.conversations.close(this.conversationId);
    this.conversationId = undefined;
    this.errors.clear();
    this.history.length = 0;
  }

  /** Sends a message and waits until it is delivered, or failed with an error event saying so. */
  private async probe(id: string): Promise<string> {
    const messageId = this.conversations.send(id, `probe ${this.cases}`);
    const delivery = await withDeadline(this.settled(id, messageId), this.timeouts.caseMs, 'a message');
    if (delivery === 'delivered') return 'delivered';
    const error = this.errors.get(messageId);
    if (!error) throw new FuzzProblem('a message failed without an error event saying so');
    wordsFor(error, 'a message');
    return 'not delivered, said so';
  }

  /** The conversation as the report shows it: who is in it, and its last lines. */
  private describe(id: string): string {
    const record = this.conversations.conversations[id];
    if (!record) return 'the conversation is gone';
    const lines = record.entries.slice(-4).map((entry) => (entry.type === 'system' ? entry.event : `${entry.from}: ${entry.delivery}`));
    return JSON.stringify({ participants: record.participants, connected: record.connected, last: lines });
  }

  private settled(id: string, messageId: string): Promise<string> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        const record = this.conversations.conversations[id];
        const delivery = record ? findMessage(record, messageId)?.delivery : 'gone';
        if (delivery === 'sending') return false;
        off();
        resolve(delivery ?? 'gone');
        return true;
      };
      const off = this.conversations.on('change', () => void check());
      check();
    });
  }
}
