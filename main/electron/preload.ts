// Runs in each renderer before its page, sandboxed. It puts `window.msn` in the page: one method
// per command of the shared contract plus `on` for events, generated from the command table
// (shared/commands.ts) so that adding a command there adds it here. ipcRenderer itself never reaches the page.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_NAMES, commandChannel } from '../../shared/commands';
import { EVENT_NAMES, eventChannel, type MsnApi } from '../../shared/ipc';

const commands = Object.fromEntries(
  COMMAND_NAMES.map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(commandChannel(name), ...args)]),
) as Omit<MsnApi, 'on'>;

const on: MsnApi['on'] = (event, listener) => {
  if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  const channel = eventChannel(event);
  const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

const msn: MsnApi = { ...commands, on };

contextBridge.exposeInMainWorld('msn', msn);
