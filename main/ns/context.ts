// What the concern modules (presence, lists, privacy, services) get from the session: the
// negotiated dialect, the lists, a way to send requests and to emit events.

import type { Dialect } from '../../shared/model';
import type { MsnpCommand, RequestOptions } from '../../protocol/index';
import type { NotificationEvents } from './events';
import type { ContactLists } from './lists';

export interface NsContext {
  dialect(): Dialect;
  /** My handle as the server spells it. */
  handle(): string;
  lists(): ContactLists;
  /** Replaces the lists, writes them to the cache and emits `lists`. */
  commitLists(lists: ContactLists): void;
  /** A request on the NS; list-changing requests that fail without an answer invalidate the cache. */
  request(name: string, params?: readonly string[], options?: RequestOptions): Promise<MsnpCommand>;
  emit<K extends keyof NotificationEvents>(event: K, payload: NotificationEvents[K]): void;
  /** A server line a handler cannot use: logged and emitted as `malformed`, never thrown. */
  malformed(command: MsnpCommand, reason: string): void;
  /** An NLN showed `handle` under `name`: how a contact's new name arrives (§5.6). */
  nameSeen(handle: string, name: string): void;
  /** `ADD 0 RL`: `handle` added me; the "added you" review runs for them (§11.4). */
  addedMe(handle: string): void;
}

/**
 * What one unsolicited command does, given the session it came to: the tables are made once, for
 * every session (a sign-in makes none of them).
 */
export type CommandHandler = (context: NsContext, command: MsnpCommand) => void;
export type HandlerTable = Readonly<Record<string, CommandHandler>>;
