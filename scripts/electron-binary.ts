// Makes sure the Electron binary is there before electron-vite needs it (`npm start`, `npm run dev`).
// Since Electron 42 the electron package no longer downloads its binary when it is installed: it
// ships an `install-electron` command and otherwise downloads on the first `require('electron')`.
// electron-vite does neither: it reads node_modules/electron/path.txt and stops with "Electron
// uninstall" when it is missing, so a fresh clone could not start. Here a present binary costs
// nothing, a missing one is fetched with Electron's own installer, and when that cannot be done the
// user reads one paragraph saying why and what to do, instead of a stack trace.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

export interface ElectronBinaryOptions {
  /** The installed electron package's directory; undefined when it is not installed. */
  readonly packageDir: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The Node.js running us (`process.versions.node`): Electron's installer declares a minimum. */
  readonly nodeVersion: string;
  /** Progress for the person waiting (the download is about 100 MB). */
  readonly log: (line: string) => void;
  /** What the person typed, to run again: `npm start` (the default) or `npm run dev`. */
  readonly command?: string;
}

export type ElectronBinaryResult =
  | { readonly ok: true; readonly binary: string; readonly installed: boolean }
  | { readonly ok: false; readonly message: string };

interface ElectronPackage {
  readonly version: string;
  readonly bin?: Readonly<Record<string, string>>;
  readonly engines?: { readonly node?: string };
}

const WEB_ALTERNATIVE = 'Meanwhile, `npm run web -- --demo` runs the same app in your browser right now.';

/** The electron package's binary as its own installer and electron-vite find it, if it is complete. */
export function installedBinary(packageDir: string, version: string): string | undefined {
  try {
    // Both files are written by install-electron once the archive is unpacked (the same checks it makes).
    const distVersion = readFileSync(join(packageDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '');
    // Not trimmed: electron-vite joins path.txt to dist/ exactly as it is.
    const relativePath = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    const binary = join(packageDir, 'dist', relativePath);
    return distVersion === version && relativePath !== '' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** The error line of a failed installer's output, without the stack below it. */
export function failureReason(stderr: string, status: number | null, signal: string | null): string {
  const line = stderr
    .split(/\r?\n/)
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '));
  return line ?? (signal ? `stopped by ${signal}` : `exit status ${String(status)}`);
}

export function ensureElectronBinary(options: ElectronBinaryOptions): ElectronBinaryResult {
  const { env } = options;
  const command = options.command ?? 'npm start';
  const failure = (what: string, retry: string, alternative = WEB_ALTERNATIVE): ElectronBinaryResult => ({
    ok: false,
    message: `The desktop app cannot start: ${what} ${retry} ${alternative}`,
  });
  // electron-vite runs ELECTRON_EXEC_PATH, when set, instead of the package's binary.
  const execPath = env['ELECTRON_EXEC_PATH'];
  if (execPath) {
    if (existsSync(execPath)) return { ok: true, binary: execPath, installed: false };
    return failure(
      `ELECTRON_EXEC_PATH is set to ${execPath}, and there is no file there.`,
      `Point it at an Electron executable, or unset it to use the one from npm, and run \`${command}\` again.`,
    );
  }
  if (!options.packageDir) {
    return failure(
      'the electron package is not installed.',
      `Run \`npm install\`, then \`${command}\` again.`,
      'After `npm install`, `npm run web -- --demo` also runs the same app in your browser.',
    );
  }
  const electron = JSON.parse(readFileSync(join(options.packageDir, 'package.json'), 'utf8')) as ElectronPackage;
  const present = installedBinary(options.packageDir, electron.version);
  if (present) return { ok: true, binary: present, installed: false };

  const missing = `the Electron ${electron.version} binary is not installed yet`;
  // Any value skips, as the variable did when npm installed Electron's binary (CI sets it).
  if (env['ELECTRON_SKIP_BINARY_DOWNLOAD']) {
    return failure(
      `${missing}, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded.`,
      `Run \`${command}\` again without it (\`env -u ELECTRON_SKIP_BINARY_DOWNLOAD ${command}\`).`,
    );
  }
  const nodeRange = electron.engines?.node;
  if (nodeRange && !semver.satisfies(options.nodeVersion, nodeRange)) {
    return failure(
      `${missing}, and Electron's installer needs Node.js ${nodeRange.replace(/\s+/g, '')} (this is Node.js ${options.nodeVersion}).`,
      `Install a newer Node.js and run \`${command}\` again.`,
    );
  }
  const installer = electron.bin?.['install-electron'];
  if (!installer) {
    return failure(
      `${missing}, and this electron package has no install-electron command.`,
      `Delete node_modules/electron, run \`npm install\`, then \`${command}\` again.`,
    );
  }

  options.log(`Downloading the Electron ${electron.version} binary with Electron's installer (once; about 100 MB)…`);
  // stderr is kept: on failure the installer prints a stack trace, and the user gets one paragraph.
  const run = spawnSync(process.execPath, [join(options.packageDir, installer)], {
    cwd: options.packageDir,
    env: { ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  const downloaded = installedBinary(options.packageDir, electron.version);
  if (run.status === 0 && downloaded) return { ok: true, binary: downloaded, installed: true };
  const reason = run.error
    ? run.error.message
    : run.status === 0
      ? 'it exited without installing the binary'
      : failureReason(run.stderr, run.status, run.signal);
  return failure(
    `${missing}, and Electron's installer could not download it (${reason}).`,
    'Check the network connection (behind a proxy set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1; ' +
      `ELECTRON_MIRROR names a mirror) and run \`${command}\` again.`,
  );
}

/** Wraps a paragraph at `width` columns for a terminal, never inside a `command`. */
export function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.match(/(?:`[^`]*`|[^\s`])+/g) ?? []) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
