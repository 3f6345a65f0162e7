// The app's small files (list caches, settings, sealed passwords) are written whole: each write
// goes to a temporary file renamed over the old one, one write at a time, so neither a crash nor
// two quick saves ever leave half a file. Files are owner-only, in an owner-only directory.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export class AtomicWriter {
  private writes: Promise<void> = Promise.resolve();

  /** Queues writing `text` to `file`; resolves once it, and every earlier write, is done. */
  write(file: string, text: string): Promise<void> {
    const write = async (): Promise<void> => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, file);
    };
    this.writes = this.writes.then(write, write);
    return this.writes;
  }

  /** Resolves once every queued write has finished (successfully or not). */
  flush(): Promise<void> {
    return this.writes.catch(() => undefined);
  }
}
