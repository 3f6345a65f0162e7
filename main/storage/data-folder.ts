// The data folder holds the list caches, the settings and the sealed passwords. Someone else who
// can write there can plant files and links the app would read or replace; someone who can read
// there learns the contact lists. So the folder must be the user's own and private: a missing one
// is created that way, and any other is refused with a sentence saying what is wrong and how to fix
// it, before anything is read from it or written to it.

import { mkdirSync, statSync } from 'node:fs';
import type { AppError } from '../../shared/errors';

type DataFolderReason = 'data-folder-unusable' | 'data-folder-not-a-folder' | 'data-folder-foreign' | 'data-folder-not-private';

/**
 * The data folder cannot be used. The reason and folder are for the windows and the CLI to word;
 * the message is for the log and for the desktop app's start-up dialog, shown before any window.
 */
export class DataFolderError extends Error {
  readonly appError: AppError;

  constructor(reason: DataFolderReason, folder: string, message: string, code?: string) {
    super(message);
    this.name = 'DataFolderError';
    this.appError = { kind: 'input', reason, detail: { folder, ...(code !== undefined && { code }) } };
  }
}

export interface DataFolderOptions {
  /** Whose folder it must be; the process's user by default (undefined on Windows: no check). */
  readonly uid?: number;
}

/** Creates `dir` owner-only when missing; throws a DataFolderError when it is not the user's own and private. */
export function openDataFolder(dir: string, { uid = process.getuid?.() }: DataFolderOptions = {}): void {
  const notAFolder = new DataFolderError('data-folder-not-a-folder', dir, `The data folder ${dir} is not a folder.`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'EEXIST' || code === 'ENOTDIR') throw notAFolder;
    throw new DataFolderError('data-folder-unusable', dir, `The data folder ${dir} cannot be created (${code}).`, code);
  }
  const stats = statSync(dir);
  if (!stats.isDirectory()) throw notAFolder;
  // Windows has neither owners as numbers nor mode bits; its profile folders are private already.
  if (uid === undefined) return;
  if (stats.uid !== uid) {
    throw new DataFolderError('data-folder-foreign', dir, `The data folder ${dir} belongs to another user. Choose a folder of your own.`);
  }
  if ((stats.mode & 0o077) !== 0) {
    throw new DataFolderError(
      'data-folder-not-private',
      dir,
      `Other users can open the data folder ${dir}. Make it private (chmod 700 "${dir}") or choose another folder.`,
    );
  }
}
