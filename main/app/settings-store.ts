// The user's settings as a JSON file in the data directory: the app's own, and each account slot's
// (account-settings.ts). Passwords are not in it: they go to the injected SecretStore, and only
// "is one saved" crosses IPC.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AccountId } from '../../shared/accounts';
import type { Settings } from '../../shared/ipc';
import { SERVER_PRESETS } from '../../shared/server-presets';
import { type ContactPreferences, type ContactPreferencesByAccount, DEFAULT_PREFERENCES } from '../../shared/preferences';
import { autoReplySchema, contactPreferencesSchema, plusTagModeSchema, themeSchema, uiScaleSchema } from '../../shared/schemas';
import { AtomicWriter } from '../storage/atomic-writer';
import { readJsonFile } from './json-file';
import {
  DEFAULT_ACCOUNT_SETTINGS,
  type StoredAccountSettings,
  accountSettings,
  firstAccountOfOldFile,
  proxySecretKey,
  storedAccountsSchema,
} from './account-settings';
import type { SecretStore } from './secret-store';

export { DEMO_SERVER } from '../../shared/server-presets';

export type StoredSettings = Omit<Settings, 'presets' | 'spellCheckLanguages' | 'accounts'> & {
  readonly accounts: Readonly<Record<AccountId, StoredAccountSettings>>;
};

export const DEFAULT_SETTINGS: StoredSettings = {
  autoIdleMinutes: 5,
  sounds: true,
  toasts: true,
  signInAtStart: false,
  accounts: { a1: DEFAULT_ACCOUNT_SETTINGS },
  ...DEFAULT_PREFERENCES,
};

/** Each account's and each contact's entry is checked on its own, so a bad one costs only itself. */
function validPreferences(stored: Record<string, Record<string, unknown>>): ContactPreferencesByAccount {
  const accounts: Record<string, Record<string, ContactPreferences>> = {};
  for (const [account, contacts] of Object.entries(stored)) {
    const valid: Record<string, ContactPreferences> = {};
    for (const [contact, preferences] of Object.entries(contacts)) {
      const parsed = contactPreferencesSchema.safeParse(preferences);
      if (parsed.success) valid[contact] = parsed.data;
    }
    accounts[account] = valid;
  }
  return accounts;
}

// Each field is checked on its own so that one bad value costs that value, not the whole file.
const storedSettingsSchema = z.object({
  autoIdleMinutes: z.number().int().min(0).max(240).catch(DEFAULT_SETTINGS.autoIdleMinutes),
  sounds: z.boolean().catch(DEFAULT_SETTINGS.sounds),
  toasts: z.boolean().catch(DEFAULT_SETTINGS.toasts),
  signInAtStart: z.boolean().catch(DEFAULT_SETTINGS.signInAtStart),
  accounts: storedAccountsSchema,
  theme: themeSchema.catch(DEFAULT_SETTINGS.theme),
  uiScale: uiScaleSchema.catch(DEFAULT_SETTINGS.uiScale),
  plusTags: plusTagModeSchema.catch(DEFAULT_SETTINGS.plusTags),
  escapeClosesConversation: z.boolean().catch(DEFAULT_SETTINGS.escapeClosesConversation),
  autoReply: autoReplySchema.catch(DEFAULT_SETTINGS.autoReply),
  contactPreferences: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .transform(validPreferences)
    .catch(DEFAULT_SETTINGS.contactPreferences),
});

/** The file as it is now: one written before accounts had its sign-in form at the top, the first account's. */
const settingsFileSchema = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null) return value;
  const accounts = firstAccountOfOldFile(value as Record<string, unknown>);
  return accounts ? { ...value, accounts } : value;
}, storedSettingsSchema.partial());

/** A change to one account's settings; `proxy: null` takes the proxy away. */
export type AccountSettingsPatch = Partial<Omit<StoredAccountSettings, 'proxy'>> & { readonly proxy?: StoredAccountSettings['proxy'] | null };

export class SettingsStore {
  private stored: StoredSettings;
  private readonly file: string;
  private readonly writer = new AtomicWriter();

  constructor(
    dataDir: string,
    readonly secrets: SecretStore,
    defaults: Partial<StoredSettings> = {},
    log: (line: string) => void = () => {},
    /** The shell's spelling dictionaries, offered per contact. */
    private readonly spellCheckLanguages: readonly string[] = [],
    /** What an account's sign-in form starts with before it was ever used (a test's server, the demo's handle). */
    private readonly accountDefaults: Partial<StoredAccountSettings> = {},
  ) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.file = join(dataDir, 'settings.json');
    const saved = readJsonFile(this.file, settingsFileSchema, 'settings file', log);
    const accounts = saved?.accounts ?? defaults.accounts ?? { a1: { ...DEFAULT_ACCOUNT_SETTINGS, ...accountDefaults } };
    this.stored = { ...DEFAULT_SETTINGS, ...defaults, ...saved, accounts };
  }

  get settings(): Settings {
    const accounts = Object.fromEntries(
      Object.entries(this.stored.accounts).map(([id, stored]) => [id, accountSettings(id, stored, this.secrets)]),
    );
    return { ...this.stored, accounts, presets: SERVER_PRESETS, spellCheckLanguages: this.spellCheckLanguages };
  }

  /** The account slots the file keeps, in the order they were added. */
  get accountIds(): readonly AccountId[] {
    return Object.keys(this.stored.accounts);
  }

  account(id: AccountId): StoredAccountSettings | undefined {
    return this.stored.accounts[id];
  }

  /**
   * A new slot signs in to the server (and through the proxy) the first account uses, as someone
   * else: it starts with no handle.
   */
  async addAccount(id: AccountId): Promise<Settings> {
    const first = this.stored.accounts['a1'];
    const server = this.accountDefaults.lastServer ?? first?.lastServer ?? DEFAULT_ACCOUNT_SETTINGS.lastServer;
    const added: StoredAccountSettings = { ...DEFAULT_ACCOUNT_SETTINGS, lastServer: server, ...(first?.proxy && { proxy: first.proxy }) };
    return this.write({ ...this.stored, accounts: { ...this.stored.accounts, [id]: added } });
  }

  async removeAccount(id: AccountId): Promise<Settings> {
    const { [id]: _removed, ...accounts } = this.stored.accounts;
    await this.secrets.delete(proxySecretKey(id));
    return this.write({ ...this.stored, accounts });
  }

  /** Changes one account's settings; "remember my password" off forgets the password of its handle. */
  async updateAccount(id: AccountId, patch: AccountSettingsPatch): Promise<Settings> {
    const { proxy, ...rest } = patch;
    const { proxy: oldProxy, ...current } = this.stored.accounts[id] ?? DEFAULT_ACCOUNT_SETTINGS;
    const kept = proxy === undefined ? oldProxy : (proxy ?? undefined);
    const next: StoredAccountSettings = { ...current, ...rest, ...(kept && { proxy: kept }) };
    if (!next.rememberPassword && next.lastHandle !== '') await this.secrets.delete(next.lastHandle);
    if (!next.proxy?.username) await this.secrets.delete(proxySecretKey(id));
    return this.write({ ...this.stored, accounts: { ...this.stored.accounts, [id]: next } });
  }

  /** The account's proxy password, kept like a sign-in password. */
  proxyPassword(id: AccountId): string | undefined {
    return this.secrets.get(proxySecretKey(id));
  }

  async setProxyPassword(id: AccountId, password: string): Promise<void> {
    await this.secrets.set(proxySecretKey(id), password);
  }

  /** Remembers what `account` chose for `contact`; the defaults take no room. */
  async setContactPreferences(account: string, contact: string, preferences: ContactPreferences): Promise<Settings> {
    const { [contact]: _old, ...others } = this.stored.contactPreferences[account] ?? {};
    const isDefault = !preferences.alertOnSignIn && preferences.sound === 'default' && preferences.spellCheckLanguage === undefined;
    const contacts = isDefault ? others : { ...others, [contact]: preferences };
    return this.update({ contactPreferences: { ...this.stored.contactPreferences, [account]: contacts } });
  }

  async update(patch: Partial<Omit<StoredSettings, 'accounts'>>): Promise<Settings> {
    return this.write({ ...this.stored, ...patch });
  }

  private async write(stored: StoredSettings): Promise<Settings> {
    this.stored = stored;
    await this.writer.write(this.file, JSON.stringify(this.stored, null, 2));
    return this.settings;
  }
}
