// An in-memory MsnApi for component tests: records every command, answers with defaults or a
// test's own handler, and emits events the way main does.

import { type AccountId, FIRST_ACCOUNT } from '../../../shared/accounts';
import { COMMAND_NAMES, type CommandName, type CommandReply, type CommandResult, isAccountCommand } from '../../../shared/commands';
import type { AccountSettings, AppInfo, ConsoleEvent, EventName, IpcEvents, MsnApi, Notice, Settings, StatePatch } from '../../../shared/ipc';
import { DEFAULT_PREFERENCES } from '../../../shared/preferences';
import type { WindowArgs } from '../bridge';
import { INITIAL_STATE, type Contact, type ListName, type MessengerState, type StatusCode } from '../../../shared/model';

export interface RecordedCall {
  readonly name: CommandName;
  readonly args: readonly unknown[];
}

type Handler<K extends CommandName> = (...args: WindowArgs<K>) => CommandReply<K>;

/** Events as one account's window sees them: the fake adds the account main would name. */
interface WindowEvents {
  snapshot: { state: MessengerState; settings: Settings };
  patch: StatePatch;
  notice: Notice;
  settings: Settings;
  console: Omit<ConsoleEvent, 'account'>;
}

export const TEST_ACCOUNT_SETTINGS: AccountSettings = {
  lastServer: 'demo',
  lastHandle: '',
  rememberPassword: false,
  autoSignIn: false,
  hasSavedPassword: false,
  hasProxyPassword: false,
};

export const TEST_SETTINGS: Settings = {
  autoIdleMinutes: 5,
  sounds: true,
  toasts: true,
  signInAtStart: false,
  accounts: { [FIRST_ACCOUNT]: TEST_ACCOUNT_SETTINGS },
  logMessageText: false,
  passwordStorage: 'keyring',
  history: {},
  presets: [
    { label: 'Local demo', address: 'demo' },
    { label: 'Example server', address: 'messenger.example.com:1863' },
  ],
  ...DEFAULT_PREFERENCES,
  spellCheckLanguages: [],
  recovered: [],
};

export const TEST_APP_INFO: AppInfo = {
  versions: { node: '22.20.0', electron: '45.5.0', chromium: '142.0.7444.52' },
  dataFolder: '/home/you/.config/MSN Messenger',
  logFile: '/home/you/.config/MSN Messenger/logs/main.log',
};

export function contact(handle: string, friendlyName: string, status: StatusCode = 'NLN', lists: ListName[] = ['FL', 'AL']): Contact {
  return { handle, friendlyName, status, lists };
}

export function signedInState(contacts: readonly Contact[] = [], overrides: Partial<MessengerState> = {}): MessengerState {
  return {
    ...INITIAL_STATE,
    session: {
      state: 'online',
      handle: 'you@demo.msn',
      friendlyName: 'You',
      status: 'NLN',
      dialect: 'MSNP3',
      server: '127.0.0.1:1863',
      imsEnabled: true,
      autoIdle: false,
    },
    mail: { inboxUnread: 0, foldersUnread: 0, enabled: true },
    contacts: [...contacts],
    ...overrides,
  };
}

/**
 * Main as one account's windows see it. Calls are recorded, and handlers called, without the
 * account an account command carries (after checking it is this fake's account).
 */
export class FakeMsn {
  readonly calls: RecordedCall[] = [];
  readonly account: AccountId = FIRST_ACCOUNT;
  readonly api: MsnApi;
  private readonly handlers = new Map<CommandName, (...args: never[]) => CommandResult<unknown>>();
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  /** Whether a window that starts listening gets its snapshot pushed, as main pushes it to a window that has loaded. */
  pushesSnapshot = true;

  constructor(
    public state: MessengerState = INITIAL_STATE,
    public settings: Settings = TEST_SETTINGS,
  ) {
    const api: Record<string, unknown> = {
      on: (event: EventName, listener: (payload: never) => void) => {
        const set = this.listeners.get(event) ?? new Set();
        set.add(listener);
        this.listeners.set(event, set);
        // As main does once a window has loaded: its snapshot comes without being asked for.
        if (event === 'snapshot' && this.pushesSnapshot) {
          setTimeout(() => this.emit('snapshot', { state: this.state, settings: this.settings }));
        }
        return () => set.delete(listener);
      },
    };
    for (const name of COMMAND_NAMES) {
      api[name] = (...sent: never[]) => {
        const [account, ...rest] = sent;
        if (isAccountCommand(name) && account !== this.account) {
          return Promise.resolve({ ok: false, error: { kind: 'input', message: `Not this window's account: ${String(account)}` } });
        }
        const args = isAccountCommand(name) ? rest : sent;
        this.calls.push({ name, args });
        return Promise.resolve(this.answer(name, args));
      };
    }
    this.api = api as unknown as MsnApi;
  }

  /** Replaces the default answer of one command. */
  respond<K extends CommandName>(name: K, handler: Handler<K>): void {
    this.handlers.set(name, handler as (...args: never[]) => CommandResult<unknown>);
  }

  /** Sends an event of this fake's account, as main would. */
  emit<E extends EventName>(event: E, payload: WindowEvents[E]): void {
    const account = this.account;
    const full = {
      snapshot: { account, ...payload },
      patch: { account, patch: payload },
      notice: { account, notice: payload },
      settings: payload,
      console: { account, ...payload },
    }[event];
    this.emitAsMain(event, full as unknown as IpcEvents[E]);
  }

  /** Sends an event exactly as given (another account's, say). */
  emitAsMain<E extends EventName>(event: E, payload: IpcEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (value: IpcEvents[E]) => void)(payload);
  }

  callsOf(name: CommandName): (readonly unknown[])[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }

  private answer(name: CommandName, args: never[]): CommandResult<unknown> {
    const handler = this.handlers.get(name);
    if (handler) return handler(...args);
    switch (name) {
      case 'getSnapshot':
        return { ok: true, value: { account: this.account, state: this.state, settings: this.settings } };
      case 'openConversation':
        return { ok: true, value: 'conversation-1' };
      case 'sendMessage':
        return { ok: true, value: 'message-1' };
      case 'saveSettings':
        return { ok: true, value: this.settings };
      case 'dismissRecovered':
        return { ok: true, value: { ...this.settings, recovered: [] } };
      case 'getAppInfo':
        return { ok: true, value: TEST_APP_INFO };
      case 'getProtocolConsole':
        return { ok: true, value: { recording: true, lines: [], firstSeq: 1 } };
      case 'addAccount':
        return { ok: true, value: 'a2' };
      default:
        return { ok: true, value: undefined };
    }
  }
}
