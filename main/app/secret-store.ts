// Where a remembered password lives. The settings file never holds one: Electron seals it with
// safeStorage (the OS keychain), the browser host keeps it in memory for the life of the process,
// and where the system has no keyring worth the name nothing keeps it at all.

import { z } from 'zod';
import type { PasswordStorage } from '../../shared/ipc';
import type { RecoveredFile } from '../../shared/model';
import { AtomicWriter } from '../storage/atomic-writer';
import { type FileFormat, encode } from '../storage/data-file';
import { readDataFile } from './json-file';

export interface SecretStore {
  /** How the passwords are kept; `none` stores nothing, and the sign-in form does not offer to. */
  readonly storage: PasswordStorage;
  /** Set when the store's file was damaged and set aside at start. */
  readonly recovered?: RecoveredFile;
  get(handle: string): string | undefined;
  has(handle: string): boolean;
  set(handle: string, password: string): Promise<void>;
  delete(handle: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  readonly storage = 'memory';
  private readonly secrets = new Map<string, string>();

  get(handle: string): string | undefined {
    return this.secrets.get(handle);
  }

  has(handle: string): boolean {
    return this.secrets.has(handle);
  }

  async set(handle: string, password: string): Promise<void> {
    this.secrets.set(handle, password);
  }

  async delete(handle: string): Promise<void> {
    this.secrets.delete(handle);
  }
}

/** Seals strings so that only this user on this machine can open them (Electron's safeStorage). */
export interface Cipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

const SEALED_FORMAT: FileFormat<Record<string, string>> = {
  version: 2,
  migrations: [
    // 1 → 2: version 1 was the map of handles itself; it moves under `sealed` beside the version.
    (sealed) => ({ sealed }),
  ],
  parse: (document) => z.object({ sealed: z.record(z.string(), z.string()) }).parse(document).sealed,
};

/** Keeps no password: for a system where it could only be stored with a key anyone can read. */
export class NoSecretStore implements SecretStore {
  readonly storage = 'none';

  get(): undefined {
    return undefined;
  }

  has(): boolean {
    return false;
  }

  async set(): Promise<void> {}

  async delete(): Promise<void> {}
}

/** Sealed passwords in an owner-only JSON file, base64 per handle. */
export class SealedFileSecretStore implements SecretStore {
  readonly storage = 'keyring';
  private readonly writer = new AtomicWriter();
  private readonly sealed: Map<string, string>;
  readonly recovered?: RecoveredFile;

  /** A missing or damaged file is an empty store: the user types the password again. */
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
    log: (line: string) => void = () => {},
  ) {
    const { value, recovered } = readDataFile(file, SEALED_FORMAT, 'passwords', log);
    this.sealed = new Map(Object.entries(value ?? {}));
    if (recovered) this.recovered = recovered;
  }

  get(handle: string): string | undefined {
    const sealed = this.sealed.get(handle);
    if (sealed === undefined) return undefined;
    try {
      return this.cipher.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      return undefined;
    }
  }

  has(handle: string): boolean {
    return this.sealed.has(handle);
  }

  async set(handle: string, password: string): Promise<void> {
    this.sealed.set(handle, this.cipher.encrypt(password).toString('base64'));
    await this.save();
  }

  async delete(handle: string): Promise<void> {
    if (this.sealed.delete(handle)) await this.save();
  }

  private save(): Promise<void> {
    return this.writer.write(this.file, encode(SEALED_FORMAT, { sealed: Object.fromEntries(this.sealed) }));
  }
}
