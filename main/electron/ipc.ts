// The only file that talks to ipcMain. A command handler runs only for our own window's main
// frame showing our own page, and only with arguments its schema accepts; anything else is
// rejected before the handler sees it.

import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import {
  commandChannel,
  eventChannel,
  type CommandName,
  type CommandResult,
  type EventName,
  type IpcCommands,
  type IpcEvents,
} from '../../shared/ipc';
import { isRendererUrl } from './renderer-url';

type Args<K extends CommandName> = IpcCommands[K]['args'];
type Reply<K extends CommandName> = CommandResult<IpcCommands[K]['result']>;

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    BrowserWindow.fromWebContents(event.sender) !== null &&
    isRendererUrl(frame.url)
  );
}

/** Registers the handler of a command. Throws (rejecting the caller's promise) on a foreign sender or bad arguments. */
export function handle<K extends CommandName>(
  name: K,
  schema: z.ZodType<Args<K>>,
  fn: (...args: Args<K>) => Reply<K> | Promise<Reply<K>>,
): void {
  ipcMain.handle(commandChannel(name), (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) {
      throw new Error(`${name}: refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      throw new Error(`${name}: invalid arguments\n${z.prettifyError(parsed.error)}`);
    }
    return fn(...parsed.data);
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
