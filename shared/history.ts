// Chat history as it crosses IPC: what the history window, a conversation's recent lines and the
// exports show. The store itself lives in main/app/history/; these are only its answers.

import type { DeliveryState, MessageFormat } from './model';

/** Someone in a kept conversation, with the name they had then. */
export interface HistoryPerson {
  readonly handle: string;
  readonly name: string;
}

/** One kept message, as it was shown: sender's handle and name at the time, its MSN 2.0 format. */
export interface HistoryMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly from: string;
  readonly fromName: string;
  readonly text: string;
  readonly format?: MessageFormat;
  readonly delivery: DeliveryState;
  readonly sentAt: number;
}

export interface HistoryConversationSummary {
  readonly id: string;
  /** The other people in it (not me), everyone who was ever there. */
  readonly participants: readonly HistoryPerson[];
  readonly startedAt: number;
  readonly lastAt: number;
  readonly messages: number;
}

/** A contact in the history window: their newest name and their conversations, newest first. */
export interface HistoryContact {
  readonly handle: string;
  readonly name: string;
  readonly conversations: readonly HistoryConversationSummary[];
}

export interface HistoryConversation {
  readonly summary: HistoryConversationSummary;
  readonly messages: readonly HistoryMessage[];
}

/** A piece of a hit's text; `hit` pieces matched the search. Joined, the pieces are the text exactly. */
export interface HighlightPart {
  readonly text: string;
  readonly hit: boolean;
}

export interface HistoryHit {
  readonly message: HistoryMessage;
  /** The handles of the other people in the hit's conversation. */
  readonly with: readonly string[];
  readonly parts: readonly HighlightPart[];
}

export interface HistorySearchResult {
  readonly query: string;
  /** Newest first. */
  readonly hits: readonly HistoryHit[];
  /** More messages matched than were returned. */
  readonly truncated: boolean;
}

/** What a delete removes. */
export type HistoryDeletion =
  | { readonly kind: 'conversation'; readonly id: string }
  | { readonly kind: 'contact'; readonly handle: string }
  | { readonly kind: 'all' };

/** What an export holds: every conversation with a contact, or every message a search finds. */
export type HistoryExportScope = { readonly kind: 'contact'; readonly handle: string } | { readonly kind: 'search'; readonly query: string };

export type HistoryExportFormat = 'txt' | 'html';

/** What main hands over for an export; the file is made where its words are (shared/history-export.ts). */
export interface HistoryExportData {
  readonly scope: HistoryExportScope;
  /** For a contact's history: their newest name in it, else on the contact list, else the handle. */
  readonly contactName?: string;
  readonly conversations: readonly HistoryConversation[];
  readonly exportedAt: number;
}

/** An export file, made by buildExport. */
export interface HistoryExport {
  /** A file name to suggest (no directory). */
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
  readonly messages: number;
}

/**
 * Why history is not being written as it should. `slow`: writes lag behind the chat; `disk-full`
 * and `write-failed`: writes fail and are retried, nothing is lost while the app runs; `damaged`:
 * the database could not be read, was set aside (`setAsideAs`) and a new one started; `unavailable`:
 * the database could not be opened at all (another copy of the app uses it).
 */
export type HistoryProblem = 'slow' | 'disk-full' | 'write-failed' | 'damaged' | 'unavailable';
