// The places windows had when they were last closed, in the data folder's windows.json (schema
// version 1, damage set aside as main/storage/data-file.ts does for every file): the contact list's
// position and size, and the size of conversation windows.

import { z } from 'zod';
import { AtomicWriter } from '../storage/atomic-writer';
import { type FileFormat, encode, loadDataFile } from '../storage/data-file';
import type { Rect, Size } from './window-placement';

const size = { width: z.number().int().positive(), height: z.number().int().positive() };
const rectSchema = z.object({ x: z.number().int(), y: z.number().int(), ...size });

const remembered = z.object({
  contactList: rectSchema.optional().catch(undefined),
  conversation: z.object(size).optional().catch(undefined),
});

type Remembered = z.output<typeof remembered>;

const WINDOWS_FORMAT: FileFormat<Remembered> = { version: 1, migrations: [], parse: (document) => remembered.parse(document) };

const whole = ({ x, y, width, height }: Rect): Rect => ({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) });

export class WindowMemory {
  private remembered: Remembered;
  private readonly writer = new AtomicWriter();

  constructor(
    private readonly file: string,
    private readonly log: (line: string) => void = () => {},
  ) {
    const loaded = loadDataFile(file, WINDOWS_FORMAT);
    if (loaded.status === 'damaged') log(`The window places in ${file} could not be read (${loaded.problem}); ${loaded.backup ? `kept as ${loaded.backup}` : 'left as it was'}`);
    this.remembered = loaded.status === 'loaded' ? loaded.value : {};
  }

  get contactList(): Rect | undefined {
    return this.remembered.contactList;
  }

  get conversationSize(): Size | undefined {
    return this.remembered.conversation;
  }

  rememberContactList(bounds: Rect): void {
    this.save({ ...this.remembered, contactList: whole(bounds) });
  }

  rememberConversationSize({ width, height }: Size): void {
    this.save({ ...this.remembered, conversation: { width: Math.round(width), height: Math.round(height) } });
  }

  /** Resolves once every write has finished (before the app quits). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** A place that cannot be written is logged: the window opens at the default place next time. */
  private save(next: Remembered): void {
    this.remembered = next;
    this.writer.write(this.file, encode(WINDOWS_FORMAT, next, 2)).catch((error: unknown) => this.log(`Could not remember the window places in ${this.file}: ${String(error)}`));
  }
}
