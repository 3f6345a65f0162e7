// Switchboard sessions and conversations (§6, §7). The messenger facade builds the service with
// `createConversationService(host)` and forwards RNGs to `ring`.

import { type ConversationOptions, Conversations } from './conversations';
import type { ConversationHost, ConversationService } from './types';

export type * from './types';
export { Conversations, type ConversationOptions } from './conversations';
export { DEFAULT_MESSAGE_FORMAT, formatHeaderValue, parseFormatHeader, normalizeFormat, bgrToCss, cssToBgr } from './format';

export function createConversationService(host: ConversationHost, options?: ConversationOptions): ConversationService {
  return new Conversations(host, options);
}
