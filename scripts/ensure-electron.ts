// `npm start` and `npm run dev` run this before electron-vite: it exits 0 when the Electron binary is
// there (downloading it with Electron's own installer when it is missing), and otherwise prints one
// paragraph saying what failed and what to do, and exits 1 (see electron-binary.ts).

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectronBinary, wrap } from './electron-binary';

/** The electron package electron-vite will use: the project's own. */
function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(join(import.meta.dirname, '..', 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

const result = ensureElectronBinary({
  packageDir: electronPackageDir(),
  env: process.env,
  nodeVersion: process.versions.node,
  log: (line) => console.log(line),
  // npm names the script it runs: `dev` for `npm run dev`.
  command: process.env['npm_lifecycle_event'] === 'dev' ? 'npm run dev' : 'npm start',
});
if (!result.ok) {
  console.error(`\n${wrap(result.message)}\n`);
  process.exitCode = 1;
}
