// The installers need packaging tools electron-builder downloads, so `npm run dist` is not run here
// (test/packaged/ runs its offline Linux unpacked-directory target). These tests check what it
// reads: electron-builder.yml against its own schema, and its `files` patterns against what
// `electron-vite build` really produces.

import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { build } from 'electron-vite';
import { minimatch } from 'minimatch';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HistoryStore } from '../../main/app/history/store';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
const BUILD_DIR = 'out';

/** Whether electron-builder's `files` list puts this app-relative path into the package. */
function isPackaged(path: string): boolean {
  const patterns = config['files'] as string[];
  const included = patterns.filter((p) => !p.startsWith('!')).some((p) => minimatch(path, p, { dot: true }));
  const excluded = patterns.filter((p) => p.startsWith('!')).some((p) => minimatch(path, p.slice(1), { dot: true }));
  return included && !excluded;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', async () => {
    const debugLogger = { isEnabled: false } as Parameters<typeof validateConfiguration>[1];
    await expect(validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
  });

  it('names the app and writes installers to dist/', () => {
    expect(config['appId']).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config['productName']).toBe('MSN Messenger');
    expect(config['directories']).toMatchObject({ output: 'dist' });
  });

  it('builds a dmg on macOS, an NSIS installer on Windows, an AppImage and a deb on Linux', () => {
    expect(config['mac']).toMatchObject({ target: ['dmg'] });
    expect(config['win']).toMatchObject({ target: ['nsis'] });
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'] });
  });

  it('uses an icon that exists and is a PNG of at least 512×512', () => {
    const icon = readFileSync(join(root, config['icon'] as string));
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('packages the tray icon the app loads at run time', () => {
    const tray = readFileSync(join(root, 'main', 'electron', 'tray.ts'), 'utf8');
    expect(tray).toContain("join(app.getAppPath(), 'assets', 'icon.png')");
    expect(isPackaged('assets/icon.png')).toBe(true);
  });

  it('packages package.json and nothing else from outside the build output', () => {
    expect(isPackaged('package.json')).toBe(true);
    expect(isPackaged('assets/icon.svg')).toBe(false);
    for (const source of ['main/electron/index.ts', 'renderer/index.html', 'server/cli.ts', 'node_modules/zod/index.js']) {
      expect(isPackaged(source), source).toBe(false);
    }
  });
});

describe('electron-vite build output, as electron-builder packages it', () => {
  let outDir: string;
  let built: string[];

  beforeAll(async () => {
    // Inside the project, as out/ is: the build's run-time dependencies resolve from node_modules.
    const cache = join(root, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    outDir = mkdtempSync(join(cache, 'msn-build-'));
    await build({ root, configFile: join(root, 'electron.vite.config.ts'), build: { outDir }, logLevel: 'silent' });
    built = listFiles(outDir).map((path) => `${BUILD_DIR}/${path}`);
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has the main entry named by package.json, the CommonJS preload and the renderer page', () => {
    expect(packageJson.main).toBe(`${BUILD_DIR}/main/index.js`);
    expect(built).toEqual(
      expect.arrayContaining([packageJson.main, `${BUILD_DIR}/preload/index.cjs`, `${BUILD_DIR}/renderer/index.html`]),
    );
    // A sandboxed preload is run as a classic script: ESM syntax there would not even parse.
    expect(readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8')).not.toMatch(/^\s*(import|export)\b/m);
  });

  it('runs the history worker from the build output, finding SQLite, its .wasm and FTS5 at run time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msn-built-history-'));
    const store = new HistoryStore({ file: join(dir, 'history', 'me.sqlite'), worker: pathToFileURL(join(outDir, 'main', 'history-worker.js')) });
    try {
      store.record([
        { kind: 'conversation', id: 'c1', participants: [{ handle: 'bob@example.com', name: 'Bob' }], at: 1 },
        { kind: 'message', id: 'm1', conversationId: 'c1', from: 'bob@example.com', fromName: 'Bob', text: 'Packaged and found', delivery: 'received', sentAt: 2 },
      ]);
      expect((await store.query('search', 'packag')).hits.map((hit) => hit.message.text)).toEqual(['Packaged and found']);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves node-sqlite3-wasm to the packaged node_modules, .wasm included', () => {
    // Bundled, its __dirname would be out/main and the .wasm beside it would be missing.
    expect(packageJson.dependencies).toHaveProperty('node-sqlite3-wasm');
    const chunks = built.filter((path) => path.startsWith(`${BUILD_DIR}/main/`) && path.endsWith('.js'));
    const sources = chunks.map((path) => readFileSync(join(outDir, path.slice(BUILD_DIR.length + 1)), 'utf8')).join('\n');
    expect(sources).toContain('("node-sqlite3-wasm")');
    expect(sources).not.toContain('node-sqlite3-wasm.wasm');
    const excluded = (config['files'] as string[]).filter((pattern) => pattern.startsWith('!'));
    expect(excluded.some((pattern) => minimatch('node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm', pattern.slice(1), { dot: true }))).toBe(false);
  });

  it('is entirely packaged, source maps aside', () => {
    const left = built.filter((path) => !path.endsWith('.map') && !isPackaged(path));
    expect(left).toEqual([]);
  });
});
