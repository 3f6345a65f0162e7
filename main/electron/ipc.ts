// The only file that talks to ipcMain. A command runs only for our own window's main frame
// showing our own page; its arguments go to the core's dispatch unchecked here, because the core
// validates them for every shell alike (a bad argument is answered with the field's own error).

import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { type CommandName, type CommandReply, commandChannel } from '../../shared/commands';
import { type EventName, type IpcEvents, eventChannel } from '../../shared/ipc';
import { isRendererUrl } from './renderer-url';

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    BrowserWindow.fromWebContents(event.sender) !== null &&
    isRendererUrl(frame.url)
  );
}

/** Registers the handler of a command. Throws (rejecting the caller's promise) on a foreign sender. */
export function handle<K extends CommandName>(name: K, fn: (args: unknown[]) => Promise<CommandReply<K>>): void {
  ipcMain.handle(commandChannel(name), (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      throw new Error(`${name}: refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    }
    return fn(args);
  });
}

/** Sends an event to every open window. */
export function broadcast<E extends EventName>(event: E, payload: IpcEvents[E]): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
  }
}

/** Sends an event to one page (the snapshot a window gets once it has loaded). */
export function sendTo<E extends EventName>(contents: WebContents, event: E, payload: IpcEvents[E]): void {
  if (!contents.isDestroyed()) contents.send(eventChannel(event), payload);
}
