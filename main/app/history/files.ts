// Where an account's history lives, and the bookkeeping around the database file: one owner at a
// time, the lock a killed owner left behind, and setting a damaged file aside without deleting it.
//
// node-sqlite3-wasm's VFS locks a database by creating the directory `<file>.lock` and removes it
// when the transaction ends, so a process killed mid-write leaves it behind and every later open
// would find the database busy for ever. The owner file (`<file>.owner`, holding a pid) says who
// may clear it: a live owner keeps it, a dead one's lock is stale.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Longest file name made from a handle before it is hashed instead (file systems allow 255 bytes). */
const MAX_NAME_LENGTH = 120;

/** The database file of an account: `<dataDir>/history/<handle>.sqlite`, the handle made file-safe. */
export function historyFile(dataDir: string, handle: string): string {
  const key = handle.trim().toLowerCase();
  // Only letters, digits and @ . _ - are kept as they are: safe on every platform's file system.
  const safe = key.replace(/[^a-z0-9@._-]/g, (char) => `%${[...new TextEncoder().encode(char)].map((byte) => byte.toString(16).padStart(2, '0')).join('%')}`);
  const name = safe.length <= MAX_NAME_LENGTH ? safe : createHash('sha256').update(key).digest('hex');
  return join(dataDir, 'history', `${name}.sqlite`);
}

export class HistoryInUseError extends Error {
  constructor(readonly pid: number) {
    super(`The history database is in use by process ${pid}.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Makes this process the database's owner and clears a lock its previous owner left; throws HistoryInUseError if a live process owns it. */
export function claimDatabase(file: string): void {
  const ownerFile = `${file}.owner`;
  let owner: number | undefined;
  try {
    owner = Number.parseInt(readFileSync(ownerFile, 'utf8'), 10);
  } catch {
    owner = undefined;
  }
  if (owner !== undefined && Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) throw new HistoryInUseError(owner);
  writeFileSync(ownerFile, String(process.pid), { mode: 0o600 });
  rmSync(`${file}.lock`, { recursive: true, force: true });
}

export function releaseDatabase(file: string): void {
  rmSync(`${file}.owner`, { force: true });
}

export function ensureHistoryDirectory(file: string): void {
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
}

/**
 * Renames a damaged database (and its journal, which belongs with it) to `<name>.damaged-<time>.sqlite`
 * beside it, and returns the new name. Nothing is deleted: the file can still be looked at or repaired.
 */
export function setAside(file: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = file.replace(/\.sqlite$/, '');
  let target = `${base}.damaged-${stamp}.sqlite`;
  for (let n = 2; existsSync(target); n += 1) target = `${base}.damaged-${stamp}-${n}.sqlite`;
  renameSync(file, target);
  if (existsSync(`${file}-journal`)) renameSync(`${file}-journal`, `${target}-journal`);
  return target;
}
