// A demo contact of the Local demo (Alice, Bob, Carol): like Messenger Buddy, a member of the
// notification side and a switchboard participant living inside the server, but one whose presence,
// name and conversations the demo's timeline drives (demo-activity.ts). While a person is signed in
// with its account, it stays out of the way.

import { mediaType, parseMime } from '../protocol/index';
import { type Account, normalizeHandle } from './accounts';
import { textPayload, typingPayload } from './chat-payloads';
import type { Invitation, Member, SeenPresence, ServerContext } from './context';
import type { DemoCastMember, DemoLine } from './demo';
import { refreshWatchersOf, type Status } from './notification/presence';
import type { Participant, SwitchboardSession } from './switchboard/session';

/** Runs `action` after `delayMs` on the demo's schedule; the returned function cancels it. */
export type Later = (delayMs: number, action: () => void) => () => void;

/** How long a demo contact "types" before a line goes out, and the pause before the next line. */
export const TYPING_MS = 1500;
export const LINE_PAUSE_MS = 2500;

interface Script {
  /** Who must have joined before the first line is said. */
  readonly awaiting: Set<string>;
  readonly lines: readonly DemoLine[];
  /** Said once, after the first message from a person (not another demo contact). */
  reply: DemoLine | undefined;
}

export class DemoContact implements Member {
  readonly automated = true;
  readonly acceptsInvitations = true;
  readonly seen = new Map<string, SeenPresence>();
  status: Status | undefined;
  readonly participants = new Set<DemoParticipant>();

  constructor(
    readonly context: ServerContext,
    readonly account: Account,
    readonly cast: DemoCastMember,
    readonly later: Later,
  ) {}

  get handle(): string {
    return this.account.handle;
  }

  /** Signed in right now as the demo contact (not by a person using its account). */
  get isOnline(): boolean {
    return this.status !== undefined && this.context.online.get(this.handle) === this;
  }

  notify(): void {}

  /** Signs in with `status`, changes status or name, or signs out (`FLN`, leaving its conversations). */
  setPresence(status: Status | 'FLN', friendlyName?: string): void {
    const member = this.context.online.get(this.handle);
    if (member !== undefined && member !== this) {
      this.context.settings.log(`[demo] ${this.handle} is signed in by a person: the demo leaves the account alone`);
      return;
    }
    if (friendlyName !== undefined) this.account.friendlyName = friendlyName;
    if (status === 'FLN') {
      for (const participant of [...this.participants]) participant.leave();
      this.context.online.delete(this.handle);
      this.status = undefined;
    } else {
      this.status = status;
      this.context.online.set(this.handle, this);
    }
    refreshWatchersOf(this.context, this.handle);
  }

  /** Answers every invitation; a person who rang gets the busy reply. */
  ring(invitation: Invitation): void {
    const fromPerson = this.context.online.get(invitation.callerHandle)?.automated !== true;
    // Not on the demo's schedule: this only waits for the caller's CAL RINGING, which goes out
    // right after ring() returns, so that JOI follows it as from a client that answered.
    queueMicrotask(() => {
      const session = this.context.switchboards.redeemInvitation(this.handle, invitation.cookie, invitation.sessionId);
      if (!session) return;
      const reply = fromPerson ? { from: this.handle, text: this.cast.busyReply } : undefined;
      this.enter(session, { awaiting: new Set(), lines: [], reply });
    });
  }

  /**
   * Opens a switchboard, calls `companions` (other demo contacts) and then `guest`, and says `lines`
   * once everyone who could be called is in. Returns why it could not, when `guest` cannot be called.
   */
  startConversation(guest: string, companions: readonly string[], lines: readonly DemoLine[], reply: DemoLine): string | undefined {
    if (!this.isOnline) return `${this.handle} is not online`;
    const ticket = this.context.switchboards.issueCookie(this.handle);
    const session = ticket && this.context.switchboards.openSession(this.handle, ticket.cookie);
    if (!session) return 'no switchboard session';
    const script: Script = { awaiting: new Set(), lines, reply };
    const me = this.enter(session, script);
    for (const handle of [...companions, guest]) {
      const call = this.context.switchboards.call(session, me, handle);
      if ('error' in call) {
        if (handle !== guest) continue;
        me.leave();
        return `${guest} cannot be called (${call.error})`;
      }
      script.awaiting.add(normalizeHandle(handle));
    }
    return undefined;
  }

  private enter(session: SwitchboardSession, script: Script): DemoParticipant {
    const participant = new DemoParticipant(this, session, script);
    this.participants.add(participant);
    session.join(participant);
    return participant;
  }
}

class DemoParticipant implements Participant {
  private readonly pending = new Set<() => void>();
  private started = false;

  constructor(
    private readonly contact: DemoContact,
    private readonly session: SwitchboardSession,
    private readonly script: Script,
  ) {}

  get handle(): string {
    return this.contact.handle;
  }

  get wireName(): string {
    return this.contact.account.wireName;
  }

  deliver(name: string, params: readonly string[], payload?: Uint8Array): void {
    const sender = params[0] ?? '';
    if (name === 'JOI') {
      this.script.awaiting.delete(sender);
      this.startScript();
    } else if (name === 'BYE') {
      // Demo contacts do not chat among themselves: the last person gone, they go too.
      if (this.script.awaiting.size === 0 && this.session.participants.every((participant) => this.isAutomated(participant))) {
        this.leave();
      }
    } else if (name === 'MSG' && payload && this.contact.context.online.get(sender)?.automated !== true) {
      if (mediaType(parseMime(payload)) !== 'text/plain' || !this.script.reply) return;
      const { from, text } = this.script.reply;
      this.script.reply = undefined;
      this.speaker(from)?.say(text);
    }
  }

  private isAutomated(participant: Participant): boolean {
    return participant instanceof DemoParticipant || this.contact.context.online.get(participant.handle)?.automated === true;
  }

  /** The lines, one after another, each typed for a moment first. */
  private startScript(): void {
    if (this.started || this.script.awaiting.size > 0) return;
    this.started = true;
    this.script.lines.forEach((line, index) => {
      this.schedule(index * (TYPING_MS + LINE_PAUSE_MS), () => this.speaker(line.from)?.say(line.text));
    });
  }

  /** Another demo contact in this session (or this one), to say a line of the script. */
  private speaker(handle: string): DemoParticipant | undefined {
    return this.session.participants.find(
      (participant): participant is DemoParticipant => participant instanceof DemoParticipant && participant.handle === handle,
    );
  }

  say(text: string): void {
    this.send(typingPayload(this.handle));
    this.schedule(TYPING_MS, () => this.send(textPayload(text, this.contact.cast.format)));
  }

  private schedule(delayMs: number, action: () => void): void {
    const cancel = this.contact.later(delayMs, () => {
      this.pending.delete(cancel);
      action();
    });
    this.pending.add(cancel);
  }

  private send(payload: Uint8Array): void {
    if (this.session.isOpen && this.session.participants.includes(this)) this.session.relay(this, payload);
  }

  dismiss(): void {
    for (const cancel of this.pending) cancel();
    this.pending.clear();
    this.contact.participants.delete(this);
  }

  leave(): void {
    this.dismiss();
    this.session.leave(this);
  }
}
