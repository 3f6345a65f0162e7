import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureElectronBinary, failureReason, wrap, type ElectronBinaryOptions } from './electron-binary';

const VERSION = '45.5.0';
/** What the real installer prints when the network is closed: the error, then its stack. */
const OFFLINE_INSTALLER = `
  console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async downloadArtifact (file:///x/index.js:154:12)');
  process.exit(1);`;
/** What the real installer leaves behind once it has downloaded and unpacked the binary. */
const DOWNLOADING_INSTALLER = `
  const { mkdirSync, writeFileSync } = require('node:fs');
  mkdirSync(__dirname + '/dist', { recursive: true });
  writeFileSync(__dirname + '/dist/electron', '');
  writeFileSync(__dirname + '/dist/version', '${VERSION}');
  writeFileSync(__dirname + '/path.txt', 'electron');`;

let packageDir: string;
let log: string[];

/** An electron package as npm installs it: no binary, an install-electron command doing `installer`. */
function electronPackage(installer: string): void {
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(
    join(packageDir, 'package.json'),
    JSON.stringify({ name: 'electron', version: VERSION, bin: { 'install-electron': 'install.js' }, engines: { node: '>= 22.12.0' } }),
  );
  // The marker shows whether the installer ran at all.
  writeFileSync(join(packageDir, 'install.js'), `require('node:fs').writeFileSync(__dirname + '/installer-ran', '');\n${installer}`);
}

function ensure(options: Partial<ElectronBinaryOptions> = {}) {
  return ensureElectronBinary({ packageDir, env: {}, nodeVersion: '22.12.0', log: (line) => log.push(line), ...options });
}

const installerRan = () => existsSync(join(packageDir, 'installer-ran'));

beforeEach(() => {
  packageDir = join(mkdtempSync(join(tmpdir(), 'msn-electron-')), 'electron');
  log = [];
});
afterEach(() => rmSync(join(packageDir, '..'), { recursive: true, force: true }));

describe('ensureElectronBinary', () => {
  it('uses a binary that is already installed without running the installer', () => {
    electronPackage(DOWNLOADING_INSTALLER);
    spawnSync(process.execPath, [join(packageDir, 'install.js')]);
    rmSync(join(packageDir, 'installer-ran'));
    expect(ensure()).toEqual({ ok: true, binary: join(packageDir, 'dist', 'electron'), installed: false });
    expect(installerRan()).toBe(false);
  });

  it("downloads a missing binary with Electron's own installer", () => {
    electronPackage(DOWNLOADING_INSTALLER);
    expect(ensure()).toEqual({ ok: true, binary: join(packageDir, 'dist', 'electron'), installed: true });
    expect(log.join('\n')).toMatch(/Downloading the Electron 45\.5\.0 binary/);
  });

  it('counts a binary of another version as missing', () => {
    electronPackage(DOWNLOADING_INSTALLER);
    spawnSync(process.execPath, [join(packageDir, 'install.js')]);
    writeFileSync(join(packageDir, 'dist', 'version'), 'v44.0.0');
    rmSync(join(packageDir, 'installer-ran'));
    expect(ensure()).toMatchObject({ ok: true, installed: true });
    expect(installerRan()).toBe(true);
  });

  it('says what failed, how to retry and that the browser runs the app when the download fails, without the stack', () => {
    electronPackage(OFFLINE_INSTALLER);
    const result = ensure();
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).toContain('the Electron 45.5.0 binary is not installed yet');
    expect(message).toContain("Electron's installer could not download it (TypeError: fetch failed)");
    expect(message).toContain('run `npm start` again');
    expect(message).toContain('`npm run web -- --demo` runs the same app in your browser right now');
    expect(message).not.toMatch(/\bat\s+\S+:\d+|undici|downloadArtifact/);
  });

  it('fails when the installer exits 0 without installing the binary', () => {
    electronPackage('');
    expect(ensure()).toMatchObject({ ok: false, message: expect.stringContaining('(it exited without installing the binary)') });
  });

  it('honours ELECTRON_SKIP_BINARY_DOWNLOAD: nothing is downloaded, and the paragraph says why', () => {
    electronPackage(DOWNLOADING_INSTALLER);
    const result = ensure({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD is set') });
    expect(result).toMatchObject({ message: expect.stringContaining('npm run web -- --demo') });
    expect(installerRan()).toBe(false);
  });

  it("does not run the installer on a Node.js older than the one it declares, and says which it needs", () => {
    electronPackage(DOWNLOADING_INSTALLER);
    const result = ensure({ nodeVersion: '20.20.2' });
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("Electron's installer needs Node.js >=22.12.0 (this is Node.js 20.20.2)"),
    });
    expect(installerRan()).toBe(false);
  });

  it('runs ELECTRON_EXEC_PATH when it names a file, as electron-vite does, and refuses a missing one', () => {
    electronPackage(DOWNLOADING_INSTALLER);
    const binary = join(packageDir, 'custom-electron');
    writeFileSync(binary, '');
    expect(ensure({ env: { ELECTRON_EXEC_PATH: binary } })).toEqual({ ok: true, binary, installed: false });
    expect(ensure({ env: { ELECTRON_EXEC_PATH: `${binary}-gone` } })).toMatchObject({
      ok: false,
      message: expect.stringContaining(`ELECTRON_EXEC_PATH is set to ${binary}-gone, and there is no file there`),
    });
    expect(installerRan()).toBe(false);
  });

  it('tells to run again the command that was typed', () => {
    electronPackage(OFFLINE_INSTALLER);
    expect(ensure({ command: 'npm run dev' })).toMatchObject({ message: expect.stringContaining('run `npm run dev` again') });
  });

  it('asks for npm install when the electron package itself is missing', () => {
    expect(ensure({ packageDir: undefined })).toMatchObject({ ok: false, message: expect.stringContaining('Run `npm install`') });
  });
});

describe('failureReason', () => {
  it('is the first line that is not part of a stack', () => {
    expect(failureReason('\nRequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (x.js:1:1)\n', 1, null)).toBe(
      'RequestError: getaddrinfo ENOTFOUND github.com',
    );
  });

  it('falls back to the exit status or signal when the installer said nothing', () => {
    expect(failureReason('', 7, null)).toBe('exit status 7');
    expect(failureReason('', null, 'SIGTERM')).toBe('stopped by SIGTERM');
  });
});

describe('wrap', () => {
  it('keeps lines within the width and never breaks a `command`', () => {
    const text = 'Run `npm start` again, or `npm run web -- --demo` right now. '.repeat(6);
    const lines = wrap(text, 40).split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.every((line) => (line.match(/`/g) ?? []).length % 2 === 0)).toBe(true);
    expect(lines.join(' ')).toBe(text.trim());
  });
});

describe('scripts/ensure-electron.ts, as `npm start` runs it', () => {
  it('prints one paragraph on stderr and exits 1 when the binary cannot be had', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'ensure-electron.ts')], {
      env: { ...process.env, ELECTRON_EXEC_PATH: join(tmpdir(), 'no-such-electron-binary') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const paragraph = run.stderr.trim();
    expect(paragraph).toMatch(/^The desktop app cannot start: ELECTRON_EXEC_PATH is set to /);
    expect(paragraph).toContain('`npm run web -- --demo`');
    expect(paragraph.split('\n\n')).toHaveLength(1);
    expect(paragraph).not.toMatch(/^\s+at /m);
  });
});
