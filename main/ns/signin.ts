// Sign-in as a state machine (§3.2, §4): VER → INF → USR MD5 I, then either a referral
// (`XFR NS`, MSNP2 or MSNP3 form) that starts over on another server, or the challenge
// (`USR … MD5 S`, also Escargot's direct reply) answered with md5(challenge + password).
// `VER … CVR0` (neither dialect spoken) ends it after the upgrade check (CVQ, §4.2).

import { isValidHandle } from '../../shared/handles';
import type { Dialect } from '../../shared/model';
import { type ConnectionOptions, MsnpConnection, percentDecode } from '../../protocol/index';
import { md5Hex } from '../../protocol/md5';
import { UPGRADE_CHECK, isDialect } from '../../protocol/dialect';
import { OFFERED_DIALECTS } from './dialect';
import { SessionError } from './errors';
import { askForUpgrade } from './upgrade-check';

export type SignInStep = 'connecting' | 'authenticating' | 'redirected';

export interface ServerAddress {
  readonly host: string;
  readonly port: number;
}

export const DEFAULT_PORT = 1863;
const MAX_REFERRALS = 3;

export interface AuthenticateOptions extends ServerAddress {
  readonly handle: string;
  readonly password: string;
  readonly connection?: ConnectionOptions;
  readonly onStep: (step: SignInStep) => void;
  /** Sees every connection as it opens, so nothing the server pushes right after USR OK is missed. */
  readonly onConnection?: (connection: MsnpConnection) => void;
  /** True once the sign-in was abandoned: a sign-out while no connection is open (connecting, between the referral and the NS) ends it here. */
  readonly cancelled?: () => boolean;
}

/** What an abandoned sign-in rejects with. */
export const signInCancelled = (): SessionError => new SessionError('network', 'sign-in-cancelled', 'server');

function throwIfCancelled(options: AuthenticateOptions): void {
  if (options.cancelled?.()) throw signInCancelled();
}

export interface Authenticated {
  readonly connection: MsnpConnection;
  readonly dialect: Dialect;
  readonly handle: string;
  readonly friendlyName: string;
  /** The notification server we ended up on, `host:port`. */
  readonly server: string;
}

/** `host:port`, a missing port meaning 1863 (§4.6); `[v6]:port` is accepted too. Undefined when it is neither. */
export function readServerAddress(text: string): ServerAddress | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const [host, port] = bracketed ? [bracketed[1], bracketed[2]] : splitHostPort(text);
  const portNumber = port === undefined ? DEFAULT_PORT : Number(port);
  if (!host || !Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) return undefined;
  return { host, port: portNumber };
}

/** `XFR … NS 0`: address `0` means "start again at VER on this same server" (§4.6). */
export const SAME_SERVER = '0';

/** `readServerAddress` for what the user typed: a bad address is a sentence on the server field. */
export function parseServerAddress(text: string): ServerAddress {
  const address = readServerAddress(text);
  if (!address) throw new SessionError('input', 'invalid-server', 'server', { server: text });
  return address;
}

function splitHostPort(text: string): [string | undefined, string | undefined] {
  const colon = text.lastIndexOf(':');
  if (colon < 0 || text.indexOf(':') !== colon) return [text, undefined];
  return [text.slice(0, colon), text.slice(colon + 1)];
}

export function validateHandle(handle: string): void {
  if (!isValidHandle(handle)) {
    throw new SessionError('input', 'invalid-handle', 'handle');
  }
}

export async function authenticate(options: AuthenticateOptions): Promise<Authenticated> {
  let address: ServerAddress = options;
  let firstTrid = 1;
  options.onStep('connecting');
  for (let referrals = 0; ; referrals++) {
    throwIfCancelled(options);
    const connection = await MsnpConnection.connect(address.host, address.port, { ...options.connection, firstTrid });
    options.onConnection?.(connection);
    try {
      throwIfCancelled(options);
      options.onStep('authenticating');
      const outcome = await authenticateOn(connection, address, options);
      if (outcome.type === 'authenticated') {
        return { connection, ...outcome.session, server: `${address.host}:${address.port}` };
      }
      connection.close();
      // TrIDs keep counting across the referral, as the official client does (§2.2, §13.2).
      firstTrid = connection.nextTrid();
      if (referrals >= MAX_REFERRALS) throw new SessionError('protocol', 'too-many-redirects', 'server');
      address = outcome.to;
      options.onStep('redirected');
    } catch (error) {
      connection.close();
      throw error;
    }
  }
}

type Outcome =
  | { readonly type: 'referred'; readonly to: ServerAddress }
  | { readonly type: 'authenticated'; readonly session: Omit<Authenticated, 'connection' | 'server'> };

async function authenticateOn(connection: MsnpConnection, current: ServerAddress, options: AuthenticateOptions): Promise<Outcome> {
  const version = await connection.request('VER', OFFERED_DIALECTS);
  const dialect = version.params[1];
  if (dialect === UPGRADE_CHECK) {
    const refusal = await askForUpgrade(connection);
    throwIfCancelled(options);
    throw refusal;
  }
  if (!isDialect(dialect)) throw new SessionError('unsupported', 'unsupported-server', 'server', { offered: version.params.slice(1) });

  const packages = await connection.request('INF');
  if (!offersMd5(packages.params)) throw new SessionError('unsupported', 'no-md5', 'server');

  const initial = await connection.request('USR', ['MD5', 'I', options.handle], { replies: ['USR', 'XFR'] });
  if (initial.name === 'XFR') {
    // XFR trid NS host:port {0}: the trailing 0 (MSNP3) and anything after it are ignored.
    const [, kind, target] = initial.params;
    const to = target === SAME_SERVER ? current : readServerAddress(target ?? '');
    if (kind !== 'NS' || !to) throw unexpected(initial.name);
    return { type: 'referred', to };
  }
  // USR trid MD5 S challenge; the seed spells the method "MDS", so only `S` is checked.
  const [, method, step, challenge] = initial.params;
  if (method === 'OK' || step !== 'S' || challenge === undefined) throw unexpected('USR');

  const accepted = await connection.request('USR', ['MD5', 'S', md5Hex(challenge + options.password)]);
  const [, ok, handle, name] = accepted.params;
  if (ok !== 'OK') throw unexpected('USR');
  return {
    type: 'authenticated',
    session: { dialect, handle: handle ?? options.handle, friendlyName: percentDecode(name ?? handle ?? options.handle) },
  };
}

/** `INF trid MD5` (or a comma-separated list of packages, in one param or several): whether MD5 is one. */
function offersMd5(params: readonly string[]): boolean {
  for (let index = 1; index < params.length; index++) {
    if ((params[index] as string).split(',').includes('MD5')) return true;
  }
  return false;
}

function unexpected(command: string): SessionError {
  return new SessionError('protocol', 'unexpected-reply', 'server', { command });
}
