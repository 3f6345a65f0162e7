// What a log may show. One rule serves every sink (the desktop app's log file, the CLI's and the
// browser host's --log, --verbose on a terminal): never a password hash, a challenge answer, a
// switchboard cookie or a Passport form's password-derived field, and message bodies only by
// their length unless the user asked for message text in the log.

import type { MsnpCommand } from './command';
import { mediaType, parseMime } from './mime';

export type WireDirection = 'in' | 'out';
export type WireLogger = (direction: WireDirection, text: string) => void;

export interface DescribeOptions {
  /** Show the text of plain-text instant messages ("log message text" in Options). */
  readonly messageText?: boolean;
}

export const HIDDEN = '[hidden]';

/** A command as one log line, with its secrets hidden and its payload shown by length. */
export function describeForLog(command: MsnpCommand, options: DescribeOptions = {}): string {
  const text = maskSecrets([command.name, ...command.params].join(' '));
  if (!command.payload) return text;
  const size = `${command.payload.byteLength} bytes`;
  const shown = options.messageText && command.name === 'MSG' ? messageText(command.payload) : undefined;
  return shown === undefined ? `${text} <${size}>` : `${text} <${size}: ${JSON.stringify(shown)}>`;
}

/** The body of a plain-text instant message; undefined for anything else (profiles, mail, typing). */
function messageText(payload: Uint8Array): string | undefined {
  const message = parseMime(payload);
  return mediaType(message) === 'text/plain' ? message.body : undefined;
}

/**
 * Each rule keeps its first group (the name and separator) and hides what follows. MSNP lines: the
 * NS `USR … S` answer (MD5 hash or challenge), the SB `USR trid handle cookie` and
 * `ANS trid handle cookie`, a `CKI` cookie in XFR or RNG. Passport forms, as `name=value`, JSON or
 * `name: value`: `creds` and `k2` (MD5 of the password), `k1`, and the tickets `auth` and `MSPAuth`.
 */
export const SECRET_RULES: readonly RegExp[] = [
  /\b(USR \d+ (?:\S+ )?S )\S+(?: \S+)*/g,
  /\b(USR \d+ [^\s@]+@\S+ )\S+/g,
  /\b(ANS \d+ \S+ )\S+/g,
  /\b(CKI )\S+/g,
  /\b((?:creds|k1|k2|auth|MSPAuth)(?:=|"\s*:\s*"|:\s*))[^&\s"]+/g,
];

/** What every rule's match contains, one of them at least: a text with none of these has nothing to hide. */
const MAY_HOLD_SECRET = /USR |ANS |CKI |creds|k1|k2|auth|MSPAuth/;

/** Hides every secret the rules know in a line of any origin (a wire line, an error, a stack). */
export function maskSecrets(text: string): string {
  // Most lines (a sign-in's thousands of LST and ILN lines) hold none of the words the rules start
  // with: one search says so, where the five rules would each search the line.
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return SECRET_RULES.reduce((masked, rule) => masked.replace(rule, `$1${HIDDEN}`), text);
}
