// The conversations: one record per conversation window, each backed by at most one switchboard at
// a time. A switchboard comes and goes (idle timeout, everyone left, a new RNG) while the
// conversation, its id and its transcript stay. Outgoing text waits in a queue until someone is
// there to receive it, then goes out with ack mode A so every message ends delivered or failed.
//
// Ack mode: §6.6 recommends N because the 1999 servers did not implement A, but with N a server that
// never NAKs (Escargot, and this project's server) makes failures silent. A gives a positive ACK
// from every server this client targets, and a missing ACK becomes a visible failure after a timeout
// instead of a message that silently vanished.

import { randomUUID } from 'node:crypto';
import type { ChatMessage, Conversation, MessageFormat, Participant } from '../../shared/model';
import { TypedEmitter } from '../../shared/emitter';
import { ProtocolError } from '../msnp/index';
import {
  findMessage,
  messageEntry,
  newConversation,
  systemEntry,
  withConnected,
  withEntry,
  withMessage,
  withParticipant,
  withAbsent,
  withTyping,
  withoutParticipant,
  withoutTyping,
} from './conversation-state';
import { DEFAULT_MESSAGE_FORMAT, normalizeFormat } from './format';
import { buildInvitationDecline, buildTextPayloads, buildTypingPayload, parsePayload } from './messages';
import { callFailure, invitationDeclined, joinedLine, leftBlocked, leftLine, noAnswer, startFailure, undelivered } from './sentences';
import { Switchboard, type SwitchboardOptions } from './switchboard';
import type { ConversationEvents, ConversationHost, ConversationService, SwitchboardRing } from './types';

export interface ConversationOptions extends SwitchboardOptions {
  /** How long to wait for JOI after `CAL … RINGING` (§6.3 suggests 60–90 s). */
  joinTimeoutMs?: number;
  /** "X is typing" disappears after this long without a new notification (§7.3). */
  typingExpiryMs?: number;
  /** Typing notifications go out at most this often (§7.3). */
  typingIntervalMs?: number;
  now?: () => number;
  newId?: () => string;
}

export const DEFAULT_JOIN_TIMEOUT_MS = 60_000;
export const DEFAULT_ACK_TIMEOUT_MS = 30_000;
export const DEFAULT_TYPING_EXPIRY_MS = 6_000;
export const DEFAULT_TYPING_INTERVAL_MS = 5_000;

type Timer = ReturnType<typeof setTimeout>;

/** What a conversation needs besides its record: the switchboard and everything waiting on it. */
interface Runtime {
  switchboard?: Switchboard;
  /** Bumped by every connect attempt and adoption, so an attempt that finishes late knows it lost. */
  generation: number;
  connecting: boolean;
  /** Outgoing message ids waiting for someone to join, in the order they were typed. */
  queue: string[];
  /** People CALled who have not joined yet, with their no-answer timers (set once RINGING arrives). */
  ringing: Map<string, Timer | undefined>;
  /** People to invite once a switchboard is up. */
  invitees: Set<string>;
  typingTimers: Map<string, Timer>;
  lastTypingSentAt?: number;
}

export class Conversations extends TypedEmitter<ConversationEvents> implements ConversationService {
  private state: Readonly<Record<string, Conversation>> = {};
  private readonly runtimes = new Map<string, Runtime>();
  /** Bumped by closeAll, so an answer that completes after sign-out is abandoned. */
  private epoch = 0;
  /** Whether the last closeAll was quiet: messages it cut off in flight fail the same way. */
  private closedQuietly = false;
  private readonly options: Required<Pick<ConversationOptions, 'joinTimeoutMs' | 'typingExpiryMs' | 'typingIntervalMs'>> &
    SwitchboardOptions;
  private readonly now: () => number;
  private readonly newId: () => string;

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
    };
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
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
    const id = this.create([this.participantFor(target)]);
    void this.connect(id, this.runtime(id));
    return id;
  }

  send(conversationId: string, text: string, format?: MessageFormat): string {
    const runtime = this.runtime(conversationId);
    if (text.trim().length === 0) throw new Error('An empty message cannot be sent.');
    const self = this.host.self();
    const message: ChatMessage = {
      id: this.newId(),
      from: self.handle.toLowerCase(),
      fromName: self.friendlyName,
      sentAt: this.now(),
      text: text.replace(/\r\n?/g, '\n'),
      delivery: 'sending',
      // The format travels only on MSNP3 (§7.2); the transcript shows what the others see.
      ...(this.host.dialect() === 'MSNP3' ? { format: normalizeFormat(format ?? DEFAULT_MESSAGE_FORMAT) } : {}),
    };
    this.update(conversationId, (conversation) => withEntry(conversation, messageEntry(message)));
    runtime.queue.push(message.id);
    this.pump(conversationId, runtime);
    return message.id;
  }

  resend(conversationId: string, messageId: string): void {
    const runtime = this.runtime(conversationId);
    const message = findMessage(this.require(conversationId), messageId);
    if (message?.delivery !== 'failed') return;
    this.update(conversationId, (conversation) =>
      withMessage(conversation, messageId, ({ failedFor: _failedFor, ...rest }) => ({ ...rest, delivery: 'sending' })),
    );
    runtime.queue.push(messageId);
    this.pump(conversationId, runtime);
  }

  typing(conversationId: string): void {
    const runtime = this.runtime(conversationId);
    const switchboard = runtime.switchboard;
    if (!switchboard || switchboard.participants.length === 0) return;
    const now = this.now();
    if (runtime.lastTypingSentAt !== undefined && now - runtime.lastTypingSentAt < this.options.typingIntervalMs) return;
    runtime.lastTypingSentAt = now;
    switchboard.post(buildTypingPayload(this.host.self().handle), 'U');
  }

  invite(conversationId: string, handle: string): void {
    const runtime = this.runtime(conversationId);
    runtime.invitees.add(normalizeHandle(handle));
    this.reach(conversationId, runtime);
  }

  close(conversationId: string): void {
    const runtime = this.runtimes.get(conversationId);
    if (!runtime) return;
    this.detach(conversationId, runtime);
    this.runtimes.delete(conversationId);
    const { [conversationId]: _closed, ...rest } = this.state;
    this.state = rest;
    this.emit('change', this.state);
  }

  leaveWith(handle: string): void {
    const target = normalizeHandle(handle);
    for (const [id, runtime] of this.runtimes) {
      const { participants } = this.require(id);
      if (participants.length !== 1 || participants[0]?.handle !== target) continue;
      if (!runtime.switchboard && !runtime.connecting) continue;
      this.stop(id, runtime, { quiet: true });
      this.update(id, (conversation) => withEntry(conversation, this.systemLine('info', leftBlocked(this.nameOf(id, target)))));
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
    void this.answer(ring, inviter);
  }

  closeAll({ quiet = false }: { readonly quiet?: boolean } = {}): void {
    this.epoch++;
    this.closedQuietly = quiet;
    for (const [id, runtime] of this.runtimes) this.stop(id, runtime, { quiet });
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
    const runtime = this.runtime(id);
    this.detach(id, runtime);
    runtime.generation++;
    runtime.connecting = false;
    for (const participant of roster) this.update(id, (conversation) => withParticipant(conversation, participant));
    this.attach(id, runtime, switchboard);
    this.pump(id, runtime);
  }

  /** A conversation with exactly these people whose switchboard is gone or empty takes over a new one. */
  private adoptable(roster: readonly Participant[]): string | undefined {
    const handles = new Set(roster.map((participant) => participant.handle));
    for (const conversation of Object.values(this.state)) {
      const switchboard = this.runtimes.get(conversation.id)?.switchboard;
      if (switchboard && switchboard.participants.length > 0) continue;
      const same =
        conversation.participants.length === handles.size &&
        conversation.participants.every((participant) => handles.has(participant.handle));
      if (same) return conversation.id;
    }
    return undefined;
  }

  /** Sends what is queued when someone is there; otherwise gets someone there. */
  private pump(id: string, runtime: Runtime): void {
    const switchboard = runtime.switchboard;
    if (switchboard && switchboard.participants.length > 0) {
      for (const messageId of runtime.queue.splice(0)) this.transmit(id, switchboard, messageId);
    }
    if (runtime.queue.length > 0 || runtime.invitees.size > 0) this.reach(id, runtime);
  }

  /** CALs whoever should be in the conversation, opening a new switchboard first when there is none (§6.1). */
  private reach(id: string, runtime: Runtime): void {
    const switchboard = runtime.switchboard;
    if (switchboard) this.callEveryone(id, runtime, switchboard);
    else if (!runtime.connecting) void this.connect(id, runtime);
  }

  private async connect(id: string, runtime: Runtime): Promise<void> {
    const generation = ++runtime.generation;
    const current = (): boolean => this.runtimes.get(id) === runtime && runtime.generation === generation;
    runtime.connecting = true;
    let switchboard: Switchboard;
    try {
      const ticket = await this.host.requestSwitchboard();
      if (!current()) return;
      switchboard = await Switchboard.create(ticket, this.host.self().handle, this.options);
    } catch (error) {
      if (!current()) return;
      runtime.connecting = false;
      runtime.invitees.clear();
      this.report(id, startFailure(error), error);
      this.failQueue(id, runtime);
      return;
    }
    if (!current()) {
      switchboard.leave();
      return;
    }
    runtime.connecting = false;
    this.attach(id, runtime, switchboard);
    this.callEveryone(id, runtime, switchboard);
  }

  private attach(id: string, runtime: Runtime, switchboard: Switchboard): void {
    runtime.switchboard = switchboard;
    const current = (): boolean => this.runtimes.get(id) === runtime && runtime.switchboard === switchboard;
    switchboard.on('joined', (participant) => current() && this.joined(id, runtime, participant));
    switchboard.on('left', ({ handle }) => current() && this.left(id, runtime, switchboard, handle));
    switchboard.on('message', (message) => current() && this.received(id, runtime, switchboard, message));
    switchboard.on('close', () => {
      if (!current()) return;
      this.failQueue(id, runtime);
      this.detach(id, runtime);
    });
    this.update(id, (conversation) => withConnected(conversation, true));
    switchboard.resume();
  }

  /** Abandons any connect attempt, fails what waits to be sent and leaves the switchboard. */
  private stop(id: string, runtime: Runtime, { quiet }: { quiet: boolean }): void {
    runtime.generation++;
    runtime.connecting = false;
    runtime.invitees.clear();
    this.failQueue(id, runtime, { quiet });
    this.detach(id, runtime);
  }

  /** Leaves the switchboard (if any) and forgets everything tied to it; the transcript stays. */
  private detach(id: string, runtime: Runtime): void {
    const switchboard = runtime.switchboard;
    runtime.switchboard = undefined;
    for (const timer of runtime.ringing.values()) clearTimeout(timer);
    runtime.ringing.clear();
    for (const timer of runtime.typingTimers.values()) clearTimeout(timer);
    runtime.typingTimers.clear();
    switchboard?.leave();
    this.update(id, (conversation) => withConnected(withAbsent(withoutTyping(conversation)), false));
  }

  private callEveryone(id: string, runtime: Runtime, switchboard: Switchboard): void {
    const targets = new Set([...this.require(id).participants.map((participant) => participant.handle), ...runtime.invitees]);
    runtime.invitees.clear();
    for (const handle of targets) {
      if (!switchboard.has(handle) && !runtime.ringing.has(handle)) this.call(id, runtime, switchboard, handle);
    }
  }

  private call(id: string, runtime: Runtime, switchboard: Switchboard, handle: string): void {
    const current = (): boolean => this.runtimes.get(id) === runtime && runtime.switchboard === switchboard;
    runtime.ringing.set(handle, undefined);
    switchboard.call(handle).then(
      () => {
        if (!current() || !runtime.ringing.has(handle)) return;
        const timer = setTimeout(() => {
          runtime.ringing.delete(handle);
          this.report(id, noAnswer(this.nameOf(id, handle)));
          this.abandonIfEmpty(id, runtime, switchboard);
        }, this.options.joinTimeoutMs);
        runtime.ringing.set(handle, timer);
      },
      (error: unknown) => {
        if (!current()) return;
        runtime.ringing.delete(handle);
        this.report(id, callFailure(this.nameOf(id, handle), handle, error), error);
        this.abandonIfEmpty(id, runtime, switchboard);
      },
    );
  }

  /** Nobody joined and nobody is still being called: what waited to be sent has failed. */
  private abandonIfEmpty(id: string, runtime: Runtime, switchboard: Switchboard): void {
    if (switchboard.participants.length > 0 || runtime.ringing.size > 0) return;
    this.failQueue(id, runtime);
    this.detach(id, runtime);
  }

  private joined(id: string, runtime: Runtime, participant: Participant): void {
    clearTimeout(runtime.ringing.get(participant.handle));
    runtime.ringing.delete(participant.handle);
    const known = this.require(id).participants.some((candidate) => candidate.handle === participant.handle);
    this.update(id, (conversation) => {
      const updated = withParticipant(conversation, { ...participant, present: true });
      return known ? updated : withEntry(updated, this.systemLine('joined', joinedLine(participant.friendlyName)));
    });
    this.pump(id, runtime);
  }

  private left(id: string, runtime: Runtime, switchboard: Switchboard, handle: string): void {
    this.stopTyping(id, runtime, handle);
    const line = this.systemLine('left', leftLine(this.nameOf(id, handle)));
    // The last person to leave stays listed: they are who the next message re-invites (§6.1).
    const last = switchboard.participants.length === 0 && runtime.ringing.size === 0;
    this.update(id, (conversation) => withEntry(last ? withAbsent(conversation, handle) : withoutParticipant(conversation, handle), line));
    if (last) this.detach(id, runtime);
  }

  private received(
    id: string,
    runtime: Runtime,
    switchboard: Switchboard,
    { from, fromName, payload }: { from: string; fromName: string; payload: Uint8Array },
  ): void {
    if (this.host.isBlocked(from)) return;
    const content = parsePayload(payload);
    switch (content.kind) {
      case 'text': {
        this.stopTyping(id, runtime, from);
        const sentAt = this.now();
        const message: ChatMessage = {
          id: this.newId(),
          from,
          fromName,
          sentAt,
          text: content.text,
          delivery: 'received',
          ...(content.format ? { format: content.format } : {}),
        };
        this.update(id, (conversation) => ({
          ...withEntry(withParticipant(conversation, { handle: from, friendlyName: fromName, present: true }), messageEntry(message)),
          lastReceivedAt: sentAt,
        }));
        const { text, format } = message;
        this.emit('message', { conversationId: id, messageId: message.id, from, fromName, text, ...(format && { format }) });
        return;
      }
      case 'typing':
        this.showTyping(id, runtime, from);
        return;
      case 'invitation':
        if (content.command !== 'INVITE' || !content.cookie) return;
        switchboard.post(buildInvitationDecline(content.cookie), 'N');
        this.update(id, (conversation) => withEntry(conversation, this.systemLine('info', invitationDeclined(fromName, content.application))));
        return;
      case 'other':
        this.host.log?.(`SB: ignored a ${content.contentType || 'untyped'} message from ${from}`);
        return;
    }
  }

  private showTyping(id: string, runtime: Runtime, handle: string): void {
    clearTimeout(runtime.typingTimers.get(handle));
    runtime.typingTimers.set(
      handle,
      setTimeout(() => this.stopTyping(id, runtime, handle), this.options.typingExpiryMs),
    );
    this.update(id, (conversation) => withTyping(conversation, handle, true));
  }

  private stopTyping(id: string, runtime: Runtime, handle: string): void {
    clearTimeout(runtime.typingTimers.get(handle));
    runtime.typingTimers.delete(handle);
    this.update(id, (conversation) => withTyping(conversation, handle, false));
  }

  private transmit(id: string, switchboard: Switchboard, messageId: string): void {
    const message = findMessage(this.require(id), messageId);
    if (!message) return;
    const recipients = switchboard.participants;
    const parts = buildTextPayloads(message.text, message.format);
    const epoch = this.epoch;
    void Promise.allSettled(parts.map((part) => switchboard.sendAcknowledged(part))).then((results) => {
      const delivered = results.every((result) => result.status === 'fulfilled' && result.value);
      if (delivered) this.update(id, (conversation) => withMessage(conversation, messageId, (entry) => ({ ...entry, delivery: 'delivered' })));
      else this.fail(id, messageId, recipients, { quiet: epoch !== this.epoch && this.closedQuietly });
    });
  }

  /** Messages still waiting for someone to join fail; their text stays for resending. */
  private failQueue(id: string, runtime: Runtime, options?: { quiet: boolean }): void {
    const recipients = this.require(id).participants;
    for (const messageId of runtime.queue.splice(0)) this.fail(id, messageId, recipients, options);
  }

  /** Marks a message failed; unless `quiet` (the user's own doing), also emits an error naming it. */
  private fail(id: string, messageId: string, recipients: readonly Participant[], { quiet = false } = {}): void {
    const message = this.state[id] && findMessage(this.state[id], messageId);
    if (!message) return;
    this.update(id, (conversation) =>
      withMessage(conversation, messageId, (entry) => ({
        ...entry,
        delivery: 'failed',
        failedFor: recipients.map((recipient) => recipient.handle),
      })),
    );
    if (quiet) return;
    const names = recipients.map((recipient) => recipient.friendlyName);
    this.emit('error', { conversationId: id, messageId, message: undelivered(message.text, names) });
  }

  /** An error line in the conversation, also emitted for whoever shows errors elsewhere. */
  private report(id: string, text: string, cause?: unknown): void {
    this.update(id, (conversation) => withEntry(conversation, this.systemLine('error', text)));
    const code = cause instanceof ProtocolError ? cause.code : undefined;
    this.emit('error', { conversationId: id, message: text, ...(code === undefined ? {} : { code }) });
  }

  private systemLine(kind: 'joined' | 'left' | 'error' | 'info', text: string) {
    return systemEntry({ id: this.newId(), kind, text, at: this.now() });
  }

  private create(participants: readonly Participant[]): string {
    const id = this.newId();
    this.runtimes.set(id, { generation: 0, connecting: false, queue: [], ringing: new Map(), invitees: new Set(), typingTimers: new Map() });
    this.state = { ...this.state, [id]: newConversation(id, participants) };
    this.emit('change', this.state);
    return id;
  }

  private update(id: string, change: (conversation: Conversation) => Conversation): void {
    const current = this.state[id];
    if (!current) return;
    const next = change(current);
    if (next === current) return;
    this.state = { ...this.state, [id]: next };
    this.emit('change', this.state);
  }

  private require(id: string): Conversation {
    const conversation = this.state[id];
    if (!conversation) throw new Error(`There is no conversation ${id}.`);
    return conversation;
  }

  private runtime(id: string): Runtime {
    const runtime = this.runtimes.get(id);
    if (!runtime) throw new Error(`There is no conversation ${id}.`);
    return runtime;
  }

  private participantFor(handle: string): Participant {
    return { handle, friendlyName: this.host.friendlyNameOf(handle) ?? handle, present: false };
  }

  private nameOf(id: string, handle: string): string {
    return this.state[id]?.participants.find((participant) => participant.handle === handle)?.friendlyName ?? this.participantFor(handle).friendlyName;
  }
}

function normalizeHandle(handle: string): string {
  const normalized = handle.trim().toLowerCase();
  if (normalized.length === 0) throw new Error('A sign-in name is needed.');
  return normalized;
}
