// `window.msn` for a page of the browser host: the same API as the Electron preload, carried over
// the host's WebSocket (shared/web-protocol.ts). Commands sent while the socket is down wait for
// it; if it drops, pending commands fail as network errors and the bridge reconnects, and the
// host's fresh snapshot brings the page up to date.

import { COMMAND_NAMES, type CommandResult } from '../../../shared/commands';
import { EVENT_NAMES, type EventName, type IpcEvents, type MsnApi, type Notice } from '../../../shared/ipc';
import { openableLink } from '../../../shared/links';
import { parseRoute } from '../../../shared/routes';
import type { AppError } from '../../../shared/model';
import {
  PAGE_PARAMETER,
  TOKEN_PARAMETER,
  WEB_SOCKET_PATH,
  type HostMessage,
  type OpenMessage,
} from '../../../shared/web-protocol';

/** What the bridge needs from the page; tests pass their own. */
export interface BridgeEnvironment {
  /** The page's own URL (for the token, the route and the host). */
  readonly pageUrl: string;
  readonly createSocket: (url: string) => WebSocket;
  /** Opens a window; false when the browser blocked it. */
  readonly openWindow: (url: string, target: string) => boolean;
  /** Runs `reconnect` after `delayMs` (setTimeout in a page). */
  readonly schedule: (reconnect: () => void, delayMs: number) => void;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 10_000;

const LOST: AppError = { kind: 'network', reason: 'host-lost' };
const POPUPS_BLOCKED: AppError = { kind: 'unsupported', reason: 'popups-blocked' };
const LINK_REFUSED: AppError = { kind: 'input', reason: 'link-refused' };

type Listener = (payload: never) => void;
type Pending = (result: CommandResult<unknown>) => void;

export function createWebBridge(environment: BridgeEnvironment): MsnApi {
  const page = new URL(environment.pageUrl);
  const socketUrl = new URL(WEB_SOCKET_PATH, page);
  socketUrl.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
  socketUrl.searchParams.set(TOKEN_PARAMETER, page.searchParams.get(TOKEN_PARAMETER) ?? '');
  socketUrl.searchParams.set(PAGE_PARAMETER, page.hash.slice(1) || '/contacts');

  const listeners = new Map<EventName, Set<Listener>>();
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  let nextId = 1;
  let socket: WebSocket | undefined;
  let retryMs = FIRST_RETRY_MS;
  let toldLost = false;

  const emit = <E extends EventName>(event: E, payload: IpcEvents[E]): void => {
    for (const listener of [...(listeners.get(event) ?? [])]) (listener as (payload: IpcEvents[E]) => void)(payload);
  };
  /** A notice of the bridge's own (the host went away, a blocked pop-up), for the page's account. */
  const tell = (notice: Notice): void => emit('notice', { account: parseRoute(page.hash).account, notice });

  const open = ({ url, target }: OpenMessage): void => {
    const resolved = new URL(url, page);
    const sameOrigin = resolved.origin === page.origin;
    if (!sameOrigin && resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return;
    const opened = environment.openWindow(resolved.href, target);
    if (!opened && target !== '_blank') tell({ kind: 'error', error: POPUPS_BLOCKED });
  };

  const receive = (text: string): void => {
    const message = JSON.parse(text) as HostMessage;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      emit(message.name, message.payload as never);
    } else if (message.type === 'open') {
      open(message);
    }
  };

  const connect = (): void => {
    const current = environment.createSocket(socketUrl.href);
    socket = current;
    current.addEventListener('open', () => {
      retryMs = FIRST_RETRY_MS;
      toldLost = false;
      for (const text of queued.splice(0)) current.send(text);
    });
    current.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data === 'string') receive(event.data);
    });
    current.addEventListener('close', () => {
      socket = undefined;
      // Everything in flight has failed for its caller: none of it may run later.
      queued.length = 0;
      for (const settle of pending.values()) settle({ ok: false, error: LOST });
      pending.clear();
      if (!toldLost) tell({ kind: 'error', error: LOST });
      toldLost = true;
      environment.schedule(connect, retryMs);
      retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
    });
  };

  const call = (name: string, args: unknown[]): Promise<CommandResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId;
      nextId += 1;
      pending.set(id, resolve);
      const text = JSON.stringify({ type: 'command', id, name, args });
      if (socket !== undefined && socket.readyState === socket.OPEN) socket.send(text);
      else queued.push(text);
    });

  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (...args: unknown[]) => call(name, args)]),
  ) as Omit<MsnApi, 'on'>;

  // A link opens here, in the click that asked for it: a round trip to the host would lose the
  // click, and the browser would block the new tab. `_blank` tabs open with noopener.
  const openLink: MsnApi['openLink'] = (href) => {
    const url = openableLink(href);
    if (url === undefined) return Promise.resolve({ ok: false, error: LINK_REFUSED });
    environment.openWindow(url, '_blank');
    return Promise.resolve({ ok: true, value: undefined });
  };

  const on: MsnApi['on'] = (event, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener as Listener);
    return () => {
      set.delete(listener as Listener);
    };
  };

  connect();
  return Object.freeze({ ...commands, openLink, on });
}
