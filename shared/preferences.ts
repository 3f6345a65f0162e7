// The comforts' settings, shared by main and renderer: look (theme, scale, Plus! tags), the away
// auto-reply, and what each account remembers per contact (sign-in alert, sound, spelling language).

import type { StatusCode } from './model';

/** `system` follows the computer's light or dark choice between classic and night. */
export type ThemeChoice = 'classic' | 'night' | 'system' | 'high-contrast';
export const THEME_CHOICES: readonly ThemeChoice[] = ['classic', 'night', 'system', 'high-contrast'];

/** UI scale in percent: 100 is the classic size. */
export const UI_SCALES = [100, 125, 150, 175, 200] as const;
export type UiScale = (typeof UI_SCALES)[number];

/** Messenger Plus! tags in names and messages: drawn as colour and style, or removed. */
export type PlusTagMode = 'render' | 'strip';

/** The statuses that can answer on my behalf, in the status menu's order. */
export type AwayStatus = Extract<StatusCode, 'BSY' | 'BRB' | 'AWY' | 'PHN' | 'LUN'>;
export const AWAY_STATUSES: readonly AwayStatus[] = ['BSY', 'BRB', 'AWY', 'PHN', 'LUN'];

export function isAwayStatus(status: string | undefined): status is AwayStatus {
  return (AWAY_STATUSES as readonly string[]).includes(status ?? '');
}

/** The longest automatic reply, in characters: one switchboard message with room to spare. */
export const MAX_AUTO_REPLY_LENGTH = 400;

/** What to answer while each away status holds; a status without text does not answer. */
export type AutoReplies = Readonly<Partial<Record<AwayStatus, string>>>;

export interface AutoReplySettings {
  readonly enabled: boolean;
  readonly messages: AutoReplies;
}

/** The app's chimes a contact can have as their own sound; `default` is the usual one, `none` silence. */
export const CONTACT_SOUNDS = ['default', 'none', 'chime', 'bell', 'knock', 'ripple'] as const;
export type ContactSound = (typeof CONTACT_SOUNDS)[number];

export interface ContactPreferences {
  /** "Alert me when X signs in", even when alerts for everyone are off. */
  readonly alertOnSignIn: boolean;
  readonly sound: ContactSound;
  /** BCP 47 tag of the spelling language for conversations with them; absent: the default. */
  readonly spellCheckLanguage?: string;
}

export const DEFAULT_CONTACT_PREFERENCES: ContactPreferences = { alertOnSignIn: false, sound: 'default' };

/** Per signed-in account (its handle), per contact handle. */
export type ContactPreferencesByAccount = Readonly<Record<string, Readonly<Record<string, ContactPreferences>>>>;

/** How a new installation starts: the classic 2.0 look, Esc closing conversations, the auto-reply off. */
export const DEFAULT_PREFERENCES = {
  theme: 'classic',
  uiScale: 100,
  plusTags: 'render',
  escapeClosesConversation: true,
  autoReply: { enabled: false, messages: {} },
  contactPreferences: {},
} as const satisfies {
  theme: ThemeChoice;
  uiScale: UiScale;
  plusTags: PlusTagMode;
  escapeClosesConversation: boolean;
  autoReply: AutoReplySettings;
  contactPreferences: ContactPreferencesByAccount;
};

/** Whether a contact signing in deserves an alert: everyone's ("Show alerts"), or theirs alone. */
export function wantsSignInAlert(
  settings: { readonly toasts: boolean; readonly contactPreferences: ContactPreferencesByAccount },
  account: string | undefined,
  contact: string,
): boolean {
  return settings.toasts || contactPreferences(settings.contactPreferences, account, contact).alertOnSignIn;
}

/** The replies that are on: none while the auto-reply is off. */
export function activeReplies(settings: AutoReplySettings): AutoReplies {
  return settings.enabled ? settings.messages : {};
}

export function contactPreferences(all: ContactPreferencesByAccount, account: string | undefined, contact: string): ContactPreferences {
  if (account === undefined) return DEFAULT_CONTACT_PREFERENCES;
  return all[account]?.[contact] ?? DEFAULT_CONTACT_PREFERENCES;
}
