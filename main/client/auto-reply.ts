// The away auto-reply: while my status is one of the away statuses and I wrote a reply for it, the
// first message someone sends in a conversation gets that reply, once; a change of status starts
// over. It never answers an automatic message, so two people away cannot answer each other forever.

import type { StatusCode } from '../../shared/model';
import { type AutoReplies, isAwayStatus } from '../../shared/preferences';

export interface AutoReplyHost {
  /** My status as others see it now. */
  status(): StatusCode;
  /** Sends `text` as an automatic reply in the conversation. */
  reply(conversationId: string, text: string): void;
}

export class AutoReply {
  private replies: AutoReplies = {};
  /** The status the answered set belongs to. */
  private heldStatus: StatusCode | undefined;
  private readonly answered = new Set<string>();

  constructor(private readonly host: AutoReplyHost) {}

  /** The replies per status; an empty set turns the auto-reply off. */
  set(replies: AutoReplies): void {
    this.replies = replies;
  }

  get current(): AutoReplies {
    return this.replies;
  }

  /** Called with every state; a new status means every conversation may be answered again. */
  statusChanged(status: StatusCode): void {
    if (status === this.heldStatus) return;
    this.heldStatus = status;
    this.answered.clear();
  }

  /** Someone else's message arrived in a conversation. */
  received({ conversationId, automatic }: { readonly conversationId: string; readonly automatic?: true }): void {
    if (automatic) return;
    const status = this.host.status();
    this.statusChanged(status);
    if (!isAwayStatus(status)) return;
    const text = this.replies[status]?.trim();
    if (!text || this.answered.has(conversationId)) return;
    this.answered.add(conversationId);
    this.host.reply(conversationId, text);
  }
}
