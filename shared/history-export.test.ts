import { describe, expect, it } from 'vitest';
import type { HistoryConversation, HistoryExportData } from './history';
import { type ExportWords, buildExport, localTime } from './history-export';

const HOSTILE = '<script>alert("x")</script> & <b>bold</b> \'quoted\'';
const sentAt = new Date(2026, 2, 3, 14, 5, 9).getTime();

const conversations: HistoryConversation[] = [
  {
    summary: { id: 'c1', participants: [{ handle: 'bob@example.com', name: 'Bob <the builder>' }], startedAt: sentAt, lastAt: sentAt, messages: 2 },
    messages: [
      { id: 'm1', conversationId: 'c1', from: 'bob@example.com', fromName: 'Bob <the builder>', text: HOSTILE, delivery: 'received', sentAt },
      {
        id: 'm2',
        conversationId: 'c1',
        from: 'me@example.com',
        fromName: 'Me',
        text: 'two\nlines',
        format: { font: 'Comic Sans MS', bold: true, italic: false, underline: false, strikethrough: false, color: '#ff0000', charset: '0', pitchFamily: '42' },
        delivery: 'failed',
        sentAt,
      },
    ],
  },
];

const input: HistoryExportData = { scope: { kind: 'contact', handle: 'bob@example.com' }, contactName: 'Bob <the builder>', conversations, exportedAt: sentAt };

/** Words in another language: everything the file says comes from them. */
const WORDS: ExportWords = {
  language: 'fr',
  title: (data) => (data.scope.kind === 'contact' ? `Historique avec ${data.contactName ?? ''} (${data.scope.handle})` : `Messages contenant « ${data.scope.query} »`),
  exported: (time, messages) => `Exporté le ${time}, ${messages} messages.`,
  conversation: (time, people) => `Conversation du ${time} avec ${people}`,
  nobodyElse: 'personne d’autre',
  notDelivered: '(non remis)',
  notConfirmed: '(remise non confirmée)',
};

describe('history exports', () => {
  it('writes plain text with a heading per conversation, times, names and handles', () => {
    const exported = buildExport(input, 'txt', WORDS);
    expect(exported).toMatchObject({ fileName: 'history-bob@example.com.txt', mimeType: 'text/plain;charset=utf-8', messages: 2 });
    expect(exported.content.split('\n')).toEqual([
      'Historique avec Bob <the builder> (bob@example.com)',
      'Exporté le 2026-03-03 14:05:09, 2 messages.',
      '',
      '=== Conversation du 2026-03-03 14:05:09 avec Bob <the builder> <bob@example.com> ===',
      `[2026-03-03 14:05:09] Bob <the builder> <bob@example.com>: ${HOSTILE}`,
      '[2026-03-03 14:05:09] Me <me@example.com> (non remis): two',
      '    lines',
      '',
    ]);
  });

  it('writes a standalone page where every piece of text is escaped and nothing can run', () => {
    const { content, fileName } = buildExport(input, 'html', WORDS);
    expect(fileName).toBe('history-bob@example.com.html');
    expect(content).toContain('<html lang="fr">');
    expect(content).toContain('<title>Historique avec Bob &#60;the builder&#62; (bob@example.com)</title>');
    expect(content).toContain('<h2>Conversation du 2026-03-03 14:05:09 avec Bob &#60;the builder&#62; &#60;bob@example.com&#62;</h2>');
    expect(content).not.toContain('<script>');
    expect(content).not.toContain('<b>bold');
    expect(content).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;bold&#60;/b&#62; &#39;quoted&#39;');
    expect(content).toContain('Bob &#60;the builder&#62;');
    expect(content).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(content).toContain('style="font-family: &#34;Comic Sans MS&#34;, cursive; color: #e50000; font-weight: bold"');
  });

  it('makes a file name of the safe characters only', () => {
    const search: HistoryExportData = { ...input, scope: { kind: 'search', query: '../../etc/passwd "x"' } };
    expect(buildExport(search, 'txt', WORDS).fileName).toBe('history-search-.._.._etc_passwd_x_.txt');
    expect(buildExport(search, 'html', WORDS).content).toContain('<title>Messages contenant « ../../etc/passwd &#34;x&#34; »</title>');
    expect(localTime(sentAt)).toBe('2026-03-03 14:05:09');
  });
});
