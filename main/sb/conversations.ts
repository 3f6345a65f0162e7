// The conversations: one record per conversation window, each backed by at most one switchboard at
// a time (conversation-runtime.ts runs that side). A switchboard comes and goes (idle timeout,
// everyone left, a new RNG) while the conversation, its id and its transcript stay. This service
// owns the records, routes the user's requests, and answers invitations (RNG) into the right
// conversation.

import { randomUUID } from 'node:crypto';
import type { Conversation, Draft, MessageFormat, Participant } from '../../shared/model';
import { lastContactKey } from '../../shared/contacts';
import { TypedEmitter } from '../../shared/emitter';
import { ConversationRuntime, type RuntimeContext, type RuntimeOptions, participantFor } from './conversation-runtime';
import { type MessageEntry, findMessage, newConversation, withEntry, withMessage } from './conversation-state';
import { DEFAULT_MESSAGE_FORMAT, normalizeFormat } from './format';
import { type InvitationLimits, InvitationPolicy, type Refusal } from './invitation-policy';
import { leftBlocked } from './transcript-events';
import { SessionError } from '../ns/errors';
import { Switchboard, type SwitchboardOptions } from './switchboard';
import type { ConversationEvents, ConversationHost, ConversationService, SendOptions, SwitchboardRing } from './types';

export interface ConversationOptions extends SwitchboardOptions {
  /** How long to wait for JOI after `CAL … RINGING` (§6.3 suggests 60–90 s). */
  joinTimeoutMs?: number;
  /** "X is typing" disappears after this long without a new notification (§7.3). */
  typingExpiryMs?: number;
  /** Typing notifications go out at most this often (§7.3). */
  typingIntervalMs?: number;
  /** Which invitations are answered (invitation-policy.ts). */
  invitations?: InvitationLimits;
  now?: () => number;
  newId?: () => string;
}

export const DEFAULT_JOIN_TIMEOUT_MS = 60_000;
export const DEFAULT_ACK_TIMEOUT_MS = 30_000;
export const DEFAULT_TYPING_EXPIRY_MS = 6_000;
export const DEFAULT_TYPING_INTERVAL_MS = 5_000;

const REFUSED_BECAUSE: Readonly<Record<Refusal, string>> = {
  answering: 'too many invitations are being answered already',
  conversations: 'too many conversations are open',
  inviter: 'they sent too many invitations too quickly',
};

export class Conversations extends TypedEmitter<ConversationEvents> implements ConversationService {
  private state: Readonly<Record<string, Conversation>> = {};
  private readonly runtimes = new Map<string, ConversationRuntime>();
  /** Bumped by closeAll, so an answer that completes after sign-out is abandoned. */
  private epoch = 0;
  /** Whether the last closeAll was quiet: messages it cut off in flight fail the same way. */
  private closedQuietly = false;
  private readonly options: RuntimeOptions;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly invitations: InvitationPolicy;
  /** My handle as a key (lower case), made again only when the handle changes. */
  private readonly selfKey = lastContactKey();

  constructor(
    private readonly host: ConversationHost,
    options: ConversationOptions = {},
  ) {
    super();
    this.options = {
      ...options,
      ackTimeoutMs: options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS,
      joinTimeoutMs: options.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS,
      typingExpiryMs: options.typingExpiryMs ?? DEFAULT_TYPING_EXPIRY_MS,
      typingIntervalMs: options.typingIntervalMs ?? DEFAULT_TYPING_INTERVAL_MS,
      log: options.log ?? host.log?.bind(host),
      network: options.network ?? host.network?.bind(host),
      logMessageText: options.logMessageText ?? host.logMessageText?.bind(host),
    };
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? sequentialIds();
    this.invitations = new InvitationPolicy(options.invitations, this.now);
  }

  get conversations(): Readonly<Record<string, Conversation>> {
    return this.state;
  }

  open(handle: string): string {
    const target = normalizeHandle(handle);
    const existing = Object.values(this.state).find(
      (conversation) => conversation.participants.length === 1 && conversation.participants[0]?.handle === target,
    );
    if (existing) return existing.id;
    const id = this.create([participantFor(this.host, target)]);
    void this.runtime(id).connect();
    return id;
  }

  send(conversationId: string, text: string, format?: MessageFormat, options: SendOptions = {}): string {
    const runtime = this.runtime(conversationId);
    if (text.trim().length === 0) throw new SessionError('input', 'empty-message');
    const self = this.host.self();
    // Made field by field: an optional field spread in (`...(x && { x })`) is copied by V8 a
    // property at a time, and this runs for every message.
    const message: Draft<MessageEntry> = {
      type: 'message',
      id: this.newId(),
      from: this.selfKey(self.handle),
      fromName: self.friendlyName,
      sentAt: this.now(),
      text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text,
      delivery: 'sending',
    };
    // The format travels only on MSNP3 (§7.2); the transcript shows what the others see.
    if (this.host.dialect() === 'MSNP3') message.format = normalizeFormat(format ?? DEFAULT_MESSAGE_FORMAT);
    if (options.automatic) message.automatic = true;
    this.update(conversationId, (conversation) => withEntry(conversation, message));
    runtime.enqueue(message.id);
    return message.id;
  }

  resend(conversationId: string, messageId: string): void {
    const runtime = this.runtime(conversationId);
    const message = findMessage(this.require(conversationId), messageId);
    if (message?.delivery !== 'failed') return;
    this.update(conversationId, (conversation) =>
      withMessage(conversation, messageId, ({ failedFor: _failedFor, ...rest }) => ({ ...rest, delivery: 'sending' })),
    );
    runtime.enqueue(messageId);
  }

  typing(conversationId: string): void {
    this.runtime(conversationId).typing();
  }

  invite(conversationId: string, handle: string): void {
    this.runtime(conversationId).invite(normalizeHandle(handle));
  }

  close(conversationId: string): void {
    const runtime = this.runtimes.get(conversationId);
    if (!runtime) return;
    runtime.dispose();
    this.runtimes.delete(conversationId);
    const { [conversationId]: _closed, ...rest } = this.state;
    this.state = rest;
    this.emit('change', this.state);
  }

  leaveWith(handle: string): void {
    const target = normalizeHandle(handle);
    for (const [id, runtime] of this.runtimes) {
      const { participants } = this.require(id);
      if (participants.length !== 1 || participants[0]?.handle !== target || !runtime.active) continue;
      runtime.stop({ quiet: true });
      runtime.addLine('info', leftBlocked(runtime.nameOf(target)));
    }
  }

  ring(ring: SwitchboardRing): void {
    const inviter = ring.inviter.toLowerCase();
    if (this.host.isBlocked(inviter)) {
      this.host.log?.(`SB: not answering an invitation from ${inviter}, who is blocked`);
      return;
    }
    if (!this.host.acceptsInvitations()) {
      this.host.log?.(`SB: not answering an invitation from ${inviter} while invitations are off`);
      return;
    }
    const refusal = this.invitations.admit(inviter, {
      openConversations: Object.keys(this.state).length,
      joinsExisting: this.adoptable([participantFor(this.host, inviter)]) !== undefined,
    });
    if (refusal) {
      this.host.log?.(`SB: not answering an invitation from ${inviter}: ${REFUSED_BECAUSE[refusal]}`);
      return;
    }
    if (this.invitations.isUnusual(ring, this.host.serverHost?.())) {
      this.host.log?.(`SB: answering ${inviter}'s invitation to an unusual address, ${ring.host}:${ring.port} (${this.invitations.unusual} so far)`);
    }
    void this.answer(ring, inviter).finally(() => this.invitations.answered());
  }

  closeAll({ quiet = false }: { readonly quiet?: boolean } = {}): void {
    this.epoch++;
    this.closedQuietly = quiet;
    for (const runtime of this.runtimes.values()) runtime.stop({ quiet });
  }

  resume(): void {
    for (const runtime of this.runtimes.values()) runtime.resume();
  }

  private async answer(ring: SwitchboardRing, inviter: string): Promise<void> {
    const epoch = this.epoch;
    let switchboard: Switchboard;
    try {
      switchboard = await Switchboard.answer(ring, this.host.self().handle, this.options);
    } catch (error) {
      this.host.log?.(`SB: could not answer ${inviter}'s invitation: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (epoch !== this.epoch) {
      switchboard.leave();
      return;
    }
    const roster =
      switchboard.participants.length > 0
        ? switchboard.participants.map((participant) => ({ ...participant, present: true }))
        : [{ handle: inviter, friendlyName: ring.inviterName, present: false }];
    const id = this.adoptable(roster) ?? this.create(roster);
    this.runtime(id).adopt(switchboard, roster);
  }

  /** A conversation with exactly these people whose switchboard is gone or empty takes over a new one. */
  private adoptable(roster: readonly Participant[]): string | undefined {
    const handles = new Set(roster.map((participant) => participant.handle));
    for (const conversation of Object.values(this.state)) {
      if (this.runtimes.get(conversation.id)?.inUse) continue;
      const same =
        conversation.participants.length === handles.size &&
        conversation.participants.every((participant) => handles.has(participant.handle));
      if (same) return conversation.id;
    }
    return undefined;
  }

  private create(participants: readonly Participant[]): string {
    const id = this.newId();
    const context: RuntimeContext = {
      host: this.host,
      options: this.options,
      now: this.now,
      newId: this.newId,
      record: () => this.state[id],
      update: (change) => this.update(id, change),
      emit: (event, payload) => this.emit(event, payload),
      epoch: () => this.epoch,
      closedQuietlySince: (epoch) => epoch !== this.epoch && this.closedQuietly,
    };
    this.runtimes.set(id, new ConversationRuntime(id, context));
    this.state = { ...this.state, [id]: newConversation(id, participants) };
    this.emit('change', this.state);
    return id;
  }

  private update(id: string, change: (conversation: Conversation) => Conversation): void {
    const current = this.state[id];
    if (!current) return;
    const next = change(current);
    if (next === current) return;
    // Copied, then the one key set: a computed key in the literal would be a runtime call each time.
    const state = { ...this.state };
    state[id] = next;
    this.state = state;
    this.emit('change', this.state);
  }

  private require(id: string): Conversation {
    const conversation = this.state[id];
    if (!conversation) throw new SessionError('input', 'no-such-conversation');
    return conversation;
  }

  private runtime(id: string): ConversationRuntime {
    const runtime = this.runtimes.get(id);
    if (!runtime) throw new SessionError('input', 'no-such-conversation');
    return runtime;
  }
}

/**
 * Ids for conversations, messages and lines: one random UUID for the service, then a counter, so
 * every id is unique across sign-ins and restarts (the history keeps them) while a message costs
 * an increment rather than sixteen random bytes formatted.
 */
function sequentialIds(): () => string {
  const prefix = randomUUID();
  let next = 0;
  return () => `${prefix}.${(next++).toString(36)}`;
}

function normalizeHandle(handle: string): string {
  const normalized = handle.trim().toLowerCase();
  if (normalized.length === 0) throw new SessionError('input', 'invalid-handle');
  return normalized;
}
