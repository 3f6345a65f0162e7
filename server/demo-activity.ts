// The Local demo's life: a new user should see what a messenger does within a minute of signing in,
// not a list of people who never come online. From the demo user's first sign-in, the timeline in
// demo.ts is played on a schedule: demo contacts come online and go away, change status and name,
// one says hello, one starts a three-person conversation, and new mail arrives. Real time in the
// app; a test passes its own schedule (a fake clock) and plays the same timeline step by step.

import { normalizeHandle } from './accounts';
import type { Member, ServerContext } from './context';
import { type DemoCastMember, type DemoStep } from './demo';
import { DemoContact, type Later } from './demo-contact';
import type { NewMail } from './notification/mail';

export interface DemoSchedule {
  /** Runs `action` after `delayMs`; the returned function cancels it. */
  after(delayMs: number, action: () => void): () => void;
}

export const REAL_TIME: DemoSchedule = {
  after(delayMs, action) {
    const timer = setTimeout(action, delayMs);
    return () => clearTimeout(timer);
  },
};

export interface DemoActivityOptions {
  /** The demo user, whose first sign-in starts the timeline. */
  readonly viewer: string;
  readonly cast: readonly DemoCastMember[];
  readonly timeline: readonly DemoStep[];
  readonly schedule: DemoSchedule;
  readonly deliverMail: (handle: string, mail: NewMail) => void;
}

function handlesOf(step: DemoStep): string[] {
  switch (step.kind) {
    case 'presence':
      return [step.handle];
    case 'conversation':
      return [step.from, ...(step.invite ?? []), ...step.lines.map((line) => line.from), step.reply.from];
    case 'mail':
      return [];
  }
}

export class DemoActivity {
  private readonly contacts = new Map<string, DemoContact>();
  private readonly pending = new Set<() => void>();
  private readonly viewer: string;
  private started = false;

  /** Throws when the cast, the timeline and the server's accounts do not fit together. */
  constructor(
    private readonly context: ServerContext,
    private readonly options: DemoActivityOptions,
  ) {
    this.viewer = normalizeHandle(options.viewer);
    if (!context.accounts.get(this.viewer)) throw new Error(`The demo user ${options.viewer} has no account on this server`);
    for (const member of options.cast) {
      const account = context.accounts.get(member.handle);
      if (!account) throw new Error(`The demo contact ${member.handle} has no account on this server`);
      this.contacts.set(account.handle, new DemoContact(context, account, member, this.later));
    }
    for (const step of options.timeline) {
      for (const handle of handlesOf(step)) {
        if (!this.contacts.has(normalizeHandle(handle))) throw new Error(`The demo timeline names ${handle}, who is not a demo contact`);
      }
    }
  }

  readonly later: Later = (delayMs, action) => {
    const cancel = this.options.schedule.after(delayMs, () => {
      this.pending.delete(cancel);
      action();
    });
    this.pending.add(cancel);
    return () => {
      this.pending.delete(cancel);
      cancel();
    };
  };

  /** Someone became visible (their first CHG): the demo user's first sign-in starts the timeline, once. */
  memberVisible(member: Member): void {
    if (this.started || member.account.handle !== this.viewer) return;
    this.started = true;
    for (const step of this.options.timeline) this.later(step.atMs, () => this.play(step));
  }

  close(): void {
    for (const cancel of [...this.pending]) cancel();
    this.pending.clear();
  }

  private contact(handle: string): DemoContact {
    return this.contacts.get(normalizeHandle(handle)) as DemoContact;
  }

  private play(step: DemoStep): void {
    switch (step.kind) {
      case 'presence':
        return this.contact(step.handle).setPresence(step.status, step.friendlyName);
      case 'mail':
        return this.options.deliverMail(this.viewer, { from: step.from, fromAddress: step.fromAddress, subject: step.subject });
      case 'conversation': {
        const skipped = this.contact(step.from).startConversation(this.viewer, step.invite ?? [], step.lines, step.reply);
        if (skipped) this.context.settings.log(`[demo] ${step.from} does not start a conversation: ${skipped}`);
      }
    }
  }
}
