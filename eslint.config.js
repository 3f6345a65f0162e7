// Lint is where the boundaries are enforced: the layers point one way (scripts/lint/layers.js),
// only main/electron/ touches Electron, only two wrapper files touch raw IPC, the renderer never
// reaches Node, and no promise is left floating.

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layers } from './scripts/lint/layers.js';

const electronOutsideShell = {
  regex: '^electron(/.*)?$',
  message: 'Only main/electron/ imports electron: the core stays testable in plain Node.',
};
const nodeInRenderer = {
  regex: '^(node:.*|fs(/.*)?|net|tls|child_process|electron(/.*)?)$',
  message: 'The renderer is a sandboxed web page: reach main through window.msn, never Node or Electron.',
};
const zodInPages = {
  name: 'zod',
  message: 'Take z from shared/zod.ts: it makes zod jitless before any schema is built, so no page breaks its Content-Security-Policy.',
};
const rawIpcMessage = 'Raw IPC lives in main/electron/ipc.ts and main/electron/preload.ts only: use handle()/broadcast().';

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Type-aware rules: a promise nobody awaits or handles, or one handed to a caller that expects
    // a plain function (an event listener, a React handler), is where rejections go unseen.
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { msn: { rules: { layers } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      'msn/layers': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-restricted-imports': ['error', { patterns: [electronOutsideShell] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[property.name=/^ipc(Main|Renderer)$/]', message: rawIpcMessage },
        { selector: "CallExpression[callee.object.property.name='webContents'][callee.property.name='send']", message: rawIpcMessage },
      ],
    },
  },
  {
    files: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: rawIpcMessage }] },
      ],
    },
  },
  {
    files: ['main/electron/ipc.ts', 'main/electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': ['error', { paths: [zodInPages], patterns: [nodeInRenderer] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodInPages], patterns: [electronOutsideShell] }] },
  },
);
