// The user's settings as a JSON file in the data directory, with a schema version (migrations
// below); a damaged file is set aside and the defaults used (main/storage/data-file.ts). Passwords
// are not in it: they go to the injected SecretStore, and only "is one saved for this handle"
// crosses IPC.

import { join } from 'node:path';
import { z } from 'zod';
import type { DerivedSetting, ServerPreset, Settings } from '../../shared/ipc';
import type { RecoveredFile } from '../../shared/model';
import { type ContactPreferences, type ContactPreferencesByAccount, DEFAULT_PREFERENCES } from '../../shared/preferences';
import { autoReplySchema, contactPreferencesSchema, plusTagModeSchema, themeSchema, uiScaleSchema } from '../../shared/schemas';
import { AtomicWriter } from '../storage/atomic-writer';
import { type FileFormat, encode } from '../storage/data-file';
import { openDataFolder } from '../storage/data-folder';
import { readDataFile } from './json-file';
import type { SecretStore } from './secret-store';

/** The server address that means "the local demo server started inside the app". */
export const DEMO_SERVER = 'demo';

export const SERVER_PRESETS: readonly ServerPreset[] = [
  { label: 'Local demo (built in)', address: DEMO_SERVER },
  { label: 'Server on this computer', address: '127.0.0.1:1863' },
];

export type StoredSettings = Omit<Settings, DerivedSetting>;

export const DEFAULT_SETTINGS: StoredSettings = {
  autoIdleMinutes: 5,
  sounds: true,
  toasts: true,
  signInAtStart: false,
  lastServer: DEMO_SERVER,
  lastHandle: '',
  rememberPassword: false,
  autoSignIn: false,
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
  lastServer: z.string().max(255).catch(DEFAULT_SETTINGS.lastServer),
  lastHandle: z.string().max(129).catch(DEFAULT_SETTINGS.lastHandle),
  rememberPassword: z.boolean().catch(DEFAULT_SETTINGS.rememberPassword),
  autoSignIn: z.boolean().catch(DEFAULT_SETTINGS.autoSignIn),
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
  version: 2,
  migrations: [
    // 1 → 2: version 1 is the file of 0.1.0, written before the log existed: its messages were
    // never logged with their text, and the new setting starts from that.
    (settings) => ({ ...settings, logMessageText: false }),
  ],
  parse: (settings) => storedSettingsSchema.partial().parse(settings),
};

export class SettingsStore {
  private stored: StoredSettings;
  private recovered: readonly RecoveredFile[];
  private readonly file: string;
  private readonly writer = new AtomicWriter();

  constructor(
    dataDir: string,
    readonly secrets: SecretStore,
    defaults: Partial<StoredSettings> = {},
    log: (line: string) => void = () => {},
    /** The shell's spelling dictionaries, offered per contact. */
    private readonly spellCheckLanguages: readonly string[] = [],
  ) {
    openDataFolder(dataDir);
    this.file = join(dataDir, 'settings.json');
    const saved = readDataFile(this.file, SETTINGS_FORMAT, 'settings', log);
    this.stored = { ...DEFAULT_SETTINGS, ...defaults, ...saved.value };
    this.recovered = [saved.recovered, secrets.recovered].filter((file) => file !== undefined);
  }

  get settings(): Settings {
    const hasSavedPassword = this.stored.lastHandle !== '' && this.secrets.has(this.stored.lastHandle);
    const passwordStorage = this.secrets.storage;
    // Where nothing can be kept safely, "remember" and "sign in automatically" are off whatever the file says.
    const remembering = passwordStorage === 'none' ? { rememberPassword: false, autoSignIn: false } : {};
    const derived = { hasSavedPassword, presets: SERVER_PRESETS, spellCheckLanguages: this.spellCheckLanguages, recovered: this.recovered, passwordStorage };
    return { ...this.stored, ...remembering, ...derived };
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

  async update(patch: Partial<StoredSettings>): Promise<Settings> {
    this.stored = { ...this.stored, ...patch };
    if (!this.stored.rememberPassword && this.stored.lastHandle !== '') await this.secrets.delete(this.stored.lastHandle);
    await this.writer.write(this.file, encode(SETTINGS_FORMAT, this.stored, 2));
    return this.settings;
  }
}
