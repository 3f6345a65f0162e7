// The data folder holds the list caches, the settings and the sealed passwords. Someone else who
// can write there can plant files and links the app would read or replace; someone who can read
// there learns the contact lists. So the folder must be the user's own and private: a missing one
// is created that way, and any other is refused with a sentence saying what is wrong and how to fix
// it, before anything is read from it or written to it.

import { mkdirSync, statSync } from 'node:fs';

/** The data folder cannot be used; the message says why, for the user. */
export class DataFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderError';
  }
}

export interface DataFolderOptions {
  /** Whose folder it must be; the process's user by default (undefined on Windows: no check). */
  readonly uid?: number;
}

/** Creates `dir` owner-only when missing; throws a DataFolderError when it is not the user's own and private. */
export function openDataFolder(dir: string, { uid = process.getuid?.() }: DataFolderOptions = {}): void {
  const notAFolder = new DataFolderError(`The data folder ${dir} is not a folder.`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw notAFolder;
    throw new DataFolderError(`The data folder ${dir} cannot be created (${code ?? String(error)}).`);
  }
  const stats = statSync(dir);
  if (!stats.isDirectory()) throw notAFolder;
  // Windows has neither owners as numbers nor mode bits; its profile folders are private already.
  if (uid === undefined) return;
  if (stats.uid !== uid) {
    throw new DataFolderError(`The data folder ${dir} belongs to another user. Choose a folder of your own.`);
  }
  if ((stats.mode & 0o077) !== 0) {
    throw new DataFolderError(
      `Other users can open the data folder ${dir}. Make it private (chmod 700 "${dir}") or choose another folder.`,
    );
  }
}
