// Which invitations (RNG) to answer. Answering opens a switchboard socket and usually a conversation
// (a window), so a server or a contact that sends invitations without end could use up the
// process's file descriptors and bury the user in windows. This policy caps the answers under way
// at once and the conversations open at once, and gives each inviter a small budget that refills
// slowly; the rest are refused the only way the protocol knows: by not connecting (§5.11), so the
// inviter's side sees nobody join. An invitation to an address that is not of the server's own
// address family, or to a port below 1024, is still answered (the protocol allows any host) but
// counted and logged, so a server that sends people elsewhere is noticed.

import { isIP } from 'node:net';
import type { SwitchboardRing } from './types';

export interface InvitationLimits {
  /** Answers (connect + ANS) under way at once. */
  readonly maxAnswering: number;
  /** Open conversations beyond which an invitation that would open another is refused. */
  readonly maxConversations: number;
  /** Invitations one inviter may have answered in a burst… */
  readonly perInviterBurst: number;
  /** …and how often that budget grows back by one. */
  readonly perInviterRefillMs: number;
}

export const DEFAULT_INVITATION_LIMITS: InvitationLimits = {
  maxAnswering: 8,
  maxConversations: 32,
  perInviterBurst: 5,
  perInviterRefillMs: 10_000,
};

/** Why an invitation is not answered. */
export type Refusal = 'answering' | 'conversations' | 'inviter';

/** What the service knows about the conversations when an invitation arrives. */
export interface InvitationContext {
  readonly openConversations: number;
  /** An existing conversation would take the invitation in, so none would be opened. */
  readonly joinsExisting: boolean;
}

interface Budget {
  tokens: number;
  updatedAt: number;
}

export class InvitationPolicy {
  private answering = 0;
  private readonly budgets = new Map<string, Budget>();
  private refusedCount = 0;
  private unusualCount = 0;

  constructor(
    private readonly limits: InvitationLimits = DEFAULT_INVITATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Invitations refused so far. */
  get refused(): number {
    return this.refusedCount;
  }

  /** Invitations followed to an unusual address so far. */
  get unusual(): number {
    return this.unusualCount;
  }

  /** Decides on an invitation from `inviter`; when it is admitted, an answer is under way until `answered()`. */
  admit(inviter: string, context: InvitationContext): Refusal | undefined {
    const refusal = this.refusal(inviter, context);
    if (refusal) {
      this.refusedCount++;
      return refusal;
    }
    this.answering++;
    return undefined;
  }

  /** An admitted answer finished, whether it succeeded or not. */
  answered(): void {
    this.answering = Math.max(0, this.answering - 1);
  }

  /**
   * Whether the invitation leads somewhere other than a switchboard of the server's own address
   * family on an unprivileged port; such a one is counted. `serverHost` is the host signed in to
   * (a name says nothing about the family, so then only the port is judged).
   */
  isUnusual(ring: SwitchboardRing, serverHost: string | undefined): boolean {
    const serverFamily = serverHost === undefined ? 0 : isIP(serverHost);
    const ringFamily = isIP(ring.host);
    const unusual = ring.port < 1024 || ringFamily === 0 || (serverFamily !== 0 && ringFamily !== serverFamily);
    if (unusual) this.unusualCount++;
    return unusual;
  }

  private refusal(inviter: string, { openConversations, joinsExisting }: InvitationContext): Refusal | undefined {
    if (this.answering >= this.limits.maxAnswering) return 'answering';
    if (!joinsExisting && openConversations + this.answering >= this.limits.maxConversations) return 'conversations';
    return this.spend(inviter) ? undefined : 'inviter';
  }

  /** Takes one from the inviter's budget, refilled for the time since it was last used. */
  private spend(inviter: string): boolean {
    const now = this.now();
    const { perInviterBurst, perInviterRefillMs } = this.limits;
    this.forgetFull(now);
    const budget = this.budgets.get(inviter) ?? { tokens: perInviterBurst, updatedAt: now };
    budget.tokens = Math.min(perInviterBurst, budget.tokens + (now - budget.updatedAt) / perInviterRefillMs);
    budget.updatedAt = now;
    this.budgets.delete(inviter);
    this.budgets.set(inviter, budget);
    if (budget.tokens < 1) return false;
    budget.tokens -= 1;
    return true;
  }

  /** Budgets that have grown back in full are the same as none: dropped, oldest first. */
  private forgetFull(now: number): void {
    const { perInviterBurst, perInviterRefillMs } = this.limits;
    for (const [inviter, budget] of this.budgets) {
      if (budget.tokens + (now - budget.updatedAt) / perInviterRefillMs < perInviterBurst) return;
      this.budgets.delete(inviter);
    }
  }
}
