// Packages the app as `npm run dist` would for Linux, offline: `electron-vite build`, then
// electron-builder's unpacked-directory target (`--dir`) reading the project's own
// electron-builder.yml, with a stand-in Electron distribution instead of a download. The project is
// staged in a temporary directory so that building never touches out/, which other tests serve.

import { extractAll } from '@electron/asar';
import { build } from 'electron-vite';
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

export interface PackagedApp {
  /** The unpacked application directory electron-builder wrote (linux-unpacked). */
  readonly unpackedDir: string;
  /** resources/app.asar inside it. */
  readonly asarPath: string;
  /** The archive's contents, extracted: what app.getAppPath() is in the installed app. */
  readonly appDir: string;
}

/**
 * The smallest directory electron-builder accepts as an unpacked Electron for Linux: the executable
 * it renames to the app's name, and the version file. Nothing in it ever runs.
 */
async function fakeElectronDist(dir: string, version: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await writeFile(join(dir, 'electron'), '#!/bin/sh\necho "a stand-in for Electron in the packaging test" >&2\nexit 1\n');
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), version);
  return dir;
}

/** The project as electron-builder sees it: its manifest, lockfile, config and assets, build output, node_modules. */
async function stageProject(dir: string): Promise<void> {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) await cp(join(root, file), join(dir, file));
  // All of assets/, not only what the config names: the config's `files` must do the choosing.
  await cp(join(root, 'assets'), join(dir, 'assets'), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await build({ root, configFile: join(root, 'electron.vite.config.ts'), build: { outDir: join(dir, 'out') }, logLevel: 'silent' });
}

/** Builds, packages and extracts the app under `workDir` (an empty temporary directory). */
export async function packageApp(workDir: string): Promise<PackagedApp> {
  const projectDir = join(workDir, 'project');
  const outputDir = join(workDir, 'dist');
  await mkdir(projectDir);
  await stageProject(projectDir);
  const { version } = JSON.parse(await readFile(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  const electronDist = await fakeElectronDist(join(workDir, 'electron-dist'), version);
  try {
    await run(
      process.execPath,
      [
        join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--linux',
        '--dir',
        '--publish',
        'never',
        '--projectDir',
        projectDir,
        `-c.electronDist=${electronDist}`,
        `-c.electronVersion=${version}`,
        `-c.directories.output=${outputDir}`,
      ],
      { cwd: projectDir },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
  const unpackedDir = join(outputDir, 'linux-unpacked');
  const asarPath = join(unpackedDir, 'resources', 'app.asar');
  const appDir = join(workDir, 'app');
  extractAll(asarPath, appDir);
  return { unpackedDir, asarPath, appDir };
}
