import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './main/app/csp.ts';

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

/** The renderer's build-time constants (declared in renderer/src/env.d.ts); vitest's renderer project uses them too. */
export const RENDERER_DEFINE = { __APP_VERSION__: JSON.stringify(version) };

/** Swaps in the dev policy only when the dev server serves index.html; builds keep the strict one. */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'msn:dev-content-security-policy',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY),
  };
}

export default defineConfig({
  main: {
    build: {
      // socks (the proxy client) is bundled with its two small dependencies rather than shipped in
      // node_modules, where electron-builder 26 packed socks without them (the packaged-app test
      // caught the missing module).
      externalizeDeps: { exclude: ['socks'] },
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/electron/index.ts'),
          // The chat history's worker thread, loaded by path at run time (main/electron/messenger-shell.ts).
          'history-worker': resolve(import.meta.dirname, 'main/app/history/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is loaded as a classic script: it must be one CommonJS file that
      // requires nothing but 'electron', so dependencies are bundled in, not externalized.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    define: RENDERER_DEFINE,
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      // electron-vite leaves every build unminified; the renderer is the one worth minifying (883 KB
      // of JavaScript unminified, loaded by every window). Main and preload stay readable in traces.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
});
