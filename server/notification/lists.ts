// The four lists and the list settings (§5.1–§5.4, §5.7–§5.9, §11): SYN, LST, GTC, BLP, ADD, REM
// and REA. Every change bumps the account's single list version.

import { percentDecode } from '../../protocol/index';
import { MAX_ENCODED_NAME_BYTES } from '../../shared/model';
import { type Account, LIST_NAMES, type ListName, isValidHandle, normalizeHandle } from '../accounts';
import type { ServerContext } from '../context';
import { refreshView, refreshWatchersOf } from './presence';
import type { CommandSpec, NotificationSession } from './session';

type EditableList = Exclude<ListName, 'RL'>;

function isEditableList(list: string | undefined): list is EditableList {
  return list === 'FL' || list === 'AL' || list === 'BL';
}

/** A name token is acceptable when it fits and decodes to text without control characters. */
export function isAcceptableName(token: string): boolean {
  return Buffer.byteLength(token) <= MAX_ENCODED_NAME_BYTES && ![...percentDecode(token)].some(isControlCharacter);
}

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) as number;
  return code < 0x20 || code === 0x7f;
}

function sendList(session: NotificationSession, trid: string, list: ListName): void {
  const account = session.account;
  const entries = [...account.lists[list]];
  const version = String(account.version);
  if (entries.length === 0) return session.peer.send('LST', [trid, list, version, '0', '0']);
  entries.forEach(([handle, name], index) => {
    session.peer.send('LST', [trid, list, version, String(index + 1), String(entries.length), handle, name]);
  });
}

/** Tells the other account (if signed in) that its reverse list changed. */
function updateReverseList(context: ServerContext, owner: Account, contactHandle: string, added: boolean): void {
  const contact = context.accounts.get(contactHandle);
  if (!contact || contact.lists.RL.has(owner.handle) === added) return;
  if (added) contact.lists.RL.set(owner.handle, owner.wireName);
  else contact.lists.RL.delete(owner.handle);
  const version = String(contact.bumpVersion());
  const member = context.online.get(contact.handle);
  if (added) member?.notify('ADD', ['0', 'RL', version, owner.handle, owner.wireName]);
  else member?.notify('REM', ['0', 'RL', version, owner.handle]);
}

function setListMode<K extends 'addedAlert' | 'privacy'>(
  session: NotificationSession,
  trid: string,
  command: string,
  key: K,
  value: string | undefined,
  allowed: readonly Account[K][],
): void {
  const account = session.account;
  if (!allowed.includes(value as Account[K])) return session.peer.drop(`${command} ${value ?? ''} is not a valid mode`);
  if (account[key] === value) return session.peer.send('218', [trid]);
  account[key] = value as Account[K];
  session.peer.send(command, [trid, String(account.bumpVersion()), value as string]);
  if (key === 'privacy') refreshWatchersOf(session.context, account.handle);
}

export const listCommands: Record<string, CommandSpec> = {
  SYN: {
    phases: ['signed-in'],
    minParams: 1,
    handle(session, command, trid) {
      const account = session.account;
      const version = String(account.version);
      session.peer.send('SYN', [trid, version]);
      if (command.params[1] === version) return;
      session.peer.send('GTC', [trid, version, account.addedAlert]);
      session.peer.send('BLP', [trid, version, account.privacy]);
      for (const list of LIST_NAMES) sendList(session, trid, list);
    },
  },
  LST: {
    phases: ['signed-in'],
    minParams: 1,
    handle(session, command, trid) {
      const list = command.params[1] as ListName;
      if (!LIST_NAMES.includes(list)) return session.peer.send('201', [trid]);
      sendList(session, trid, list);
    },
  },
  GTC: {
    phases: ['signed-in'],
    minParams: 1,
    handle: (session, command, trid) => setListMode(session, trid, 'GTC', 'addedAlert', command.params[1], ['A', 'N']),
  },
  BLP: {
    phases: ['signed-in'],
    minParams: 1,
    handle: (session, command, trid) => setListMode(session, trid, 'BLP', 'privacy', command.params[1], ['AL', 'BL']),
  },
  ADD: {
    phases: ['signed-in'],
    minParams: 3,
    handle(session, command, trid) {
      const [, list, rawHandle, name] = command.params as [string, string, string, string];
      const { context, account, peer } = session;
      if (list === 'RL') return peer.drop('clients cannot add to the reverse list');
      if (!isEditableList(list) || !isValidHandle(rawHandle)) return peer.send('201', [trid]);
      const handle = normalizeHandle(rawHandle);
      if (!context.accounts.get(handle)) return peer.send('205', [trid]);
      if (!isAcceptableName(name)) return peer.send('209', [trid]);
      if (account.lists[list].has(handle)) return peer.send('215', [trid]);
      const opposite = list === 'AL' ? 'BL' : list === 'BL' ? 'AL' : undefined;
      if (opposite && account.lists[opposite].has(handle)) return peer.send('219', [trid]);
      if (account.lists[list].size >= context.settings.listLimits[list]) return peer.send('210', [trid]);
      account.lists[list].set(handle, name);
      peer.send('ADD', [trid, list, String(account.bumpVersion()), handle, name]);
      if (list === 'FL') {
        refreshView(context, session, handle, trid);
        updateReverseList(context, account, handle, true);
      } else {
        refreshWatchersOf(context, account.handle);
      }
    },
  },
  REM: {
    phases: ['signed-in'],
    minParams: 2,
    handle(session, command, trid) {
      const [, list, rawHandle] = command.params as [string, string, string];
      const { context, account, peer } = session;
      if (list === 'RL') return peer.drop('clients cannot remove from the reverse list');
      if (!isEditableList(list)) return peer.send('201', [trid]);
      const handle = normalizeHandle(rawHandle);
      if (!account.lists[list].delete(handle)) return peer.send('216', [trid]);
      peer.send('REM', [trid, list, String(account.bumpVersion()), handle]);
      if (list === 'FL') {
        session.seen.delete(handle);
        updateReverseList(context, account, handle, false);
      } else {
        refreshWatchersOf(context, account.handle);
      }
    },
  },
  REA: {
    phases: ['signed-in'],
    minParams: 2,
    handle(session, command, trid) {
      const [, rawHandle, name] = command.params as [string, string, string];
      const { context, account, peer } = session;
      if (!isAcceptableName(name)) return peer.send('209', [trid]);
      const handle = normalizeHandle(rawHandle);
      if (handle === account.handle) {
        account.friendlyName = percentDecode(name);
        peer.send('REA', [trid, String(account.bumpVersion()), handle, account.wireName]);
        refreshWatchersOf(context, account.handle);
        return;
      }
      const lists = LIST_NAMES.filter((list) => account.lists[list].has(handle));
      if (lists.length === 0) return peer.send('216', [trid]);
      for (const list of lists) account.lists[list].set(handle, name);
      peer.send('REA', [trid, String(account.bumpVersion()), handle, name]);
    },
  },
};
