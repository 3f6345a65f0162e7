// The Hotmail page as a file for the user's browser (the desktop app and the CLI). The page holds
// `creds` with `auth` and `sl` beside it, enough to attack the password offline, so it is written
// owner-only into a private directory and kept only as long as a browser needs to load it: it is
// removed PAGE_LIFETIME_MS after it was written, when the messenger signs out, when this process
// exits, and, for a process that was killed, by the next start (removeLeftoverPages). Removing it
// at once would race the browser, which reads it only after it has started.

import { rmSync } from 'node:fs';
import { lstat, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PassportForm } from '../../shared/model';
import { renderFormPage } from './page';

/** Each page's directory is `msn-hotmail-<pid>-<random>`: the pid says whether its writer still runs. */
export const PAGE_DIRECTORY_PREFIX = 'msn-hotmail-';
/** Time for a browser that must start first to read the page; it posts itself at once. */
export const PAGE_LIFETIME_MS = 20_000;

export interface FormPageOptions {
  /** Parent of the private directories; the system temp directory by default. */
  readonly temporaryRoot?: string;
  readonly lifetimeMs?: number;
}

/** Every page directory this process has not removed yet, whichever FormPages wrote it. */
const livePages = new Set<string>();
let exitHookInstalled = false;

/** On exit only synchronous work runs; a killed process leaves its pages to the next start's sweep. */
function removeLivePagesNow(): void {
  for (const directory of livePages) rmSync(directory, { recursive: true, force: true });
  livePages.clear();
}

function trackPage(directory: string): void {
  livePages.add(directory);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', removeLivePagesNow);
}

/** The pages one messenger wrote. */
export class FormPages {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: FormPageOptions = {}) {}

  /** Writes the page, hands its path to the opener, and schedules its removal; resolves with the path. */
  async open(form: PassportForm, openExternal: (path: string) => Promise<void>): Promise<string> {
    const root = this.options.temporaryRoot ?? tmpdir();
    const directory = await mkdtemp(join(root, `${PAGE_DIRECTORY_PREFIX}${process.pid}-`));
    trackPage(directory);
    // Not unref'd: a process that would otherwise end stays until the page is gone.
    this.timers.set(directory, setTimeout(() => void this.remove(directory), this.options.lifetimeMs ?? PAGE_LIFETIME_MS));
    const path = join(directory, 'hotmail.html');
    try {
      await writeFile(path, renderFormPage(form), { mode: 0o600, flag: 'wx' });
      await openExternal(path);
    } catch (error) {
      await this.remove(directory);
      throw error;
    }
    return path;
  }

  /** Removes every page still there (at sign-out). */
  async removeAll(): Promise<void> {
    await Promise.all([...this.timers.keys()].map((directory) => this.remove(directory)));
  }

  private async remove(directory: string): Promise<void> {
    clearTimeout(this.timers.get(directory));
    this.timers.delete(directory);
    livePages.delete(directory);
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Removes this user's page directories that no running process will remove: those of a process
 * that has ended, and any older than the lifetime. Resolves with how many went.
 */
export async function removeLeftoverPages({ temporaryRoot = tmpdir(), lifetimeMs = PAGE_LIFETIME_MS }: FormPageOptions = {}): Promise<number> {
  const uid = process.getuid?.();
  let removed = 0;
  for (const name of await readdir(temporaryRoot)) {
    if (!name.startsWith(PAGE_DIRECTORY_PREFIX)) continue;
    const directory = join(temporaryRoot, name);
    const stats = await lstat(directory).catch(() => undefined);
    if (!stats?.isDirectory() || (uid !== undefined && stats.uid !== uid)) continue;
    const writer = /^msn-hotmail-(\d+)-/.exec(name)?.[1];
    const pid = writer === undefined ? undefined : Number(writer);
    if (livePages.has(directory)) continue;
    // A directory without a pid comes from an older version: only its age tells. One with this
    // process's pid that it does not know comes from an earlier process that had the same pid.
    const expired = Date.now() - stats.mtimeMs > lifetimeMs;
    const writerRuns = pid === undefined || (pid !== process.pid && isRunning(pid));
    if (!expired && writerRuns) continue;
    await rm(directory, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
