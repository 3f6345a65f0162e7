// Exports: a contact's history or a search's results as plain text or as one standalone HTML
// file. The HTML file has no script and no outside resource, and its own Content-Security-Policy
// says so; every piece of text in it (names, handles, messages) is escaped, so a message that
// contains markup shows as the characters that were typed. Times are written as local
// YYYY-MM-DD HH:MM:SS, which reads the same in every language.

import type { HistoryConversation, HistoryExport, HistoryExportFormat, HistoryMessage, HistoryPerson } from '../../../shared/history';
import { messageDeclarations } from '../../../shared/message-style';
import type { MessageFormat } from '../../../shared/model';

export interface ExportInput {
  /** What the file holds, e.g. "Message history with Bob (bob@example.com)". */
  readonly title: string;
  /** A file-name stem (no extension); made safe here. */
  readonly name: string;
  readonly conversations: readonly HistoryConversation[];
  readonly exportedAt: number;
}

const pad = (value: number): string => String(value).padStart(2, '0');

export function localTime(ms: number): string {
  const time = new Date(ms);
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}`;
}

const people = (participants: readonly HistoryPerson[]): string =>
  participants.map((person) => `${person.name} <${person.handle}>`).join(', ') || 'nobody else';

export const conversationHeading = (conversation: HistoryConversation): string =>
  `Conversation of ${localTime(conversation.summary.startedAt)} with ${people(conversation.summary.participants)}`;

const deliveryNote = (message: HistoryMessage): string =>
  message.delivery === 'failed' ? ' (not delivered)' : message.delivery === 'sending' ? ' (not confirmed as delivered)' : '';

const countLine = (count: number): string => `${count} ${count === 1 ? 'message' : 'messages'}`;

function messageCount(input: ExportInput): number {
  return input.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0);
}

/** Plain text: a heading per conversation, then `[time] Name <handle>: text`, continuation lines indented. */
export function exportText(input: ExportInput): string {
  const lines = [input.title, `Exported ${localTime(input.exportedAt)}, ${countLine(messageCount(input))}.`, ''];
  for (const conversation of input.conversations) {
    lines.push(`=== ${conversationHeading(conversation)} ===`);
    for (const message of conversation.messages) {
      const [first = '', ...rest] = message.text.split('\n');
      lines.push(`[${localTime(message.sentAt)}] ${message.fromName} <${message.from}>${deliveryNote(message)}: ${first}`);
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
export function exportHtml(input: ExportInput): string {
  const body = input.conversations
    .map((conversation) => {
      const messages = conversation.messages
        .map(
          (message) =>
            `<div class="message">` +
            `<p class="says"><span class="sender">${escapeHtml(`${message.fromName} <${message.from}>`)}</span> ` +
            `<time datetime="${new Date(message.sentAt).toISOString()}">${escapeHtml(localTime(message.sentAt))}</time>` +
            `${escapeHtml(deliveryNote(message))}</p>` +
            `<p class="text"${messageCss(message.format)}>${escapeHtml(message.text)}</p></div>`,
        )
        .join('\n');
      return `<section><h2>${escapeHtml(conversationHeading(conversation))}</h2>\n${messages}\n</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(input.title)}</title>
<style>
body { font: 13px Tahoma, Verdana, sans-serif; margin: 1.5em; color: #000; background: #fff; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; border-bottom: 1px solid #9db4d8; padding-bottom: 2px; }
.says { margin: 0.6em 0 0; color: #555; } .sender { font-weight: bold; } time { color: #777; }
.text { margin: 0.1em 0 0 1em; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body>
<h1>${escapeHtml(input.title)}</h1>
<p>${escapeHtml(`Exported ${localTime(input.exportedAt)}, ${countLine(messageCount(input))}.`)}</p>
${body}
</body>
</html>
`;
}

/** The export in the chosen format, with a file name made of the safe characters of `name`. */
export function buildExport(input: ExportInput, format: HistoryExportFormat): HistoryExport {
  const stem = input.name.replace(/[^\p{L}\p{N}@._-]+/gu, '_').slice(0, 80) || 'history';
  return {
    fileName: `${stem}.${format}`,
    mimeType: format === 'html' ? 'text/html;charset=utf-8' : 'text/plain;charset=utf-8',
    content: format === 'html' ? exportHtml(input) : exportText(input),
    messages: messageCount(input),
  };
}
