// The log a user can attach to a bug report: sign-in steps, errors, reconnects and the MSNP lines.
// Written by electron-log through its Node entry, so the desktop app, the browser host and the CLI
// share one logger and nothing in it requires electron (the packaged app resolves electron for our
// own bundle only). Every line, on every transport, goes through protocol/wire-log.ts's
// maskSecrets first. The file is its owner's alone and rotates at 1 MiB, keeping two older files.

import electronLog from 'electron-log/node';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { maskSecrets } from '../../protocol/wire-log';

export interface AppLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
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

export function openLog(options: LogOptions): AppLog {
  const logger = electronLog.create({ logId: `msn-messenger-${(instances += 1)}` });
  logger.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => maskSecrets(String(part))) }));
  logger.transports.console.level = options.stderr ? 'silly' : false;
  logger.transports.console.writeFn = ({ message }) => void process.stderr.write(`${message.data.join(' ')}\n`);
  const { file } = options;
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
    const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
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
  return {
    info: (line) => logger.info(line),
    warn: (line) => logger.warn(line),
    error: (line) => logger.error(line),
    file,
  };
}
