import { describe, expect, it } from 'vitest';
import { type ConsoleLine, type ConsoleWords, consoleLineText, followConsole } from './console';

const WORDS: ConsoleWords = {
  opened: (target, via) => `connected to ${target}${via === undefined ? '' : ` through ${via}`}`,
  closed: (reason) => `closed (${reason})`,
};

// 2026-12-03 13:24:03.045 in the machine's own time zone, as wireTime shows it.
const AT = new Date(2026, 11, 3, 13, 24, 3, 45).getTime();

const line = (seq: number, text = `CHG ${seq} NLN`): ConsoleLine => ({ seq, at: AT, connection: 'NS 2', direction: 'out', text });

describe('console lines as text', () => {
  it('writes a command with its time, connection and side, and a payload indented below it', () => {
    expect(consoleLineText({ at: AT, connection: 'NS 2', direction: 'out', text: 'USR 3 MD5 S [hidden]' }, WORDS)).toBe('13:24:03.045 NS 2 C: USR 3 MD5 S [hidden]');
    expect(consoleLineText({ at: AT, connection: 'SB 3', direction: 'in', text: 'MSG a@b.c A 20', payload: 'MIME-Version: 1.0\n\nhello\n' }, WORDS)).toBe(
      '13:24:03.045 SB 3 S: MSG a@b.c A 20\n    MIME-Version: 1.0\n    \n    hello',
    );
  });

  it('words a connection opening, through a proxy or not, and its end', () => {
    expect(consoleLineText({ at: AT, connection: 'NS 1', direction: 'opened', text: 'h:1863', via: 'socks5://p:1080' }, WORDS)).toBe(
      '13:24:03.045 NS 1 connected to h:1863 through socks5://p:1080',
    );
    expect(consoleLineText({ at: AT, connection: 'NS 1', direction: 'closed', text: 'connection-closed' }, WORDS)).toBe('13:24:03.045 NS 1 closed (connection-closed)');
  });
});

describe('a window following the console', () => {
  it('adds what is new, once, and keeps its array when nothing is', () => {
    const first = followConsole([], { recording: true, lines: [line(1), line(2)], firstSeq: 1 });
    expect(first.map(({ seq }) => seq)).toEqual([1, 2]);
    const next = followConsole(first, { recording: true, lines: [line(3)], firstSeq: 1 });
    expect(next.map(({ seq }) => seq)).toEqual([1, 2, 3]);
    // A snapshot taken while events were on their way repeats lines the window has.
    expect(followConsole(next, { recording: true, lines: [line(2), line(3)], firstSeq: 1 })).toBe(next);
  });

  it('drops what the console no longer keeps: older than its limit, or cleared', () => {
    const lines = [line(1), line(2), line(3)];
    expect(followConsole(lines, { recording: true, lines: [line(4)], firstSeq: 3 }).map(({ seq }) => seq)).toEqual([3, 4]);
    expect(followConsole(lines, { recording: false, lines: [], firstSeq: 4 })).toEqual([]);
  });
});
