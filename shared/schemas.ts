// Runtime schemas for every argument that crosses IPC. Main validates with these before any
// handler runs; a renderer (or a page on the browser host) can send anything.

import { z } from 'zod';
import { MAX_HANDLE_LENGTH, isValidHandle } from './handles';
import type { CommandName, IpcCommands } from './ipc';
import { MAX_ENCODED_NAME_BYTES, URL_SERVICES, type UrlService } from './model';

export const MAX_MESSAGE_LENGTH = 20_000;

export const handleSchema = z.string().trim().toLowerCase().refine(isValidHandle, 'That is not a valid e-mail address.');

const statusSchema = z.enum(['NLN', 'BSY', 'IDL', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN']);
const editableList = z.enum(['FL', 'AL', 'BL']);
const conversationId = z.string().min(1).max(100);

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
  server: z.string().trim().min(1).max(255),
  handle: handleSchema,
  password: z.string().max(256),
  status: statusSchema,
  rememberPassword: z.boolean(),
  autoSignIn: z.boolean(),
});

const settingsPatchSchema = z
  .object({
    autoIdleMinutes: z.number().int().min(0).max(240),
    sounds: z.boolean(),
    toasts: z.boolean(),
    signInAtStart: z.boolean(),
    lastServer: z.string().max(255),
    lastHandle: z.string().max(MAX_HANDLE_LENGTH),
    rememberPassword: z.boolean(),
    autoSignIn: z.boolean(),
  })
  .partial()
  .strict();

/** Longer searches are not words anyone types; the cap keeps a query cheap. */
export const MAX_HISTORY_QUERY_LENGTH = 200;
const historyQuery = z.string().max(MAX_HISTORY_QUERY_LENGTH);

const historyDeletionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('conversation'), id: conversationId }).strict(),
  z.object({ kind: z.literal('contact'), handle: handleSchema }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
]);

const historyExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), handle: handleSchema }).strict(),
  z.object({ kind: z.literal('search'), query: historyQuery.trim().min(1) }).strict(),
]);

/** One tuple schema per command, matching `IpcCommands[K]['args']`. */
export const commandSchemas: { readonly [K in CommandName]: z.ZodType<IpcCommands[K]['args']> } = {
  getSnapshot: z.tuple([]),
  signIn: z.tuple([signInSchema]),
  signOut: z.tuple([]),
  setStatus: z.tuple([statusSchema]),
  // The encoded form is never shorter than the text; main checks the exact encoded size.
  setFriendlyName: z.tuple([z.string().trim().min(1).max(MAX_ENCODED_NAME_BYTES)]),
  addContact: z.tuple([editableList, handleSchema]),
  removeContact: z.tuple([editableList, handleSchema]),
  blockContact: z.tuple([handleSchema]),
  unblockContact: z.tuple([handleSchema]),
  setPrivacyMode: z.tuple([z.enum(['AL', 'BL'])]),
  setAddedAlert: z.tuple([z.enum(['A', 'N'])]),
  setIms: z.tuple([z.boolean()]),
  inviteByEmail: z.tuple([handleSchema]),
  openInbox: z.tuple([]),
  openUrl: z.tuple([z.enum(URL_SERVICES as [UrlService, ...UrlService[]]), handleSchema.optional()]),
  openNewMail: z.tuple([]),
  answerAddedBy: z.tuple([handleSchema, z.object({ allow: z.boolean(), addToContacts: z.boolean() }).strict()]),
  openConversation: z.tuple([handleSchema]),
  showConversation: z.tuple([conversationId]),
  sendMessage: z.tuple([conversationId, z.string().min(1).max(MAX_MESSAGE_LENGTH), messageFormatSchema.optional()]),
  resendMessage: z.tuple([conversationId, z.string().min(1).max(100)]),
  sendTyping: z.tuple([conversationId]),
  inviteToConversation: z.tuple([conversationId, handleSchema]),
  closeConversation: z.tuple([conversationId]),
  reportActivity: z.tuple([]),
  saveSettings: z.tuple([settingsPatchSchema]),
  setHistoryEnabled: z.tuple([z.boolean()]),
  openHistory: z.tuple([handleSchema.optional()]),
  historyRecent: z.tuple([conversationId]),
  historyContacts: z.tuple([]),
  historyConversation: z.tuple([conversationId]),
  historySearch: z.tuple([historyQuery]),
  historyDelete: z.tuple([historyDeletionSchema]),
  historyExport: z.tuple([historyExportScopeSchema, z.enum(['txt', 'html'])]),
};
