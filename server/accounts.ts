// Accounts and their four lists (§11). Everything lives in memory: the server is for tests and the
// offline demo, so a restart starts again from the seeds.

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { percentEncode } from '../protocol/index';

export const LIST_NAMES = ['FL', 'AL', 'BL', 'RL'] as const;
export type ListName = (typeof LIST_NAMES)[number];
export type Privacy = 'AL' | 'BL';
export type AddedAlert = 'A' | 'N';

export interface AccountSeed {
  handle: string;
  password: string;
  friendlyName?: string;
  lists?: Partial<Record<ListName, string[]>>;
  privacy?: Privacy;
  addedAlert?: AddedAlert;
  emailEnabled?: boolean;
  inboxUnread?: number;
  foldersUnread?: number;
}

/** Handles are RFC 822-ish addresses of at most 129 bytes (§2.6). */
const HANDLE = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export const MAX_HANDLE_BYTES = 129;

export function isValidHandle(handle: string): boolean {
  return Buffer.byteLength(handle) <= MAX_HANDLE_BYTES && HANDLE.test(handle);
}

export function normalizeHandle(handle: string): string {
  return handle.toLowerCase();
}

export class Account {
  readonly handle: string;
  readonly password: string;
  /** The public friendly name, decoded (it is percent-encoded on the wire). */
  friendlyName: string;
  /** Each list maps a handle to the name stored with it, kept in its wire (percent-encoded) form. */
  readonly lists: Record<ListName, Map<string, string>>;
  /** The one version number of all lists and settings (§11.2): every change bumps it. */
  version = 1;
  privacy: Privacy;
  addedAlert: AddedAlert;
  emailEnabled: boolean;
  inboxUnread: number;
  foldersUnread: number;
  /** Stable Passport member id (PUID) for the profile. */
  readonly memberId: bigint;

  constructor(seed: AccountSeed) {
    this.handle = normalizeHandle(seed.handle);
    this.password = seed.password;
    this.friendlyName = seed.friendlyName ?? this.handle;
    this.lists = { FL: new Map(), AL: new Map(), BL: new Map(), RL: new Map() };
    this.privacy = seed.privacy ?? 'AL';
    this.addedAlert = seed.addedAlert ?? 'A';
    this.emailEnabled = seed.emailEnabled ?? true;
    this.inboxUnread = seed.inboxUnread ?? 0;
    this.foldersUnread = seed.foldersUnread ?? 0;
    this.memberId = memberIdOf(this.handle);
  }

  /** The friendly name as it travels on the wire. */
  get wireName(): string {
    return percentEncode(this.friendlyName);
  }

  bumpVersion(): number {
    this.version += 1;
    return this.version;
  }
}

function memberIdOf(handle: string): bigint {
  let hash = 0x811c9dc5n;
  for (const byte of Buffer.from(handle)) hash = ((hash ^ BigInt(byte)) * 0x1000193n) & 0xffffffffffffn;
  return hash;
}

export class AccountStore {
  private readonly accounts = new Map<string, Account>();

  get(handle: string): Account | undefined {
    return this.accounts.get(normalizeHandle(handle));
  }

  all(): Account[] {
    return [...this.accounts.values()];
  }

  /**
   * Adds an account and fills its lists. Names stored in the lists are the current friendly names of
   * known accounts (the handle otherwise); reverse lists are kept consistent in both directions, so a
   * seed only needs to name the people on its own forward list.
   */
  add(seed: AccountSeed): Account {
    const account = new Account(seed);
    if (!isValidHandle(account.handle)) throw new Error(`Invalid account handle: ${seed.handle}`);
    if (this.accounts.has(account.handle)) throw new Error(`Duplicate account: ${account.handle}`);
    this.accounts.set(account.handle, account);
    for (const list of LIST_NAMES) {
      for (const raw of seed.lists?.[list] ?? []) {
        const handle = normalizeHandle(raw);
        if (!isValidHandle(handle)) throw new Error(`Invalid handle ${raw} on ${account.handle}'s ${list}`);
        account.lists[list].set(handle, this.get(handle)?.wireName ?? handle);
      }
    }
    for (const other of this.accounts.values()) {
      if (other === account) continue;
      if (other.lists.FL.has(account.handle)) account.lists.RL.set(other.handle, other.wireName);
      if (account.lists.FL.has(other.handle)) other.lists.RL.set(account.handle, account.wireName);
      for (const list of LIST_NAMES) {
        if (other.lists[list].get(account.handle) === account.handle) other.lists[list].set(account.handle, account.wireName);
      }
    }
    return account;
  }
}

const seedSchema = z.object({
  handle: z.string().refine(isValidHandle, 'not a valid handle (name@domain, at most 129 bytes)'),
  password: z.string().min(1),
  friendlyName: z.string().max(129).optional(),
  lists: z.partialRecord(z.enum(LIST_NAMES), z.array(z.string())).optional(),
  privacy: z.enum(['AL', 'BL']).optional(),
  addedAlert: z.enum(['A', 'N']).optional(),
  emailEnabled: z.boolean().optional(),
  inboxUnread: z.number().int().min(0).optional(),
  foldersUnread: z.number().int().min(0).optional(),
});

/** Reads a JSON array of AccountSeed, with an error that names the bad entry and field. */
export function loadAccountsFile(path: string): AccountSeed[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read accounts from ${path}: ${(error as Error).message}`);
  }
  const result = z.array(seedSchema).safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid accounts file ${path} at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
