// The host's data files (settings, sealed passwords) are read at start through main/storage's
// versioned loader: a damaged one is set aside, logged, and reported so the user is told once.

import type { RecoveredFile } from '../../shared/model';
import { type FileFormat, loadDataFile } from '../storage/data-file';

export interface ReadDataFile<T> {
  /** The file's contents; undefined when it is missing or was damaged. */
  readonly value?: T;
  /** Set when the file was damaged and set aside. */
  readonly recovered?: RecoveredFile;
}

export function readDataFile<T>(
  file: string,
  format: FileFormat<T>,
  kind: RecoveredFile['file'],
  log: (line: string) => void,
): ReadDataFile<T> {
  const loaded = loadDataFile(file, format);
  if (loaded.status === 'loaded') return { value: loaded.value };
  if (loaded.status === 'missing') return {};
  log(`The ${kind} file ${file} could not be read (${loaded.problem}); ${loaded.backup ? `kept as ${loaded.backup}` : 'it could not be moved aside'}, using defaults`);
  return { recovered: { file: kind, ...(loaded.backup && { backup: loaded.backup }) } };
}
