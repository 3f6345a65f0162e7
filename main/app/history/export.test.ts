import { describe, expect, it } from 'vitest';
import type { HistoryConversation } from '../../../shared/history';
import { buildExport, localTime } from './export';

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

const input = { title: 'Message history with Bob (bob@example.com)', name: 'history-bob@example.com', conversations, exportedAt: sentAt };

describe('history exports', () => {
  it('writes plain text with a heading per conversation, times, names and handles', () => {
    const exported = buildExport(input, 'txt');
    expect(exported).toMatchObject({ fileName: 'history-bob@example.com.txt', mimeType: 'text/plain;charset=utf-8', messages: 2 });
    expect(exported.content.split('\n')).toEqual([
      'Message history with Bob (bob@example.com)',
      'Exported 2026-03-03 14:05:09, 2 messages.',
      '',
      '=== Conversation of 2026-03-03 14:05:09 with Bob <the builder> <bob@example.com> ===',
      `[2026-03-03 14:05:09] Bob <the builder> <bob@example.com>: ${HOSTILE}`,
      '[2026-03-03 14:05:09] Me <me@example.com> (not delivered): two',
      '    lines',
      '',
    ]);
  });

  it('writes a standalone page where every piece of text is escaped and nothing can run', () => {
    const { content, fileName } = buildExport(input, 'html');
    expect(fileName).toBe('history-bob@example.com.html');
    expect(content).not.toContain('<script>');
    expect(content).not.toContain('<b>bold');
    expect(content).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#60;b&#62;bold&#60;/b&#62; &#39;quoted&#39;');
    expect(content).toContain('Bob &#60;the builder&#62;');
    expect(content).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(content).toContain('style="font-family: &#34;Comic Sans MS&#34;, cursive; color: #e50000; font-weight: bold"');
  });

  it('makes a file name of the safe characters only', () => {
    expect(buildExport({ ...input, name: 'history-search-../../etc/passwd "x"' }, 'txt').fileName).toBe('history-search-.._.._etc_passwd_x_.txt');
    expect(localTime(sentAt)).toBe('2026-03-03 14:05:09');
  });
});
