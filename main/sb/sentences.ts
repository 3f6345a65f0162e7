// What the user reads in a conversation when something goes wrong on the switchboard.

import { ProtocolError, RequestTimeoutError, describeProtocolError } from '../../protocol/index';

/** Why a `CAL` for `name` failed (§6.3, §6.10). */
export function callFailure(name: string, handle: string, error: unknown): string {
  if (error instanceof ProtocolError) {
    switch (error.code) {
      case 208:
        return `${handle} is not a valid sign-in name.`;
      case 215:
        return `${name} is already in this conversation.`;
      case 216:
      case 217:
        return `${name} is offline or not accepting instant messages right now.`;
      case 713:
        return `You are inviting people too quickly, so ${name} was not invited. Please wait a moment and try again.`;
      default:
        return `${name} could not be invited: ${describeProtocolError(error.code)}`;
    }
  }
  if (error instanceof RequestTimeoutError) return `${name} could not be invited: the switchboard did not answer.`;
  return `${name} could not be invited: ${messageOf(error)}`;
}

export function noAnswer(name: string): string {
  return `${name} did not join the conversation.`;
}

/** A message waits in a conversation that has nobody left in it to call. */
export function nobodyToCall(): string {
  return 'There is nobody in this conversation to send to. Invite someone, then send your message again.';
}

/** Why no switchboard could be opened (XFR SB refused, unreachable, USR refused). */
export function startFailure(error: unknown): string {
  return `Could not start the conversation. ${messageOf(error)}`;
}

export function undelivered(text: string, names: readonly string[]): string {
  const characters = [...text];
  const preview = characters.length > 60 ? `${characters.slice(0, 57).join('')}...` : text;
  const to = names.length > 0 ? names.join(', ') : 'anyone';
  return `The following message could not be delivered to ${to}: "${preview}"`;
}

export function joinedLine(name: string): string {
  return `${name} has joined the conversation.`;
}

export function leftLine(name: string): string {
  return `${name} has left the conversation.`;
}

export function leftBlocked(name: string): string {
  return `You blocked ${name}, so you have left this conversation.`;
}

export function invitationDeclined(name: string, application: string | undefined): string {
  const what = application ? `an invitation to "${application}"` : 'an invitation';
  return `${name} sent ${what}, which this version of MSN Messenger cannot accept. It was declined.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A conversation id that names none open (closed meanwhile, or never there). */
export const NO_SUCH_CONVERSATION = 'That conversation is no longer open.';
