// The renderer bundle the browser host serves: built by `electron-vite build` into out/renderer,
// and built again when it is missing or older than the renderer's sources.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of any file under `directory`. */
function newestChange(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function rendererBundleDir(projectRoot: string): string {
  return join(projectRoot, 'out', 'renderer');
}

export function isBundleCurrent(projectRoot: string): boolean {
  const index = join(rendererBundleDir(projectRoot), 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return ['renderer', 'shared'].every((folder) => newestChange(join(projectRoot, folder)) <= built);
}

/** Builds the renderer unless it is current; throws when the build fails. Returns the bundle directory. */
export function ensureRendererBundle(projectRoot: string, options: { force?: boolean; log?: (line: string) => void } = {}): string {
  if (options.force || !isBundleCurrent(projectRoot)) {
    options.log?.('Building the renderer (electron-vite build)…');
    const build = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status ?? build.signal})`);
  }
  return rendererBundleDir(projectRoot);
}
