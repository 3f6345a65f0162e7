// The log a user can attach to a bug report: sign-in steps, errors, reconnects and the MSNP lines.
// Written by electron-log through its Node entry, so the desktop app, the browser host and the CLI
// share one logger and nothing in it requires electron (the packaged app resolves electron for our
// own bundle only). Every line, on every transport, goes through protocol/wire-log.ts's
// maskSecrets first. The file is its owner's alone and rotates at 1 MiB, keeping two older files.
// Info lines (the MSNP lines among them) are held for up to 100 ms and written together: a sign-in
// with 5000 contacts logs some 10,000 lines, and written one at a time, each a synchronous write
// of its own, they took 27 µs a line, three times the time of the sign-in itself; a chat's round
// trip logs five lines on each side. A warning or an error (the crash handlers' among them), the
// app's quitting and the process's exit write what is held first, so the file keeps its order and
// a crash its last lines; only a process killed outright loses up to its last 100 ms.

import electronLog from 'electron-log/node';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { maskSecrets } from '../../protocol/wire-log';

export interface AppLog {
  /** Held for up to 100 ms (or until `flush`), then written with the others held. */
  info(line: string): void;
  /** Written at once, after what is held. */
  warn(line: string): void;
  /** Written at once, after what is held. */
  error(line: string): void;
  /** Writes the info lines held now. */
  flush(): void;
  /** The file being written, when there is one. */
  readonly file: string | undefined;
}

export interface LogOptions {
  /** The log file; without one nothing is written to disk. */
  readonly file?: string;
  /** Every line on stderr too (the browser host's --verbose). */
  readonly stderr?: boolean;
  /** The size at which the file is rotated. */
  readonly maxBytes?: number;
}

export const LOG_MAX_BYTES = 1024 * 1024;
/** Older files kept beside the log: `main.1.log` (the newer) and `main.2.log`. */
export const LOG_ARCHIVES = 2;

/** The name of the `n`th older file: main.log → main.1.log. */
export function archiveOf(file: string, n: number): string {
  const { dir, name, ext } = parse(file);
  return join(dir, `${name}.${n}${ext}`);
}

/** Shifts main.log → main.1.log → main.2.log, dropping the oldest. */
function rotate(file: string): boolean {
  for (let n = LOG_ARCHIVES; n >= 1; n -= 1) {
    const from = n === 1 ? file : archiveOf(file, n - 1);
    if (!existsSync(from)) continue;
    try {
      renameSync(from, archiveOf(file, n));
    } catch {
      return false;
    }
  }
  return true;
}

let instances = 0;

/**
 * The most info a log holds before writing it (a sixteenth of the file's size, at most 16 KiB): a
 * burst goes out in pieces, and a file outgrows its size by no more than one piece before rotating.
 */
const HELD_BYTES = 16 * 1024;
/** How long an info line waits for others to be written with. */
export const HOLD_MS = 100;

/** Every log's flush, run once when the process exits (one listener, however many logs). */
const flushers = new Set<() => void>();
let flushAtExit = false;

/**
 * `[2026-12-04 01:40:00.123] [info]  text`, electron-log's own layout: on every line of the info
 * lines written together, and on the first line of a warning or an error (a stack's lines follow).
 */
function prefixed(text: string, date: Date, level: string): string {
  const two = (value: number): string => value.toString().padStart(2, '0');
  const stamp = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${date.getMilliseconds().toString().padStart(3, '0')}`;
  const prefix = `[${stamp}] [${`${level}]`.padEnd(6)} `;
  return prefix + (level === 'info' ? text.replaceAll('\n', `\n${prefix}`) : text);
}

export function openLog(options: LogOptions): AppLog {
  const logger = electronLog.create({ logId: `msn-messenger-${(instances += 1)}` });
  logger.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => maskSecrets(String(part))) }));
  logger.transports.console.level = options.stderr ? 'silly' : false;
  logger.transports.console.writeFn = ({ message }) => void process.stderr.write(`${message.data.join(' ')}\n`);
  // The file's one transform: the lines with their prefix. (electron-log's own would also look for
  // console styles and pass each text through JSON and util.format, which our strings never need.)
  logger.transports.file.transforms = [({ data, message }) => prefixed(data.map(String).join(' '), message.date, message.level)];
  const { file } = options;
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  if (file === undefined) {
    logger.transports.file.level = false;
  } else {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, '', { flag: 'a', mode: 0o600 });
      // A file left by an older version, or made by hand, becomes owner-only too.
      chmodSync(file, 0o600);
    } catch (error) {
      throw new Error(`Cannot write the log file ${file}: ${(error as Error).message}`, { cause: error });
    }
    // electron-log works out its default folder from the app's name even when told the path: named
    // here, it never goes looking for a package.json (a packaged app may start anywhere).
    logger.transports.file.setAppName('MSN Messenger');
    Object.assign(logger.transports.file, {
      resolvePathFn: () => file,
      maxSize: maxBytes,
      writeOptions: { flag: 'a', mode: 0o600, encoding: 'utf8' },
      // Written as each line comes, so the last lines before a crash are in the file.
      sync: true,
      archiveLogFn: (current: { crop(bytesAfter: number): void }) => {
        if (!rotate(file)) current.crop(Math.round(maxBytes / 4));
      },
    });
  }
  const mostHeld = Math.min(HELD_BYTES, Math.floor(maxBytes / 16));
  let held: string[] = [];
  let heldBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (held.length === 0) return;
    const text = held.join('\n');
    held = [];
    heldBytes = 0;
    logger.info(text);
  };
  flushers.add(flush);
  if (!flushAtExit) {
    flushAtExit = true;
    process.once('exit', () => {
      for (const flushHeld of flushers) flushHeld();
    });
  }
  return {
    info: (line) => {
      held.push(line);
      heldBytes += line.length;
      if (heldBytes >= mostHeld) flush();
      // Unreferenced: a held line keeps no process alive (its exit writes it).
      else timer ??= setTimeout(flush, HOLD_MS).unref();
    },
    warn: (line) => {
      flush();
      logger.warn(line);
    },
    error: (line) => {
      flush();
      logger.error(line);
    },
    flush,
    file,
  };
}
