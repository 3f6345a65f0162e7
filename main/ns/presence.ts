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
  const announce = (command: MsnpCommand, status: string | undefined, handle: string | undefined, name: string | undefined, initial: boolean): void => {
    if (!isValidHandle(handle)) return context.malformed(command, 'no handle');
    context.emit('presence', {
      handle,
      status: contactStatus(status),
      ...(name !== undefined && { friendlyName: percentDecode(name) }),
      initial,
    });
  };
  return {
    ILN: (command) => {
      const [, status, handle, name] = command.params;
      announce(command, status, handle, name, true);
    },
    NLN: (command) => {
      const [status, handle, name] = command.params;
      announce(command, status, handle, name, false);
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
