// Presence: my status (CHG, §5.5) and my contacts' (ILN/NLN/FLN, §5.6).

import { isValidHandle } from '../../shared/handles';
import { SETTABLE_STATUSES, type SettableStatus, type StatusCode } from '../../shared/model';
import { type MsnpCommand, percentDecode } from '../../protocol/index';
import type { HandlerTable, NsContext } from './context';

export function isSettableStatus(value: string | undefined): value is SettableStatus {
  return (SETTABLE_STATUSES as readonly string[]).includes(value ?? '');
}

/** Servers never send FLN/HDN in ILN/NLN; an unknown code is shown as plain online (§10). */
function contactStatus(code: string | undefined): StatusCode {
  return isSettableStatus(code) && code !== 'HDN' ? code : 'NLN';
}

/** `onNameSeen` hears every name an NLN shows: that is how a contact's rename arrives (§5.6). */
export function presenceHandlers(context: NsContext, onNameSeen: (handle: string, name: string) => void): HandlerTable {
  // A sign-in's ILN burst is hundreds of lines: they are read by index, and the event made in one go.
  const announce = (command: MsnpCommand, status: string | undefined, handle: string | undefined, name: string | undefined, initial: boolean): void => {
    if (!isValidHandle(handle)) return context.malformed(command, 'no handle');
    const event = name === undefined ? { handle, status: contactStatus(status), initial } : { handle, status: contactStatus(status), friendlyName: percentDecode(name), initial };
    context.emit('presence', event);
  };
  return {
    ILN: (command) => {
      const params = command.params;
      announce(command, params[1], params[2], params[3], true);
    },
    NLN: (command) => {
      const params = command.params;
      const handle = params[1];
      const name = params[2];
      announce(command, params[0], handle, name, false);
      if (isValidHandle(handle) && name !== undefined) onNameSeen(handle, percentDecode(name));
    },
    FLN: (command) => {
      const [handle] = command.params;
      if (!isValidHandle(handle)) return context.malformed(command, 'no handle');
      context.emit('presence', { handle, status: 'FLN', initial: false });
    },
    // `CHG 0 status`: the server changed my status by itself.
    CHG: (command) => {
      const status = command.params[1];
      if (!isSettableStatus(status)) return context.malformed(command, 'not a status');
      context.emit('status', status);
    },
  };
}

/** The status only counts as changed when the server echoes it (§5.5). */
export async function changeStatus(context: NsContext, status: SettableStatus): Promise<SettableStatus> {
  const reply = await context.request('CHG', [status]);
  const echoed = reply.params[1];
  const result = isSettableStatus(echoed) ? echoed : status;
  context.emit('status', result);
  return result;
}
