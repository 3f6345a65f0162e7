// Messenger Buddy: an always-online demo contact that lives inside the server. It is a Member of the
// notification side (so people see it online and can ring it) and a real switchboard participant
// (IRO/JOI/BYE/MSG work exactly as for a socket client). It answers every text message, with a typing
// notification first.

import { mediaType, parseMime, percentDecode } from '../protocol/index';
import type { Account } from './accounts';
import { textPayload, typingPayload } from './chat-payloads';
import type { Invitation, Member, SeenPresence, ServerContext } from './context';
import type { Status } from './notification/presence';
import type { Participant, SwitchboardSession } from './switchboard/session';

export const BOT_HANDLE = 'buddy@demo.msn';
const BOT_FORMAT = 'FN=MS%20Sans%20Serif; EF=; CO=800000; CS=0; PF=22';
/** Echoed text is cut here so that a reply always fits the 1664-byte switchboard limit. */
const MAX_ECHO_CHARACTERS = 400;

export class BuddyBot implements Member {
  readonly automated = true;
  readonly status: Status = 'NLN';
  readonly acceptsInvitations = true;
  readonly seen = new Map<string, SeenPresence>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly context: ServerContext,
    readonly account: Account,
  ) {}

  notify(): void {}

  /** Answers like a client that accepts every RNG (§5.11), once the caller has seen CAL RINGING. */
  ring(invitation: Invitation): void {
    this.later(0, () => {
      const session = this.context.switchboards.redeemInvitation(this.account.handle, invitation.cookie, invitation.sessionId);
      if (session) session.join(new BotParticipant(this, session));
    });
  }

  later(delayMs: number, action: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, delayMs);
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: ReturnType<typeof setTimeout>): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  get replyDelayMs(): number {
    return this.context.settings.botReplyDelayMs;
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

class BotParticipant implements Participant {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly bot: BuddyBot,
    private readonly session: SwitchboardSession,
  ) {}

  get handle(): string {
    return this.bot.account.handle;
  }

  get wireName(): string {
    return this.bot.account.wireName;
  }

  deliver(name: string, params: readonly string[], payload?: Uint8Array): void {
    if (name === 'BYE' && this.session.participants.length === 1) {
      this.dismiss();
      this.session.leave(this);
      return;
    }
    if (name !== 'MSG' || !payload) return;
    const message = parseMime(payload);
    if (mediaType(message) !== 'text/plain') return;
    const senderName = percentDecode(params[1] ?? '');
    // Both go out after the sender's own ACK, as from a person at another computer.
    this.schedule(0, typingPayload(this.handle));
    this.schedule(this.bot.replyDelayMs, textPayload(replyTo(senderName, message.body), BOT_FORMAT));
  }

  private schedule(delayMs: number, payload: Uint8Array): void {
    const timer = this.bot.later(delayMs, () => {
      this.pending.delete(timer);
      this.send(payload);
    });
    this.pending.add(timer);
  }

  dismiss(): void {
    for (const timer of this.pending) this.bot.cancel(timer);
    this.pending.clear();
  }

  private send(payload: Uint8Array): void {
    if (this.session.isOpen && this.session.participants.includes(this)) this.session.relay(this, payload);
  }
}

/** Greets a greeting, otherwise says the text back. */
export function replyTo(senderName: string, text: string): string {
  const trimmed = text.trim();
  if (/^(hi|hello|hey|hiya|yo)\b/i.test(trimmed)) {
    return `Hi ${senderName}! I'm Messenger Buddy. Say anything and I'll say it right back.`;
  }
  if (trimmed.length === 0) return 'Did you mean to send an empty message? :)';
  const echo = [...trimmed].length > MAX_ECHO_CHARACTERS ? [...trimmed].slice(0, MAX_ECHO_CHARACTERS).join('') + '…' : trimmed;
  return `You said: ${echo}`;
}
