// Changing the lists and settings: ADD/REM/REA/GTC/BLP requests, and the same commands arriving
// unsolicited (TrID 0) when someone adds me or the lists change elsewhere (§5.3–§5.9, §11.2).

import { isValidHandle } from '../../shared/handles';
import { type AddedAlertMode, type ListName, MAX_ENCODED_NAME_BYTES, type PrivacyMode } from '../../shared/model';
import { ProtocolError, isSuccessClassError, percentDecode, percentEncode } from '../../protocol/index';
import type { HandlerTable, NsContext } from './context';
import { SessionError } from './errors';
import { type ContactLists, isListName, keyOf, withEntryOffList, withEntryOnList, withEntryRenamed } from './lists';

export type EditableList = Exclude<ListName, 'RL'>;

export function encodeFriendlyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new SessionError('input', 'empty-name');
  const encoded = percentEncode(trimmed);
  if (encoded.length > MAX_ENCODED_NAME_BYTES) {
    throw new SessionError('input', 'name-too-long', undefined, { maxBytes: MAX_ENCODED_NAME_BYTES });
  }
  return encoded;
}

export function validateContactHandle(handle: string): void {
  if (!isValidHandle(handle)) {
    throw new SessionError('input', 'invalid-handle', undefined, { handle });
  }
}

function versionOf(token: string | undefined, lists: ContactLists): number {
  const version = Number(token);
  return Number.isInteger(version) && version >= 0 ? version : lists.version;
}

/** Unsolicited ADD/REM/REA; `ADD 0 RL` also runs the "added you" review (context.addedMe). */
export const LIST_HANDLERS: HandlerTable = {
  ADD: (context, command) => {
    const [, list, version, handle, name] = command.params;
    if (!isListName(list) || !isValidHandle(handle)) return context.malformed(command, 'no list or no handle');
    const lists = context.lists();
    context.commitLists(withEntryOnList(lists, list, handle, percentDecode(name ?? handle), versionOf(version, lists)));
    if (list === 'RL') context.addedMe(handle);
  },
  REM: (context, command) => {
    const [, list, version, handle] = command.params;
    if (!isListName(list) || !isValidHandle(handle)) return context.malformed(command, 'no list or no handle');
    const lists = context.lists();
    context.commitLists(withEntryOffList(lists, list, handle, versionOf(version, lists)));
  },
  REA: (context, command) => {
    const [, version, handle, name] = command.params;
    if (!isValidHandle(handle) || name === undefined) return context.malformed(command, 'no handle or no name');
    applyRename(context, versionOf(version, context.lists()), handle, percentDecode(name));
  },
};

function applyRename(context: NsContext, version: number, handle: string, name: string): void {
  const lists = context.lists();
  if (keyOf(handle) === keyOf(context.handle())) {
    context.commitLists({ ...lists, version });
    context.emit('friendlyName', name);
  } else {
    context.commitLists(withEntryRenamed(lists, handle, name, version));
  }
}

/** The name a list entry gets: the one already stored for the handle, else the handle (§5.7). */
function nameFor(lists: ContactLists, handle: string): string {
  const names = lists.entries.get(keyOf(handle))?.names;
  return names?.FL ?? names?.RL ?? names?.AL ?? names?.BL ?? handle;
}

export async function addToList(context: NsContext, list: EditableList, handle: string, name?: string): Promise<void> {
  validateContactHandle(handle);
  const stored = name ?? nameFor(context.lists(), handle);
  const reply = await context.request('ADD', [list, handle, encodeFriendlyName(stored)]);
  const [, , version, echoedHandle, echoedName] = reply.params;
  const lists = context.lists();
  context.commitLists(withEntryOnList(lists, list, echoedHandle ?? handle, percentDecode(echoedName ?? stored), versionOf(version, lists)));
}

export async function removeFromList(context: NsContext, list: EditableList, handle: string): Promise<void> {
  validateContactHandle(handle);
  const reply = await context.request('REM', [list, handle]);
  const lists = context.lists();
  context.commitLists(withEntryOffList(lists, list, handle, versionOf(reply.params[2], lists)));
}

/** REA with my own handle; the server's echo is the name that counts (§5.9). */
export async function renameMe(context: NsContext, name: string): Promise<void> {
  const encoded = encodeFriendlyName(name);
  const reply = await context.request('REA', [context.handle(), encoded]);
  applyRename(context, versionOf(reply.params[1], context.lists()), context.handle(), percentDecode(reply.params[3] ?? encoded));
}

/** REA with a contact's handle: the name stored for them in my lists (§5.9). */
export async function renameContact(context: NsContext, handle: string, name: string): Promise<void> {
  const encoded = encodeFriendlyName(name);
  const reply = await context.request('REA', [handle, encoded]);
  const [, version, echoedHandle, echoedName] = reply.params;
  applyRename(context, versionOf(version, context.lists()), echoedHandle ?? handle, percentDecode(echoedName ?? encoded));
}

/** BLP and GTC share their shape; 218 ("already in that mode") counts as success. */
async function changeSetting(context: NsContext, command: 'BLP' | 'GTC', value: string): Promise<number | undefined> {
  try {
    const reply = await context.request(command, [value]);
    return versionOf(reply.params[1], context.lists());
  } catch (error) {
    if (error instanceof ProtocolError && isSuccessClassError(error.code)) return undefined;
    throw error;
  }
}

export async function setPrivacyMode(context: NsContext, privacy: PrivacyMode): Promise<void> {
  const version = await changeSetting(context, 'BLP', privacy);
  const lists = context.lists();
  context.commitLists({ ...lists, privacy, version: version ?? lists.version });
}

export async function setAddedAlert(context: NsContext, addedAlert: AddedAlertMode): Promise<void> {
  const version = await changeSetting(context, 'GTC', addedAlert);
  const lists = context.lists();
  context.commitLists({ ...lists, addedAlert, version: version ?? lists.version });
}
