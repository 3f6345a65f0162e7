// Exports: a contact's history or a search's results as plain text or as one standalone HTML
// file, made where the words are (the renderer with its strings, the CLI with its table) from the
// conversations main hands over. The HTML file has no script and no outside resource, and its own
// Content-Security-Policy says so; every piece of text in it (names, handles, messages, the words)
// is escaped, so a message that contains markup shows as the characters that were typed. Times are
// written as local YYYY-MM-DD HH:MM:SS, which reads the same in every language.

import type { HistoryExport, HistoryExportData, HistoryExportFormat, HistoryMessage, HistoryPerson } from './history';
import { messageDeclarations } from './message-style';
import type { MessageFormat } from './model';

/** The sentences of an export file, from the renderer's strings module or the CLI's table. */
export interface ExportWords {
  /** The page's language, for the HTML file's `lang`. */
  readonly language: string;
  /** What the file holds: a contact's history (with their name) or a search's results. */
  title(data: HistoryExportData): string;
  /** The line under the title: when it was exported (`time` already written) and how many messages. */
  exported(time: string, messages: number): string;
  /** A conversation's heading: when it started and who was in it (`people` already written). */
  conversation(time: string, people: string): string;
  /** The people of a conversation nobody else was in. */
  readonly nobodyElse: string;
  /** After the sender of a message that did not reach everyone, or whose delivery was never confirmed. */
  readonly notDelivered: string;
  readonly notConfirmed: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

export function localTime(ms: number): string {
  const time = new Date(ms);
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
}

const people = (participants: readonly HistoryPerson[], words: ExportWords): string =>
  participants.map((person) => `${person.name} <${person.handle}>`).join(', ') || words.nobodyElse;

const deliveryNote = (message: HistoryMessage, words: ExportWords): string =>
  message.delivery === 'failed' ? ` ${words.notDelivered}` : message.delivery === 'sending' ? ` ${words.notConfirmed}` : '';

/** The words of one export: the title, the line under it and each conversation's heading. */
function headings(data: HistoryExportData, words: ExportWords) {
  const messages = data.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0);
  return {
    messages,
    title: words.title(data),
    exported: words.exported(localTime(data.exportedAt), messages),
    conversation: (summary: HistoryExportData['conversations'][number]['summary']) =>
      words.conversation(localTime(summary.startedAt), people(summary.participants, words)),
  };
}

/** Plain text: a heading per conversation, then `[time] Name <handle>: text`, continuation lines indented. */
function exportText(data: HistoryExportData, words: ExportWords): string {
  const heading = headings(data, words);
  const lines = [heading.title, heading.exported, ''];
  for (const conversation of data.conversations) {
    lines.push(`=== ${heading.conversation(conversation.summary)} ===`);
    for (const message of conversation.messages) {
      const [first = '', ...rest] = message.text.split('\n');
      lines.push(`[${localTime(message.sentAt)}] ${message.fromName} <${message.from}>${deliveryNote(message, words)}: ${first}`);
      for (const line of rest) lines.push(`    ${line}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** ` style="…"` (with its leading space) for a message's format, or nothing; validated values, escaped all the same. */
function messageCss(format: MessageFormat | undefined): string {
  const declarations = Object.entries(messageDeclarations(format, 'sans-serif') ?? {});
  if (declarations.length === 0) return '';
  const css = declarations.map(([property, value]) => `${property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}: ${value}`).join('; ');
  return ` style="${escapeHtml(css)}"`;
}

/** A standalone page: the same content, each message in its sender's MSN 2.0 font and colour. */
function exportHtml(data: HistoryExportData, words: ExportWords): string {
  const heading = headings(data, words);
  const body = data.conversations
    .map((conversation) => {
      const messages = conversation.messages
        .map(
          (message) =>
            `<div class="message">` +
            `<p class="says"><span class="sender">${escapeHtml(`${message.fromName} <${message.from}>`)}</span> ` +
            `<time datetime="${new Date(message.sentAt).toISOString()}">${escapeHtml(localTime(message.sentAt))}</time>` +
            `${escapeHtml(deliveryNote(message, words))}</p>` +
            `<p class="text"${messageCss(message.format)}>${escapeHtml(message.text)}</p></div>`,
        )
        .join('\n');
      return `<section><h2>${escapeHtml(heading.conversation(conversation.summary))}</h2>\n${messages}\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(words.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(heading.title)}</title>
<style>
body { font: 13px Tahoma, Verdana, sans-serif; margin: 1.5em; color: #000; background: #fff; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; border-bottom: 1px solid #9db4d8; padding-bottom: 2px; }
.says { margin: 0.6em 0 0; color: #555; } .sender { font-weight: bold; } time { color: #777; }
.text { margin: 0.1em 0 0 1em; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body>
<h1>${escapeHtml(heading.title)}</h1>
<p>${escapeHtml(heading.exported)}</p>
${body}
</body>
</html>
`;
}

/** A file-name stem for the export: the contact's handle or the search's words. */
function stemOf({ scope }: HistoryExportData): string {
  return scope.kind === 'contact' ? `history-${scope.handle}` : `history-search-${scope.query}`;
}

/** The export in the chosen format, in `words`, with a file name made of safe characters only. */
export function buildExport(data: HistoryExportData, format: HistoryExportFormat, words: ExportWords): HistoryExport {
  const stem = stemOf(data).replace(/[^\p{L}\p{N}@._-]+/gu, '_').slice(0, 80) || 'history';
  return {
    fileName: `${stem}.${format}`,
    mimeType: format === 'html' ? 'text/html;charset=utf-8' : 'text/plain;charset=utf-8',
    content: format === 'html' ? exportHtml(data, words) : exportText(data, words),
    messages: headings(data, words).messages,
  };
}
