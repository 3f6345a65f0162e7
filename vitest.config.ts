// Three test projects, by where a test lives:
// - node:     *.test.ts under main/, server/, shared/, scripts/ and test/ (not test/e2e/), plain Node;
// - renderer: *.test.ts(x) under renderer/, in happy-dom;
// - e2e:      *.test.ts under test/e2e/, plain Node driving real Chromium through playwright-core.

import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';
import { RENDERER_DEFINE } from './electron.vite.config.ts';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Real sockets, child processes and property runs share two cores with the other projects:
          // a generous limit keeps a busy machine from failing a test that is merely slow.
          testTimeout: 20_000,
          include: ['{main,protocol,server,shared,scripts,test}/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          // Framed commands equal the plain command with the same name, params and payload.
          setupFiles: ['test/support/command-equality.ts'],
          // Node itself imports this file, and what it imports: the packaged-app test loads the
          // packaged bundle exactly as Electron's Node would, untransformed.
          server: { deps: { external: [/\/test\/packaged\/native-import\.mjs$/] } },
        },
      },
      {
        extends: true,
        plugins: [react()],
        define: RENDERER_DEFINE,
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          // The theme stylesheets reach their contrast test as text (`?raw`); other CSS stays out.
          css: { include: [/renderer\/src\/styles\/(base|themes)\.css/] },
          // Lets @testing-library/react register its automatic cleanup after each test.
          globals: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // One browser at a time on a two-core machine, with room for Chromium to start.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
