// The CLI's stdin commands, one per line. Parsing is pure; running one resolves when it is done,
// and any failure becomes an AppError for an `error` event (the session goes on).

import { UsageError } from './arguments';
import type { Messenger } from '../client/messenger';
import { type ListName, URL_SERVICES, type UrlService } from '../../shared/model';
import { AWAY_STATUSES, type AwayStatus, MAX_AUTO_REPLY_LENGTH, isAwayStatus } from '../../shared/preferences';
import { isSettableStatus } from '../ns/presence';
import { type HistoryCliCommand, parseHistoryCommand } from './history-commands';

type EditableList = Exclude<ListName, 'RL'>;

export type CliCommand =
  | { readonly name: 'status'; readonly status: Parameters<Messenger['setStatus']>[0] }
  | { readonly name: 'name'; readonly text: string }
  | { readonly name: 'add' | 'remove'; readonly list: EditableList; readonly handle: string }
  | { readonly name: 'privacy'; readonly mode: 'AL' | 'BL' }
  | { readonly name: 'alerts' | 'ims'; readonly on: boolean }
  | { readonly name: 'invite'; readonly email: string }
  | { readonly name: 'url'; readonly service: UrlService; readonly arg?: string }
  | { readonly name: 'say'; readonly handle: string; readonly text: string }
  | HistoryCliCommand
  | { readonly name: 'autoreply'; readonly status: AwayStatus; readonly text: string }
  | { readonly name: 'autoreply'; readonly off: true }
  | { readonly name: 'quit' };

const bad = (message: string): UsageError => new UsageError(message);

const onOff = (word: string | undefined, command: string): boolean => {
  if (word === 'on' || word === 'off') return word === 'on';
  throw bad(`"${command}" takes on or off.`);
};

const editableList = (word: string | undefined, command: string): EditableList => {
  if (word === 'FL' || word === 'AL' || word === 'BL') return word;
  throw bad(`"${command}" takes a list (FL, AL or BL) and a handle.`);
};

/** Parses one line; throws a UsageError (in the CLI's words) for anything it cannot understand. */
export function parseCliCommand(line: string): CliCommand {
  const trimmed = line.trim();
  const [name = '', ...words] = trimmed.split(/\s+/);
  /** The text after the first `count` words, spacing kept. */
  const rest = (count: number): string => trimmed.replace(new RegExp(`^(\\S+\\s+){${count}}`), '');
  switch (name) {
    case 'status': {
      const status = words[0]?.toUpperCase();
      if (words.length !== 1 || !isSettableStatus(status)) throw bad('"status" takes one of NLN BSY IDL BRB AWY PHN LUN HDN.');
      return { name, status };
    }
    case 'name':
      if (words.length === 0) throw bad('"name" takes the new friendly name.');
      return { name, text: rest(1) };
    case 'add':
    case 'remove':
      if (words.length !== 2) throw bad(`"${name}" takes a list (FL, AL or BL) and a handle.`);
      return { name, list: editableList(words[0]?.toUpperCase(), name), handle: words[1] as string };
    case 'privacy': {
      const mode = words[0]?.toUpperCase();
      if (words.length !== 1 || (mode !== 'AL' && mode !== 'BL')) throw bad('"privacy" takes AL or BL.');
      return { name, mode };
    }
    case 'alerts':
    case 'ims':
      if (words.length !== 1) throw bad(`"${name}" takes on or off.`);
      return { name, on: onOff(words[0]?.toLowerCase(), name) };
    case 'invite':
      if (words.length !== 1) throw bad('"invite" takes one e-mail address.');
      return { name, email: words[0] as string };
    case 'url': {
      const service = words[0]?.toUpperCase() as UrlService | undefined;
      if (!service || !URL_SERVICES.includes(service) || words.length > 2) {
        throw bad(`"url" takes a service (${URL_SERVICES.join(', ')}) and, for COMPOSE, an address.`);
      }
      return words[1] === undefined ? { name, service } : { name, service, arg: words[1] };
    }
    case 'say':
      if (words.length < 2) throw bad('"say" takes a handle and the text.');
      return { name, handle: words[0] as string, text: rest(2) };
    case 'history':
      return parseHistoryCommand(words, rest);
    case 'autoreply': {
      if (words.length === 1 && words[0]?.toLowerCase() === 'off') return { name, off: true };
      const status = words[0]?.toUpperCase();
      const usage = `"autoreply" takes off, or a status (${AWAY_STATUSES.join(' ')}) and the text to answer with.`;
      if (words.length < 2 || !isAwayStatus(status)) throw bad(usage);
      const text = rest(2);
      if ([...text].length > MAX_AUTO_REPLY_LENGTH) throw bad(`An automatic reply has at most ${MAX_AUTO_REPLY_LENGTH} characters.`);
      return { name, status, text };
    }
    case 'quit':
      if (words.length !== 0) throw bad('"quit" takes nothing.');
      return { name };
    default:
      throw bad(
        name === ''
          ? 'Empty command.'
          : `Unknown command "${name.slice(0, 40)}". Commands: status, name, add, remove, privacy, alerts, ims, invite, url, say, autoreply, history, quit.`,
      );
  }
}

/** Runs one command (not quit, not history). `say` resolves once the message is queued; delivery is reported by events. */
export async function runCliCommand(messenger: Messenger, command: Exclude<CliCommand, { name: 'quit' | 'history' }>, openBrowser: boolean): Promise<void> {
  switch (command.name) {
    case 'status':
      return messenger.setStatus(command.status);
    case 'name':
      return messenger.setFriendlyName(command.text);
    case 'add':
      return messenger.addContact(command.list, command.handle);
    case 'remove':
      return messenger.removeContact(command.list, command.handle);
    case 'privacy':
      return messenger.setPrivacyMode(command.mode);
    case 'alerts':
      return messenger.setAddedAlert(command.on ? 'A' : 'N');
    case 'ims':
      return messenger.setIms(command.on);
    case 'invite':
      return messenger.inviteByEmail(command.email);
    case 'url':
      await messenger.openUrl(command.service, command.arg, { open: openBrowser });
      return;
    case 'autoreply':
      messenger.setAutoReplies('off' in command ? {} : { ...messenger.autoReplies, [command.status]: command.text });
      return;
    case 'say': {
      const conversationId = messenger.openConversation(command.handle);
      messenger.sendMessage(conversationId, command.text);
      return;
    }
  }
}
