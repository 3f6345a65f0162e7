// What a person reads for the codes main sends: tests of the main side check the wording through
// the renderer's own strings, so a test reads like the window the user sees.

export { describeError as errorText, describeTranscriptEvent as lineText } from '../../renderer/src/error-strings';

import type { AppError } from '../../shared/errors';
import { describeError } from '../../renderer/src/error-strings';

type ConversationError = { readonly conversationId?: string; readonly messageId?: string } & ({ readonly error: AppError } | AppError);

/** A conversation's error event (the service's or the messenger's shape) as the person reads it. */
export function worded(event: ConversationError): { conversationId?: string; messageId?: string; code?: number; message: string } {
  const error = 'error' in event ? event.error : event;
  return {
    ...(event.conversationId !== undefined && { conversationId: event.conversationId }),
    ...(event.messageId !== undefined && { messageId: event.messageId }),
    ...(error.code !== undefined && { code: error.code }),
    message: describeError(error),
  };
}
