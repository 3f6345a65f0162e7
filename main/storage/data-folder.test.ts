import { chmod, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderError, openDataFolder } from './data-folder';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'msn-data-folder-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** The error a window or the CLI is given for `dir`. */
function refusal(dir: string, uid?: number): unknown {
  try {
    openDataFolder(dir, uid === undefined ? {} : { uid });
  } catch (error) {
    return error instanceof DataFolderError ? error.appError : error;
  }
  return undefined;
}

describe('the data folder', () => {
  it('is created owner-only when missing, parents included', async () => {
    const dir = join(root, 'a', 'b');
    openDataFolder(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('is accepted when it is the user’s own and private', async () => {
    await chmod(root, 0o700);
    expect(() => openDataFolder(root)).not.toThrow();
  });

  it('is refused, saying how to fix it, when other users can open it', async () => {
    await chmod(root, 0o755);
    expect(() => openDataFolder(root)).toThrow(`Other users can open the data folder ${root}. Make it private (chmod 700 "${root}") or choose another folder.`);
    await chmod(root, 0o730);
    expect(refusal(root)).toEqual({ kind: 'input', reason: 'data-folder-not-private', detail: { folder: root } });
  });

  it('is refused when it belongs to someone else', async () => {
    const owner = (await stat(root)).uid;
    expect(() => openDataFolder(root, { uid: owner + 1 })).toThrow(`The data folder ${root} belongs to another user. Choose a folder of your own.`);
    expect(refusal(root, owner + 1)).toMatchObject({ reason: 'data-folder-foreign' });
  });

  it('is judged by where a symlink leads', async () => {
    const link = join(root, 'link');
    const shared = join(root, 'shared');
    await rm(shared, { force: true });
    openDataFolder(shared);
    await chmod(shared, 0o777);
    await symlink(shared, link);
    expect(() => openDataFolder(link)).toThrow(/Other users can open/);
  });

  it('is refused when it is a file', async () => {
    const file = join(root, 'file');
    await writeFile(file, '');
    expect(() => openDataFolder(file)).toThrow(`The data folder ${file} is not a folder.`);
    expect(refusal(file)).toMatchObject({ reason: 'data-folder-not-a-folder' });
  });
});
