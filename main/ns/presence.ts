// Presence: my status (CHG, §5.5) and my contacts' (ILN/NLN/FLN, §5.6).

import { isValidHandle } from '../../shared/handles';
import { SETTABLE_STATUSES, type SettableStatus, type StatusCode } from '../../shared/model';
import { type MsnpCommand, ParamReader } from '../../protocol/index';
import type { HandlerTable, NsContext } from './context';
import type { NotificationEvents } from './events';

export function isSettableStatus(value: string | undefined): value is SettableStatus {
  return (SETTABLE_STATUSES as readonly string[]).includes(value ?? '');
}

/**
 * One reader for every presence line of every session: a line's params are all read before its
 * event is emitted (which is when anything else could point the reader elsewhere).
 */
const params = new ParamReader();

/** The event of the line `params` was pointed at, whose status is param `statusAt`, then its handle and name. */
function announce(context: NsContext, command: MsnpCommand, statusAt: number, initial: boolean): NotificationEvents['presence'] | undefined {
  const handle = params.handle(statusAt + 1);
  if (handle === undefined) {
    context.malformed(command, 'no handle');
    return undefined;
  }
  // Servers never send FLN/HDN in ILN/NLN; an unknown code is shown as plain online (§10). The
  // code is read where it lies, as the constant it is (compared to others by reference from then on).
  const code = params.oneOf(statusAt, SETTABLE_STATUSES);
  const status: StatusCode = code !== undefined && code !== 'HDN' ? code : 'NLN';
  const friendlyName = params.decoded(statusAt + 2);
  const event = friendlyName === undefined ? { handle, status, initial } : { handle, status, friendlyName, initial };
  context.emit('presence', event);
  return event;
}

/**
 * My contacts' presence and my own status as the server sets it. A sign-in's ILN burst is hundreds
 * of lines: each is read where it lies (only the handle and the name become strings), and its event
 * made in one go. Every name an NLN shows is told to `nameSeen`: that is how a rename arrives (§5.6).
 */
export const PRESENCE_HANDLERS: HandlerTable = {
  ILN: (context, command) => {
    params.read(command);
    announce(context, command, 1, true);
  },
  NLN: (context, command) => {
    params.read(command);
    const event = announce(context, command, 0, false);
    if (event?.friendlyName !== undefined) context.nameSeen(event.handle, event.friendlyName);
  },
  FLN: (context, command) => {
    const [handle] = command.params;
    if (!isValidHandle(handle)) return context.malformed(command, 'no handle');
    context.emit('presence', { handle, status: 'FLN', initial: false });
  },
  // `CHG 0 status`: the server changed my status by itself.
  CHG: (context, command) => {
    const status = command.params[1];
    if (!isSettableStatus(status)) return context.malformed(command, 'not a status');
    context.emit('status', status);
  },
};

/** The status only counts as changed when the server echoes it (§5.5). */
export async function changeStatus(context: NsContext, status: SettableStatus): Promise<SettableStatus> {
  const reply = await context.request('CHG', [status]);
  const echoed = reply.params[1];
  const result = isSettableStatus(echoed) ? echoed : status;
  context.emit('status', result);
  return result;
}
