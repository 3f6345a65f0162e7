// The app's small JSON files (settings, remembered passwords, list caches, window places) carry a
// schema version and are read one way: a missing file is simply not there yet; an older version is
// migrated step by step; a damaged or unreadable file is set aside beside itself as
// `<name>.<time>.bak`, so nothing in it is lost, and the caller starts from its defaults and says so.

import { readFileSync, renameSync } from 'node:fs';
import { parse as parsePath, join } from 'node:path';

type Document = Record<string, unknown>;

export const VERSION_FIELD = 'schemaVersion';

export interface FileFormat<T> {
  /** The version this app writes. A file without a version is version 1. */
  readonly version: number;
  /** `migrations[n - 1]` turns a version-n document into version n + 1. */
  readonly migrations: readonly ((document: Document) => Document)[];
  /**
   * Checks a document of this version (or of a newer one, which is read for what this version
   * knows); throws when it is damaged.
   */
  readonly parse: (document: Document) => T;
}

export type Loaded<T> =
  | { readonly status: 'missing' }
  | { readonly status: 'loaded'; readonly value: T }
  /** `backup`: where the damaged file now is; undefined when it could not be moved. */
  | { readonly status: 'damaged'; readonly problem: string; readonly backup: string | undefined };

const isDocument = (value: unknown): value is Document => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file's text as a current document: parsed, migrated and checked. Throws when it is damaged. */
export function decode<T>(text: string, format: FileFormat<T>): T {
  const json: unknown = JSON.parse(text);
  if (!isDocument(json)) throw new Error('not a JSON object');
  const { [VERSION_FIELD]: version = 1, ...document } = json;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error(`bad ${VERSION_FIELD} ${String(version)}`);
  const migrated = format.migrations.slice(version - 1, format.version - 1).reduce((current, migrate) => migrate(current), document);
  return format.parse(migrated);
}

/** The text to write: the document stamped with the format's version. */
export function encode(format: FileFormat<unknown>, document: object, indent?: number): string {
  return JSON.stringify({ [VERSION_FIELD]: format.version, ...document }, null, indent);
}

/** settings.json → settings.2026-12-03T13-24-03-123Z.bak, beside it. */
export function backupName(file: string, now: Date): string {
  const { dir, name } = parsePath(file);
  return join(dir, `${name}.${now.toISOString().replace(/[:.]/g, '-')}.bak`);
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
/** What is wrong, never what the file says: JSON.parse quotes the text, which may hold names or sealed passwords. */
const problemOf = (error: unknown): string =>
  error instanceof SyntaxError ? 'not valid JSON' : error instanceof Error ? error.message : String(error);

/**
 * Reads a data file whole. Synchronous: the files are small, the settings and passwords are needed
 * before anything else, and parsing JSON blocks the same way anyway.
 */
export function loadDataFile<T>(file: string, format: FileFormat<T>, now = new Date()): Loaded<T> {
  let problem: string;
  try {
    return { status: 'loaded', value: decode(readFileSync(file, 'utf8'), format) };
  } catch (error) {
    if (isMissing(error)) return { status: 'missing' };
    problem = problemOf(error);
  }
  const backup = backupName(file, now);
  try {
    renameSync(file, backup);
    return { status: 'damaged', problem, backup };
  } catch {
    return { status: 'damaged', problem, backup: undefined };
  }
}
