// Runtime schemas for every argument that crosses IPC, one per kind of input; the command table
// (commands.ts) is made of them. The core validates with it before any handler runs: a renderer
// (or a page on the browser host) can send anything.

import { z } from './zod';
import { isValidHandle } from './handles';
import { proxyPasswordSchema, proxySettingsSchema } from './proxy';
import { ACCOUNT_ID_SHAPE } from './accounts';
import { MAX_LINK_LENGTH, openableLink } from './links';
import { MAX_ENTRIES_PER_REQUEST } from './window-state';
import { MAX_ENCODED_NAME_BYTES, SETTABLE_STATUSES, type SettableStatus, URL_SERVICES, type UrlService } from './model';
import { AWAY_STATUSES, CONTACT_SOUNDS, MAX_AUTO_REPLY_LENGTH, THEME_CHOICES, UI_SCALES, type AwayStatus, type ThemeChoice } from './preferences';

export const MAX_MESSAGE_LENGTH = 20_000;

export const handleSchema = z.string().trim().toLowerCase().refine(isValidHandle, 'That is not a valid e-mail address.');

/** An account of the app (see shared/accounts.ts). */
export const accountSchema = z.string().regex(ACCOUNT_ID_SHAPE);
export const statusSchema = z.enum(SETTABLE_STATUSES as [SettableStatus, ...SettableStatus[]]);
export const editableListSchema = z.enum(['FL', 'AL', 'BL']);
export const privacyModeSchema = z.enum(['AL', 'BL']);
export const addedAlertSchema = z.enum(['A', 'N']);
export const urlServiceSchema = z.enum(URL_SERVICES as [UrlService, ...UrlService[]]);
export const conversationIdSchema = z.string().min(1).max(100);
export const messageIdSchema = z.string().min(1).max(100);
/** Where in a conversation's transcript, and how many entries (shared/window-state.ts). */
export const entryIndexSchema = z.number().int().nonnegative();
export const entryCountSchema = z.number().int().min(1).max(MAX_ENTRIES_PER_REQUEST);
export const messageTextSchema = z.string().min(1).max(MAX_MESSAGE_LENGTH);
// The encoded form is never shorter than the text; main checks the exact encoded size.
export const friendlyNameSchema = z.string().trim().min(1).max(MAX_ENCODED_NAME_BYTES);
/** A notification's words, as the renderer wrote them. */
export const notificationSchema = z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }).strict();
export const addedByAnswerSchema = z.object({ allow: z.boolean(), addToContacts: z.boolean() }).strict();

export const messageFormatSchema = z.object({
  font: z.string().max(64),
  bold: z.boolean(),
  italic: z.boolean(),
  underline: z.boolean(),
  strikethrough: z.boolean(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  charset: z.string().regex(/^[0-9a-fA-F]{1,2}$/),
  pitchFamily: z.string().regex(/^[0-9a-fA-F]{1,2}$/),
});

export const signInSchema = z.object({
  /** `host:port` (port defaults to 1863) or the literal `demo` for the built-in local server. */
  server: z.string().trim().min(1).max(255),
  handle: handleSchema,
  /** Empty when the saved password is to be used. */
  password: z.string().max(256),
  status: statusSchema,
  rememberPassword: z.boolean(),
  autoSignIn: z.boolean(),
});

export type SignInRequest = Readonly<z.input<typeof signInSchema>>;

/** A link to open: web (http, https) or e-mail (mailto) only, as shared/links.ts decides. */
export const linkSchema = z
  .string()
  .max(MAX_LINK_LENGTH)
  .refine((href) => openableLink(href) !== undefined, 'Only web (http, https) and e-mail (mailto) links can be opened.');

export const autoReplySchema = z
  .object({
    enabled: z.boolean(),
    messages: z.partialRecord(z.enum(AWAY_STATUSES as [AwayStatus, ...AwayStatus[]]), z.string().trim().max(MAX_AUTO_REPLY_LENGTH)),
  })
  .strict();

/** A BCP 47 language tag as dictionaries name them: `en-US`, `fr`, `pt-BR`, `sr-Latn`. */
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,2}$/);

export const contactPreferencesSchema = z
  .object({
    alertOnSignIn: z.boolean(),
    sound: z.enum(CONTACT_SOUNDS),
    spellCheckLanguage: languageTagSchema.optional(),
  })
  .strict();

export const themeSchema = z.enum(THEME_CHOICES as [ThemeChoice, ...ThemeChoice[]]);
export const uiScaleSchema = z.literal(UI_SCALES);
export const plusTagModeSchema = z.enum(['render', 'strip']);

export const settingsPatchSchema = z
  .object({
    autoIdleMinutes: z.number().int().min(0).max(240),
    sounds: z.boolean(),
    toasts: z.boolean(),
    signInAtStart: z.boolean(),
    logMessageText: z.boolean(),
    theme: themeSchema,
    uiScale: uiScaleSchema,
    plusTags: plusTagModeSchema,
    escapeClosesConversation: z.boolean(),
    autoReply: autoReplySchema,
  })
  .partial()
  .strict();

/** A server to sign in to, as typed: `host:port` or `demo`. */
export const serverSchema = z.string().trim().min(1).max(255);

/** An account's own settings: its server, its proxy (null: none) and the proxy's password (empty: keep the saved one). */
export const accountSettingsPatchSchema = z
  .object({
    lastServer: serverSchema,
    proxy: proxySettingsSchema.nullable(),
    proxyPassword: proxyPasswordSchema,
  })
  .partial()
  .strict();

/** What Options → Connection's Test button tries: the proxy (password empty: the saved one) to this server. */
export const proxyTestSchema = z
  .object({ proxy: proxySettingsSchema, proxyPassword: proxyPasswordSchema, server: serverSchema })
  .strict();
/** Longer searches are not words anyone types; the cap keeps a query cheap. */
export const MAX_HISTORY_QUERY_LENGTH = 200;
export const historyQuerySchema = z.string().max(MAX_HISTORY_QUERY_LENGTH);

export const historyDeletionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation'), id: conversationIdSchema }).strict(),
  z.object({ kind: z.literal('contact'), handle: handleSchema }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);

export const historyExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), handle: handleSchema }).strict(),
  z.object({ kind: z.literal('search'), query: historyQuerySchema.trim().min(1) }).strict(),
]);

