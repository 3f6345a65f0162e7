// The app's small files (list caches, settings, sealed passwords) are written whole: each write
// goes to a temporary file renamed over the old one, one write at a time, so neither a crash nor
// two quick saves ever leave half a file. Files are owner-only, in an owner-only directory.
//
// The temporary file gets a random name and is created exclusively (`wx`): a name someone could
// guess, opened without O_EXCL, would follow a symlink planted there and overwrite whatever it
// points at. `rename` replaces a planted symlink at the final name instead of following it.

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export class AtomicWriter {
  private writes: Promise<void> = Promise.resolve();

  /** Queues writing `text` to `file`; resolves once it, and every earlier write, is done. */
  write(file: string, text: string): Promise<void> {
    const write = async (): Promise<void> => {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${randomBytes(12).toString('hex')}.tmp`;
      const handle = await open(temporary, 'wx', 0o600);
      try {
        try {
          await handle.writeFile(text);
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    };
    this.writes = this.writes.then(write, write);
    return this.writes;
  }

  /** Resolves once every queued write has finished (successfully or not). */
  flush(): Promise<void> {
    return this.writes.catch(() => undefined);
  }
}
