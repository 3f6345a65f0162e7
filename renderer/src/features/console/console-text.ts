// What the console window filters, copies and saves: its lines as the shared layout writes them
// (the CLI's --trace prints the same), worded by strings.ts.

import { type ConsoleLine, consoleLineText } from '../../../../shared/console';
import { strings } from '../../strings';

export interface ConsoleFilter {
  /** Any text of the line (its connection, command, payload), case aside. */
  readonly text: string;
  /** One connection (`NS 2`, `SB 3`…), or every one. */
  readonly connection: string | undefined;
}

export const lineText = (line: ConsoleLine): string => consoleLineText(line, strings.console.words);

export function filterLines(lines: readonly ConsoleLine[], { text, connection }: ConsoleFilter): readonly ConsoleLine[] {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === '' && connection === undefined) return lines;
  return lines.filter((line) => (connection === undefined || line.connection === connection) && (wanted === '' || lineText(line).toLocaleLowerCase().includes(wanted)));
}

/** The connections in the order they opened. */
export function connectionsOf(lines: readonly ConsoleLine[]): readonly string[] {
  return [...new Set(lines.map((line) => line.connection))];
}

/** The lines as a text file, one after another, each ending with a line break. */
export function consoleFileText(lines: readonly ConsoleLine[]): string {
  return lines.map((line) => `${lineText(line)}\n`).join('');
}

/** `protocol-console-you@demo.msn-2026-12-03-132403.txt`: whose, and when it was saved. */
export function consoleFileName(handle: string | undefined, now: Date): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `protocol-console-${handle ? `${handle}-` : ''}${stamp}.txt`;
}
