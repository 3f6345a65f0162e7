// Gives the packaged app a recording stand-in for `electron`: the unit tests' fake
// (main/electron/fake-electron.ts), served to Node's own loader as a module whose named exports are
// the fake's, so that the bundle's `import { app, … } from 'electron'` binds to the very objects the
// test inspects. An import the fake lacks fails to link, as a missing Electron API would.

import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const FAKE_KEY = 'msn.packaged-app.fake-electron';

export function provideElectronStandIn(appDir: string, fake: Readonly<Record<string, unknown>>): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for(FAKE_KEY)] = fake;
  const exports = Object.keys(fake)
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name))
    .map((name) => `export const ${name} = fake[${JSON.stringify(name)}];`);
  const source = [`const fake = globalThis[Symbol.for(${JSON.stringify(FAKE_KEY)})];`, ...exports].join('\n');
  register(pathToFileURL(`${import.meta.dirname}/electron-hooks.mjs`), {
    data: {
      appUrl: pathToFileURL(`${appDir}/`).href,
      standInUrl: `data:text/javascript,${encodeURIComponent(source)}`,
    },
  });
}
