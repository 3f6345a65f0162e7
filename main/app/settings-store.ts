// The user's settings as a JSON file in the data directory, with a schema version (migrations
// below): the app's own, and each account slot's (account-settings.ts). A damaged file is set aside
// and the defaults used (main/storage/data-file.ts). Passwords are not in it: they go to the
// injected SecretStore, and only "is one saved" crosses IPC.

import { join } from 'node:path';
import { z } from 'zod';
import type { AccountId } from '../../shared/accounts';
import type { DerivedSetting, Settings } from '../../shared/ipc';
import type { RecoveredFile } from '../../shared/model';
import { SERVER_PRESETS } from '../../shared/server-presets';
import { type ContactPreferences, type ContactPreferencesByAccount, DEFAULT_PREFERENCES } from '../../shared/preferences';
import { autoReplySchema, contactPreferencesSchema, plusTagModeSchema, themeSchema, uiScaleSchema } from '../../shared/schemas';
import { AtomicWriter } from '../storage/atomic-writer';
import { type FileFormat, encode } from '../storage/data-file';
import { openDataFolder } from '../storage/data-folder';
import { readDataFile } from './json-file';
import {
  DEFAULT_ACCOUNT_SETTINGS,
  type StoredAccountSettings,
  accountSettings,
  firstAccountOfOldFile,
  proxySecretKey,
  sameAccountSettings,
  storedAccountsSchema,
} from './account-settings';
import { MemorySecretStore, type SecretStore } from './secret-store';

export { DEMO_SERVER } from '../../shared/server-presets';

export type StoredSettings = Omit<Settings, DerivedSetting | 'accounts'> & {
  readonly accounts: Readonly<Record<AccountId, StoredAccountSettings>>;
};

export const DEFAULT_SETTINGS: StoredSettings = {
  autoIdleMinutes: 5,
  sounds: true,
  toasts: true,
  signInAtStart: false,
  accounts: { a1: DEFAULT_ACCOUNT_SETTINGS },
  history: {},
  logMessageText: false,
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
  history: z.record(z.string().max(129), z.boolean()).catch(DEFAULT_SETTINGS.history),
  logMessageText: z.boolean().catch(DEFAULT_SETTINGS.logMessageText),
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

export const SETTINGS_FORMAT: FileFormat<Partial<StoredSettings>> = {
  version: 3,
  migrations: [
    // 1 → 2: version 1 is the file of 0.1.0, written before the log existed: its messages were
    // never logged with their text, and the new setting starts from that.
    (settings) => ({ ...settings, logMessageText: false }),
    // 2 → 3: the sign-in form at the top of the file was the only account's; it is the first account's now.
    (settings) => {
      const { lastServer: _server, lastHandle: _handle, rememberPassword: _remember, autoSignIn: _auto, ...rest } = settings;
      const accounts = firstAccountOfOldFile(settings);
      return accounts ? { ...rest, accounts } : rest;
    },
  ],
  parse: (settings) => storedSettingsSchema.partial().parse(settings),
};

/** A change to one account's settings; `proxy: null` takes the proxy away. */
export type AccountSettingsPatch = Partial<Omit<StoredAccountSettings, 'proxy'>> & { readonly proxy?: StoredAccountSettings['proxy'] | null };

export class SettingsStore {
  private stored: StoredSettings;
  private recovered: readonly RecoveredFile[];
  private readonly file: string;
  private readonly writer = new AtomicWriter();
  /**
   * Proxy passwords: with the sign-in passwords, except where nothing can be kept (no keyring),
   * where the one typed in Options lasts until the app stops, so the proxy still works meanwhile.
   */
  private readonly proxySecrets: SecretStore;

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
    openDataFolder(dataDir);
    this.proxySecrets = secrets.storage === 'none' ? new MemorySecretStore() : secrets;
    this.file = join(dataDir, 'settings.json');
    const saved = readDataFile(this.file, SETTINGS_FORMAT, 'settings', log);
    const accounts = saved.value?.accounts ?? defaults.accounts ?? { a1: { ...DEFAULT_ACCOUNT_SETTINGS, ...accountDefaults } };
    this.stored = { ...DEFAULT_SETTINGS, ...defaults, ...saved.value, accounts };
    this.recovered = [saved.recovered, secrets.recovered].filter((file) => file !== undefined);
  }

  get settings(): Settings {
    const passwordStorage = this.secrets.storage;
    // Where nothing can be kept safely, "remember" and "sign in automatically" are off whatever the file says.
    const remembering = passwordStorage === 'none' ? { rememberPassword: false, autoSignIn: false } : {};
    const accounts = Object.fromEntries(
      Object.entries(this.stored.accounts).map(([id, stored]) => [id, { ...accountSettings(id, stored, this.secrets, this.proxySecrets), ...remembering }]),
    );
    const derived = { presets: SERVER_PRESETS, spellCheckLanguages: this.spellCheckLanguages, recovered: this.recovered, passwordStorage };
    return { ...this.stored, accounts, ...derived };
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
    await this.proxySecrets.delete(proxySecretKey(id));
    return this.write({ ...this.stored, accounts });
  }

  /** Changes one account's settings; "remember my password" off forgets the password of its handle. */
  async updateAccount(id: AccountId, patch: AccountSettingsPatch): Promise<Settings> {
    const { proxy, ...rest } = patch;
    const { proxy: oldProxy, ...current } = this.stored.accounts[id] ?? DEFAULT_ACCOUNT_SETTINGS;
    const kept = proxy === undefined ? oldProxy : (proxy ?? undefined);
    const next: StoredAccountSettings = { ...current, ...rest, ...(kept && { proxy: kept }) };
    if (!next.rememberPassword && next.lastHandle !== '') await this.secrets.delete(next.lastHandle);
    if (!next.proxy?.username) await this.proxySecrets.delete(proxySecretKey(id));
    // Every sign-in saves the server and handle it used, nearly always the ones saved last time: the
    // file is written only when something changed, so such a sign-in does not wait for the disk.
    const stored = this.stored.accounts[id];
    if (stored && sameAccountSettings(stored, next)) return this.settings;
    return this.write({ ...this.stored, accounts: { ...this.stored.accounts, [id]: next } });
  }

  /** The account's proxy password, kept like a sign-in password. */
  proxyPassword(id: AccountId): string | undefined {
    return this.proxySecrets.get(proxySecretKey(id));
  }

  async setProxyPassword(id: AccountId, password: string): Promise<void> {
    await this.proxySecrets.set(proxySecretKey(id), password);
  }

  /** Remembers what `account` chose for `contact`; the defaults take no room. */
  async setContactPreferences(account: string, contact: string, preferences: ContactPreferences): Promise<Settings> {
    const { [contact]: _old, ...others } = this.stored.contactPreferences[account] ?? {};
    const isDefault = !preferences.alertOnSignIn && preferences.sound === 'default' && preferences.spellCheckLanguage === undefined;
    const contacts = isDefault ? others : { ...others, [contact]: preferences };
    return this.update({ contactPreferences: { ...this.stored.contactPreferences, [account]: contacts } });
  }

  /** Another damaged file to tell the user about (a list cache, found at sign-in). */
  noteRecovered(file: RecoveredFile): Settings {
    this.recovered = [...this.recovered, file];
    return this.settings;
  }

  /** The user has been told about the damaged files. */
  dismissRecovered(): Settings {
    this.recovered = [];
    return this.settings;
  }

  async update(patch: Partial<Omit<StoredSettings, 'accounts'>>): Promise<Settings> {
    return this.write({ ...this.stored, ...patch });
  }

  private async write(stored: StoredSettings): Promise<Settings> {
    this.stored = stored;
    await this.writer.write(this.file, encode(SETTINGS_FORMAT, this.stored, 2));
    return this.settings;
  }
}
