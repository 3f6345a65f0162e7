// Lint is where the process boundaries are enforced: only main/electron/ touches Electron, only two
// wrapper files touch raw IPC, and the renderer never reaches Node.

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOutsideShell = {
  regex: '^electron(/.*)?$',
  message: 'Only main/electron/ imports electron: the core stays testable in plain Node.',
};
const nodeInRenderer = {
  regex: '^(node:.*|fs(/.*)?|net|tls|child_process|electron(/.*)?)$',
  message: 'The renderer is a sandboxed web page: reach main through window.msn, never Node or Electron.',
};
const mainFromRenderer = {
  regex: '^(\\.\\./)+(main|server)(/|$)',
  message: 'The renderer shares only shared/ with the main side.',
};
const historyFromClient = {
  regex: '(^|/)app/history(/|$)',
  message: 'Chat history belongs to the core (main/app/history/): the session, switchboards and client never see it.',
};
const rawIpcMessage = 'Raw IPC lives in main/electron/ipc.ts and main/electron/preload.ts only: use handle()/broadcast().';

export default defineConfig(
  globalIgnores(['out/', 'dist/', 'node_modules/', 'test-results/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
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
    files: ['main/ns/**', 'main/sb/**', 'main/client/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOutsideShell, historyFromClient] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [nodeInRenderer, mainFromRenderer] }],
    },
  },
);
