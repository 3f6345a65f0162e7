// The project's own MSNP2/MSNP3 server: a dispatch listener, a notification listener and a
// switchboard listener on loopback, all in memory. Used by the integration tests and the offline demo.

import { type AccountSeed, AccountStore } from './accounts';
import { BOT_HANDLE, BuddyBot } from './bot';
import { DIALECTS } from '../protocol/index';
import { ConnectionLimit } from './connection-limit';
import type { Dialect, ServerContext, ServerLimits, ServerSettings } from './context';
import { DEMO_ACCOUNTS, DEMO_CAST, DEMO_SIGN_IN, DEMO_TIMELINE } from './demo';
import { DemoActivity, type DemoSchedule, REAL_TIME } from './demo-activity';
import { serveDispatch } from './dispatch';
import { Listener } from './listener';
import { type NewMail, deliverNewMail } from './notification/mail';
import { NotificationSession } from './notification/session';
import { DEFAULT_SIGN_IN_THROTTLE, SignInThrottle, type SignInThrottleOptions } from './sign-in-throttle';
import { SwitchboardService } from './switchboard/service';

export type { AccountSeed } from './accounts';
export type { Dialect, ServerLimits } from './context';
export type { DemoSchedule } from './demo-activity';
export type { SignInThrottleOptions } from './sign-in-throttle';
export { DEMO_ACCOUNTS, DEMO_SIGN_IN } from './demo';
export { BOT_HANDLE } from './bot';

export interface ServerOptions {
  /** Address to bind and to hand out in referrals; default 127.0.0.1. */
  host?: string;
  /** Dispatch port; 0 (the default) picks a free one. */
  port?: number;
  notificationPort?: number;
  switchboardPort?: number;
  /** Dialects served; default both. None (`[]`) plays a server made for later clients (it answers CVR0). */
  dialects?: Dialect[];
  /** Default: DEMO_ACCOUNTS. */
  accounts?: readonly AccountSeed[];
  log?: (line: string) => void;
  switchboardIdleMs?: number;
  cookieLifetimeMs?: number;
  /** A dispatch or notification connection not signed in after this long is closed; default 60 s. */
  signInTimeoutMs?: number;
  botReplyDelayMs?: number;
  listLimits?: Partial<ServerSettings['listLimits']>;
  /** Connection and cookie caps; see DEFAULT_LIMITS. */
  limits?: Partial<ServerLimits>;
  /** How repeated wrong passwords are slowed; see DEFAULT_SIGN_IN_THROTTLE. */
  signInThrottle?: Partial<SignInThrottleOptions>;
  /**
   * Plays the Local demo's timeline (demo.ts) from the demo user's first sign-in: `true` in real
   * time, or on the given schedule (a test's fake clock). Needs the demo accounts.
   */
  demoActivity?: boolean | { readonly schedule: DemoSchedule };
}

export interface MsnServer {
  readonly host: string;
  readonly dispatchPort: number;
  readonly notificationPort: number;
  readonly switchboardPort: number;
  createAccount(seed: AccountSeed): void;
  injectNewMail(handle: string, mail: NewMail): void;
  /** Sends OUT SSD to every signed-in client, then closes everything. */
  shutdown(): Promise<void>;
  close(): Promise<void>;
  /** Handles of everyone signed in (the bot included), sorted. */
  onlineHandles(): string[];
  /** Cuts a signed-in user's notification connection without a word, as a broken network would; false when they are not signed in. */
  cutConnection(handle: string): boolean;
}

/** Historic forward-list limit (§11.5); AL and BL as on Escargot. */
const DEFAULT_LIST_LIMITS = { FL: 150, AL: 1500, BL: 1200 } as const;
const SHUTDOWN_GRACE_MS = 1000;
/** Room for the benchmarks' 300 clients on one loopback address, far below the descriptors Node may open. */
export const DEFAULT_LIMITS: ServerLimits = { maxConnections: 2000, maxConnectionsPerAddress: 500, ticketsPerHandle: 32 };

export async function startServer(options: ServerOptions = {}): Promise<MsnServer> {
  const bindHost = options.host ?? '127.0.0.1';
  const settings: ServerSettings = {
    host: bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost,
    dialects: options.dialects ? [...options.dialects] : [...DIALECTS],
    listLimits: { ...DEFAULT_LIST_LIMITS, ...options.listLimits },
    switchboardIdleMs: options.switchboardIdleMs ?? 5 * 60_000,
    cookieLifetimeMs: options.cookieLifetimeMs ?? 120_000,
    signInTimeoutMs: options.signInTimeoutMs ?? 60_000,
    botReplyDelayMs: options.botReplyDelayMs ?? 800,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    log: options.log ?? (() => undefined),
  };
  const accounts = new AccountStore();
  const connectionLimit = new ConnectionLimit(settings.limits);
  const notificationListener = new Listener('NS', settings.log, connectionLimit, (peer) => new NotificationSession(context, peer));
  const context: ServerContext = {
    settings,
    accounts,
    online: new Map(),
    signInThrottle: new SignInThrottle({ ...DEFAULT_SIGN_IN_THROTTLE, ...options.signInThrottle }),
    get switchboards() {
      return switchboards;
    },
    notificationAddress: () => `${settings.host}:${notificationListener.port}`,
    memberVisible: (member) => demo?.memberVisible(member),
  };
  const switchboards = new SwitchboardService(context);
  const dispatchListener = new Listener('DS', settings.log, connectionLimit, (peer) => serveDispatch(context, peer));
  const switchboardListener = new Listener('SB', settings.log, connectionLimit, (peer) => switchboards.serve(peer));

  let bot: BuddyBot | undefined;
  const createAccount = (seed: AccountSeed) => {
    const account = accounts.add(seed);
    if (account.handle === BOT_HANDLE) {
      bot = new BuddyBot(context, account);
      context.online.set(account.handle, bot);
    }
  };
  for (const seed of options.accounts ?? DEMO_ACCOUNTS) createAccount(seed);
  const injectNewMail = (handle: string, mail: NewMail): void => {
    const account = accounts.get(handle);
    if (!account) throw new Error(`No account ${handle}`);
    const member = context.online.get(account.handle);
    deliverNewMail(account, member instanceof NotificationSession ? member : undefined, mail);
  };
  const demo = options.demoActivity
    ? new DemoActivity(context, {
        viewer: DEMO_SIGN_IN.handle,
        cast: DEMO_CAST,
        timeline: DEMO_TIMELINE,
        schedule: options.demoActivity === true ? REAL_TIME : options.demoActivity.schedule,
        deliverMail: injectNewMail,
      })
    : undefined;

  const listeners = [dispatchListener, notificationListener, switchboardListener];
  try {
    await dispatchListener.listen(bindHost, options.port ?? 0);
    await notificationListener.listen(bindHost, options.notificationPort ?? 0);
    await switchboardListener.listen(bindHost, options.switchboardPort ?? 0);
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  switchboards.port = switchboardListener.port;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      bot?.close();
      demo?.close();
      switchboards.close();
      await Promise.all(listeners.map((listener) => listener.close()));
    })();
    return closing;
  };
  const sessions = () => [...context.online.values()].filter((member) => member instanceof NotificationSession);

  return {
    host: settings.host,
    dispatchPort: dispatchListener.port,
    notificationPort: notificationListener.port,
    switchboardPort: switchboardListener.port,
    createAccount,
    injectNewMail,
    async shutdown() {
      const open = sessions();
      const closed = Promise.all(open.map((session) => new Promise<void>((resolve) => session.peer.onClose(resolve))));
      for (const session of open) session.signOut('SSD');
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
      clearTimeout(timer);
      await close();
    },
    close,
    onlineHandles: () => [...context.online.keys()].sort(),
    cutConnection(handle) {
      const member = context.online.get(handle.toLowerCase());
      if (!(member instanceof NotificationSession)) return false;
      member.peer.drop('connection cut');
      return true;
    },
  };
}
