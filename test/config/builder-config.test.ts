// The installers need packaging tools electron-builder downloads, so `npm run dist` is not run here
// (test/packaged/ runs its offline Linux unpacked-directory target). These tests check what it
// reads: electron-builder.yml against its own schema, and its `files` patterns against what
// `electron-vite build` really produces.

import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { build } from 'electron-vite';
import { minimatch } from 'minimatch';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
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
    outDir = mkdtempSync(join(tmpdir(), 'msn-build-'));
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

  it('is entirely packaged, source maps aside', () => {
    const left = built.filter((path) => !path.endsWith('.map') && !isPackaged(path));
    expect(left).toEqual([]);
  });
});
