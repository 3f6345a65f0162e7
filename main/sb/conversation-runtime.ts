// One conversation's life on the switchboards: opening one (XFR SB, USR) or taking over one we were
// invited to, calling people in, the queue of outgoing text, and what arrives: text, typing,
// invitations. The record it changes belongs to the service (conversations.ts); a switchboard comes
// and goes while the conversation stays.
//
// Outgoing text waits in a queue until someone is there to receive it, then goes out with ack mode
// A so every message ends delivered or failed. §6.6 recommends N because the 1999 servers did not
// implement A, but with N a server that never NAKs (Escargot, and this project's server) makes
// failures silent. A gives a positive ACK from every server this client targets, and a missing ACK
// becomes a visible failure after a timeout instead of a message that silently vanished.

import type { AppError, TranscriptEvent } from '../../shared/errors';
import type { Conversation, Draft, Participant, SystemLine } from '../../shared/model';
import { PhaseMachine, type PhaseTable } from '../../shared/phase';
import { entryAt } from '../../shared/transcript';
import {
  type MessageEntry,
  findMessage,
  indexOfMessage,
  systemEntry,
  withAbsent,
  withConnected,
  withEntry,
  withMessage,
  withParticipant,
  withTyping,
  withoutParticipant,
  withoutTyping,
} from './conversation-state';
import { buildInvitationDecline, buildTextPayloads, buildTypingPayload, parsePayload } from './messages';
import { callFailure, invitationDeclined, joined, left, noAnswer, nobodyToCall, startFailure, undelivered } from './transcript-events';
import { Switchboard, type SwitchboardOptions } from './switchboard';
import type { ConversationEvents, ConversationHost } from './types';

export interface RuntimeOptions extends SwitchboardOptions {
  readonly joinTimeoutMs: number;
  readonly typingExpiryMs: number;
  readonly typingIntervalMs: number;
}

/** What a conversation's runtime gets from the service that owns the records. */
export interface RuntimeContext {
  readonly host: ConversationHost;
  readonly options: RuntimeOptions;
  now(): number;
  newId(): string;
  /** The conversation's record; undefined once it was closed. */
  record(): Conversation | undefined;
  update(change: (conversation: Conversation) => Conversation): void;
  emit<K extends 'message' | 'error'>(event: K, payload: ConversationEvents[K]): void;
  /** The service's close count now, and whether a quiet close (a user sign-out) came since `epoch`. */
  epoch(): number;
  closedQuietlySince(epoch: number): boolean;
}

type Timer = ReturnType<typeof setTimeout>;

const markDelivered = (entry: MessageEntry): MessageEntry => ({ ...entry, delivery: 'delivered' });

export function participantFor(host: ConversationHost, handle: string): Participant {
  return { handle, friendlyName: host.friendlyNameOf(handle) ?? handle, present: false };
}

/**
 * Where the conversation's switchboard is. An attempt to open one, and every listener of one,
 * holds its phase object: when it resumes after the phase moved on (another attempt, an adopted
 * invitation, a stop, the conversation closed) it knows it lost by identity and does nothing.
 */
export type RuntimePhase =
  | { readonly name: 'idle' }
  | { readonly name: 'connecting' }
  | { readonly name: 'attached'; readonly switchboard: Switchboard }
  | { readonly name: 'disposed' };

export const RUNTIME_PHASES: PhaseTable<RuntimePhase> = {
  idle: ['connecting', 'attached', 'disposed'],
  connecting: ['attached', 'idle', 'disposed'],
  attached: ['idle', 'disposed'],
  disposed: [],
};

export class ConversationRuntime {
  private readonly phases = new PhaseMachine<RuntimePhase>('ConversationRuntime', { name: 'idle' }, RUNTIME_PHASES);
  /** Outgoing message ids waiting for someone to join, in the order they were typed. */
  private readonly queue: string[] = [];
  /** People CALled who have not joined yet, with their no-answer timers (set once RINGING arrives). */
  private readonly ringing = new Map<string, Timer | undefined>();
  /** People to invite once a switchboard is up. */
  private readonly invitees = new Set<string>();
  private readonly typingTimers = new Map<string, Timer>();
  /** For a split message that failed: which of its parts were ACKed, so a resend skips them. */
  private readonly deliveredParts = new Map<string, Set<number>>();
  private lastTypingSentAt: number | undefined;

  constructor(
    readonly id: string,
    private readonly context: RuntimeContext,
  ) {}

  get phase(): RuntimePhase {
    return this.phases.current;
  }

  /** The open switchboard, if any. */
  private get switchboard(): Switchboard | undefined {
    return this.phases.when('attached')?.switchboard;
  }

  /** Someone else is in the switchboard right now. */
  get inUse(): boolean {
    return (this.switchboard?.participants.length ?? 0) > 0;
  }

  /** A switchboard is open or being opened. */
  get active(): boolean {
    return this.phases.is('connecting', 'attached');
  }

  /** Queues a message of the transcript (new, or failed and sent again) and gets it on its way. */
  enqueue(messageId: string): void {
    this.queue.push(messageId);
    this.pump();
  }

  /** Tells the others I am typing, at most once per interval (§7.3). */
  typing(): void {
    const switchboard = this.switchboard;
    if (!switchboard || switchboard.participants.length === 0) return;
    const now = this.context.now();
    if (this.lastTypingSentAt !== undefined && now - this.lastTypingSentAt < this.context.options.typingIntervalMs) return;
    this.lastTypingSentAt = now;
    switchboard.post(buildTypingPayload(this.context.host.self().handle), 'U');
  }

  invite(handle: string): void {
    this.invitees.add(handle);
    this.reach();
  }

  /** Takes over a switchboard we answered an invitation to, with its roster (§6.4); an attempt under way loses. */
  adopt(switchboard: Switchboard, roster: readonly Participant[]): void {
    if (this.phases.is('disposed')) {
      switchboard.leave();
      return;
    }
    this.detach();
    for (const participant of roster) this.context.update((conversation) => withParticipant(conversation, participant));
    this.attach(switchboard);
    this.pump();
  }

  /** The notification session is back: a queue that waited for it goes now. */
  resume(): void {
    if (this.phases.is('idle') && (this.queue.length > 0 || this.invitees.size > 0)) this.pump();
  }

  /** Abandons any connect attempt, fails what waits to be sent (quietly when the user caused it) and leaves. */
  stop({ quiet }: { readonly quiet: boolean }): void {
    this.invitees.clear();
    this.failQueue({ quiet });
    this.detach();
  }

  /** The conversation was closed: leave, and ignore whatever is still under way. */
  dispose(): void {
    this.detach();
    if (!this.phases.is('disposed')) this.phases.go({ name: 'disposed' });
  }

  addLine(kind: SystemLine['kind'], event: TranscriptEvent): void {
    this.context.update((conversation) => withEntry(conversation, this.systemLine(kind, event)));
  }

  nameOf(handle: string): string {
    const listed = this.context.record()?.participants.find((participant) => participant.handle === handle);
    return listed?.friendlyName ?? participantFor(this.context.host, handle).friendlyName;
  }

  /** Opens a new switchboard (`XFR SB`, then USR) and calls everyone in (§6.2). */
  async connect(): Promise<void> {
    const connecting = this.phases.go({ name: 'connecting' });
    const { host, options } = this.context;
    let switchboard: Switchboard;
    try {
      const ticket = await host.requestSwitchboard();
      if (!this.phases.isCurrent(connecting)) return;
      switchboard = await Switchboard.create(ticket, host.self().handle, options);
    } catch (error) {
      if (!this.phases.isCurrent(connecting)) return;
      this.phases.go({ name: 'idle' });
      // No notification connection while it is being made again: what is queued waits for `resume`.
      if (host.reconnecting?.()) return;
      this.invitees.clear();
      this.report(startFailure(error));
      this.failQueue();
      return;
    }
    if (!this.phases.isCurrent(connecting)) {
      switchboard.leave();
      return;
    }
    this.attach(switchboard);
    this.callEveryone(switchboard);
  }

  /** Sends what is queued when someone is there; otherwise gets someone there. */
  private pump(): void {
    const switchboard = this.switchboard;
    if (switchboard && switchboard.participants.length > 0 && this.queue.length > 0) {
      // Taken out of the queue before any is sent: sending one may end in a callback that queues another.
      if (this.queue.length === 1) this.transmit(switchboard, this.queue.pop() as string);
      else for (const messageId of this.queue.splice(0)) this.transmit(switchboard, messageId);
    }
    if (this.queue.length > 0 || this.invitees.size > 0) this.reach();
  }

  /**
   * CALs whoever should be in the conversation, opening a new switchboard first when there is none
   * (§6.1). With nobody there, nobody ringing and nobody to call, what waits can never go: it fails now.
   */
  private reach(): void {
    const switchboard = this.switchboard;
    if (!this.inUse && this.ringing.size === 0 && this.targets().size === 0) {
      this.report(nobodyToCall());
      this.stop({ quiet: false });
      return;
    }
    if (switchboard) this.callEveryone(switchboard);
    else if (this.phases.is('idle')) void this.connect();
  }

  private attach(switchboard: Switchboard): void {
    const attached = this.phases.go({ name: 'attached', switchboard });
    const current = (): boolean => this.phases.isCurrent(attached);
    switchboard.on('joined', (participant) => current() && this.joined(participant));
    switchboard.on('left', ({ handle }) => current() && this.left(switchboard, handle));
    switchboard.on('message', (message) => current() && this.received(switchboard, message));
    switchboard.on('close', () => {
      if (!current()) return;
      this.failQueue();
      this.detach();
    });
    this.context.update((conversation) => withConnected(conversation, true));
    switchboard.resume();
  }

  /** Leaves the switchboard (if any) or abandons the attempt, and forgets everything tied to it; the transcript stays. */
  private detach(): void {
    const switchboard = this.switchboard;
    if (this.phases.is('connecting', 'attached')) this.phases.go({ name: 'idle' });
    for (const timer of this.ringing.values()) clearTimeout(timer);
    this.ringing.clear();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    switchboard?.leave();
    this.context.update((conversation) => withConnected(withAbsent(withoutTyping(conversation)), false));
  }

  /** Everyone listed in the conversation and everyone to invite. */
  private targets(): Set<string> {
    const participants = this.context.record()?.participants ?? [];
    return new Set([...participants.map((participant) => participant.handle), ...this.invitees]);
  }

  private callEveryone(switchboard: Switchboard): void {
    const targets = this.targets();
    this.invitees.clear();
    for (const handle of targets) {
      if (!switchboard.has(handle) && !this.ringing.has(handle)) this.call(switchboard, handle);
    }
  }

  private call(switchboard: Switchboard, handle: string): void {
    const attached = this.phases.current;
    const current = (): boolean => this.phases.isCurrent(attached);
    this.ringing.set(handle, undefined);
    switchboard.call(handle).then(
      () => {
        if (!current() || !this.ringing.has(handle)) return;
        const timer = setTimeout(() => {
          this.ringing.delete(handle);
          this.report(noAnswer(this.nameOf(handle)));
          this.abandonIfEmpty(switchboard);
        }, this.context.options.joinTimeoutMs);
        this.ringing.set(handle, timer);
      },
      (error: unknown) => {
        if (!current()) return;
        this.ringing.delete(handle);
        this.report(callFailure(this.nameOf(handle), handle, error));
        this.abandonIfEmpty(switchboard);
      },
    );
  }

  /** Nobody joined and nobody is still being called: what waited to be sent has failed. */
  private abandonIfEmpty(switchboard: Switchboard): void {
    if (switchboard.participants.length > 0 || this.ringing.size > 0) return;
    this.failQueue();
    this.detach();
  }

  private joined(participant: Participant): void {
    clearTimeout(this.ringing.get(participant.handle));
    this.ringing.delete(participant.handle);
    const known = this.context.record()?.participants.some((candidate) => candidate.handle === participant.handle);
    this.context.update((conversation) => {
      const updated = withParticipant(conversation, { ...participant, present: true });
      return known ? updated : withEntry(updated, this.systemLine('joined', joined(participant.friendlyName)));
    });
    this.pump();
  }

  private left(switchboard: Switchboard, handle: string): void {
    this.stopTyping(handle);
    const line = this.systemLine('left', left(this.nameOf(handle)));
    // The last person present stays listed, even while someone else is still being called: they are
    // who the next message re-invites (§6.1) if nobody answers. The switchboard stays for whoever is
    // ringing; if they never join, the no-answer path leaves it.
    const last = switchboard.participants.length === 0;
    this.context.update((conversation) =>
      withEntry(last ? withAbsent(conversation, handle) : withoutParticipant(conversation, handle), line),
    );
    if (last && this.ringing.size === 0) this.detach();
  }

  private received(switchboard: Switchboard, { from, fromName, payload }: { from: string; fromName: string; payload: Uint8Array }): void {
    const { host } = this.context;
    // A message that reached us is shown, even from someone blocked since (in a conversation with
    // others; blocking leaves a one-to-one conversation): the switchboard ACKed it to them.
    const content = parsePayload(payload);
    switch (content.kind) {
      case 'text': {
        this.stopTyping(from);
        const sentAt = this.context.now();
        const { text, format, automatic } = content;
        // Both made field by field, the optional ones set only when they apply (spreading them in
        // costs V8 a property at a time, for every message).
        const entry: Draft<MessageEntry> = { type: 'message', id: this.context.newId(), from, fromName, sentAt, text, delivery: 'received' };
        const event: Draft<ConversationEvents['message']> = { conversationId: this.id, messageId: entry.id, from, fromName, text };
        if (format) entry.format = event.format = format;
        if (automatic) entry.automatic = event.automatic = automatic;
        this.context.update((conversation) =>
          withEntry(withParticipant(conversation, { handle: from, friendlyName: fromName, present: true }), entry, sentAt),
        );
        this.context.emit('message', event);
        return;
      }
      case 'typing':
        this.showTyping(from);
        return;
      case 'invitation':
        if (content.command !== 'INVITE' || !content.cookie) return;
        switchboard.post(buildInvitationDecline(content.cookie), 'N');
        this.addLine('info', invitationDeclined(fromName, content.application));
        return;
      case 'other':
        host.log?.(`SB: ignored a ${content.contentType || 'untyped'} message from ${from}`);
        return;
    }
  }

  private showTyping(handle: string): void {
    clearTimeout(this.typingTimers.get(handle));
    this.typingTimers.set(
      handle,
      setTimeout(() => this.stopTyping(handle), this.context.options.typingExpiryMs),
    );
    this.context.update((conversation) => withTyping(conversation, handle, true));
  }

  private stopTyping(handle: string): void {
    // Only showTyping lists someone as typing, and it always sets their timer. (Nearly always nobody
    // is: then the handle, a string new with each message, is not hashed to find that out.)
    if (this.typingTimers.size === 0 || !this.typingTimers.has(handle)) return;
    clearTimeout(this.typingTimers.get(handle));
    this.typingTimers.delete(handle);
    this.context.update((conversation) => withTyping(conversation, handle, false));
  }

  private transmit(switchboard: Switchboard, messageId: string): void {
    const record = this.context.record();
    const at = record ? indexOfMessage(record, messageId) : -1;
    if (!record || at < 0) return;
    const message = entryAt(record, at) as MessageEntry;
    const recipients = switchboard.participants;
    const parts = buildTextPayloads(message.text, message.format, { automatic: message.automatic === true });
    const epoch = this.context.epoch();
    // Nearly every message is one part: it costs one callback, with no set of parts delivered.
    if (parts.length === 1 && (this.deliveredParts.size === 0 || !this.deliveredParts.has(messageId))) {
      switchboard.sendAcknowledged(parts[0] as Uint8Array, (error, acknowledged) =>
        this.settle(messageId, at, !error && acknowledged, recipients, epoch),
      );
      return;
    }
    const delivered = this.deliveredParts.get(messageId) ?? new Set<number>();
    const partCount = parts.length;
    let outstanding = 0;
    const answered = (): void => {
      if (--outstanding > 0) return;
      if (delivered.size < partCount) this.deliveredParts.set(messageId, delivered);
      else this.deliveredParts.delete(messageId);
      this.settle(messageId, at, delivered.size === partCount, recipients, epoch);
    };
    parts.forEach((part, index) => {
      if (delivered.has(index)) return;
      outstanding++;
      switchboard.sendAcknowledged(part, (error, acknowledged) => {
        if (!error && acknowledged) delivered.add(index);
        answered();
      });
    });
    if (outstanding === 0) {
      outstanding = 1;
      queueMicrotask(answered);
    }
  }

  /** Every part of a message was ACKed (delivered), or one was not: it failed, its text kept for resending. */
  private settle(messageId: string, at: number, delivered: boolean, recipients: readonly Participant[], epoch: number): void {
    if (delivered) {
      this.context.update((conversation) => withMessage(conversation, messageId, markDelivered, at));
    } else {
      this.fail(messageId, recipients, { quiet: this.context.closedQuietlySince(epoch) });
    }
  }

  /** Messages still waiting for someone to join fail; their text stays for resending. */
  private failQueue(options?: { quiet: boolean }): void {
    const recipients = this.context.record()?.participants ?? [];
    for (const messageId of this.queue.splice(0)) this.fail(messageId, recipients, options);
  }

  /** Marks a message failed; unless `quiet` (the user's own doing), also emits an error naming it. */
  private fail(messageId: string, recipients: readonly Participant[], { quiet = false } = {}): void {
    const record = this.context.record();
    const message = record && findMessage(record, messageId);
    if (!message) return;
    this.context.update((conversation) =>
      withMessage(conversation, messageId, (entry) => ({
        ...entry,
        delivery: 'failed',
        failedFor: recipients.map((recipient) => recipient.handle),
      })),
    );
    if (quiet) return;
    const names = recipients.map((recipient) => recipient.friendlyName);
    this.context.emit('error', { conversationId: this.id, messageId, error: undelivered(message.text, names) });
  }

  /** An error line in the conversation, also emitted for whoever shows errors elsewhere. */
  private report(error: AppError): void {
    this.addLine('error', { type: 'error', error });
    this.context.emit('error', { conversationId: this.id, error });
  }

  private systemLine(kind: SystemLine['kind'], event: TranscriptEvent) {
    return systemEntry({ id: this.context.newId(), kind, event, at: this.context.now() });
  }
}
