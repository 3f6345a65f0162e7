// What each account slot of the app keeps in the settings file: its sign-in form (server, handle,
// remember password, sign in automatically) and its proxy. Passwords, the proxy's too, live in
// the secret store; settings only say whether one is there.

import { z } from 'zod';
import { type AccountId, FIRST_ACCOUNT, isAccountId } from '../../shared/accounts';
import type { AccountSettings } from '../../shared/ipc';
import { proxySettingsSchema } from '../../shared/proxy';
import { DEMO_SERVER } from '../../shared/server-presets';
import type { SecretStore } from './secret-store';

export type StoredAccountSettings = Omit<AccountSettings, 'hasSavedPassword' | 'hasProxyPassword'>;

export const DEFAULT_ACCOUNT_SETTINGS: StoredAccountSettings = {
  lastServer: DEMO_SERVER,
  lastHandle: '',
  rememberPassword: false,
  autoSignIn: false,
};

// Each field is checked on its own, so a bad value costs that value, not the account.
const storedAccountSchema = z.object({
  lastServer: z.string().max(255).catch(DEFAULT_ACCOUNT_SETTINGS.lastServer),
  lastHandle: z.string().max(129).catch(DEFAULT_ACCOUNT_SETTINGS.lastHandle),
  rememberPassword: z.boolean().catch(DEFAULT_ACCOUNT_SETTINGS.rememberPassword),
  autoSignIn: z.boolean().catch(DEFAULT_ACCOUNT_SETTINGS.autoSignIn),
  proxy: proxySettingsSchema.optional().catch(undefined),
});

/** Every account in the file that reads as one; the first account is always there. */
export const storedAccountsSchema = z
  .record(z.string(), z.unknown())
  .transform((accounts) => {
    const valid: Record<AccountId, StoredAccountSettings> = { [FIRST_ACCOUNT]: DEFAULT_ACCOUNT_SETTINGS };
    for (const [id, stored] of Object.entries(accounts)) {
      const parsed = storedAccountSchema.safeParse(stored ?? {});
      if (isAccountId(id) && parsed.success) valid[id] = withoutUndefined(parsed.data);
    }
    return valid;
  })
  .catch({ [FIRST_ACCOUNT]: DEFAULT_ACCOUNT_SETTINGS });

function withoutUndefined({ proxy, ...rest }: z.output<typeof storedAccountSchema>): StoredAccountSettings {
  return proxy === undefined ? rest : { ...rest, proxy };
}

/**
 * A settings file from before accounts kept the sign-in form at its top level: that was the first
 * account's.
 */
export function firstAccountOfOldFile(file: Record<string, unknown>): Record<AccountId, unknown> | undefined {
  const keys = ['lastServer', 'lastHandle', 'rememberPassword', 'autoSignIn'];
  if ('accounts' in file || !keys.some((key) => key in file)) return undefined;
  return { [FIRST_ACCOUNT]: Object.fromEntries(keys.filter((key) => key in file).map((key) => [key, file[key]])) };
}

/**
 * Whether two stored settings of an account say the same (so writing one over the other changes
 * nothing). The proxy counts as the same only when it is the same object: a sign-in keeps the one
 * held, and a proxy saved from the options is written even when it is the one there already.
 */
export function sameAccountSettings(a: StoredAccountSettings, b: StoredAccountSettings): boolean {
  return a.lastServer === b.lastServer && a.lastHandle === b.lastHandle && a.rememberPassword === b.rememberPassword && a.autoSignIn === b.autoSignIn && a.proxy === b.proxy;
}

/** Where an account's proxy password is kept in the secret store (beside sign-in passwords, keyed by handle). */
export const proxySecretKey = (account: AccountId): string => `proxy:${account}`;

/** `proxySecrets` may differ from `secrets`: where no password can be kept, the proxy's lasts until the app stops. */
export function accountSettings(id: AccountId, stored: StoredAccountSettings, secrets: SecretStore, proxySecrets: SecretStore): AccountSettings {
  return {
    ...stored,
    hasSavedPassword: stored.lastHandle !== '' && secrets.has(stored.lastHandle),
    hasProxyPassword: proxySecrets.has(proxySecretKey(id)),
  };
}
