// Runtime schemas for every argument that crosses IPC, one per kind of input; the command table
// (commands.ts) is made of them. The core validates with it before any handler runs: a renderer
// (or a page on the browser host) can send anything.

import { z } from 'zod';
import { MAX_HANDLE_LENGTH, isValidHandle } from './handles';
import { ACCOUNT_ID_SHAPE } from './accounts';
import { MAX_ENCODED_NAME_BYTES, SETTABLE_STATUSES, type SettableStatus, URL_SERVICES, type UrlService } from './model';

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
export const messageTextSchema = z.string().min(1).max(MAX_MESSAGE_LENGTH);
// The encoded form is never shorter than the text; main checks the exact encoded size.
export const friendlyNameSchema = z.string().trim().min(1).max(MAX_ENCODED_NAME_BYTES);
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

export const settingsPatchSchema = z
  .object({
    autoIdleMinutes: z.number().int().min(0).max(240),
    sounds: z.boolean(),
    toasts: z.boolean(),
    signInAtStart: z.boolean(),
    lastServer: z.string().max(255),
    lastHandle: z.string().max(MAX_HANDLE_LENGTH),
    rememberPassword: z.boolean(),
    autoSignIn: z.boolean(),
    logMessageText: z.boolean(),
  })
  .partial()
  .strict();
