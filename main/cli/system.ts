// What the CLI needs from the machine: the platform's opener for the Hotmail page, a password
// prompt that does not echo, and a data directory for the list cache.

import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Opens a file or URL with the desktop's default handler (xdg-open, open, start). */
export function openWithPlatform(pathOrUrl: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [pathOrUrl]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', pathOrUrl]]
        : ['xdg-open', [pathOrUrl]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) => reject(new Error(`Could not open the browser (${command}: ${error.message}).`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** `MSN_DATA_DIR`, else the user's cache directory. */
export function cliDataDir(): string {
  return process.env.MSN_DATA_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'msn-messenger-cli');
}

/** Reads a line from the terminal without echoing it; rejects on Ctrl-C or end of input. */
export function promptPassword(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let password = '';
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(password);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new Error('No password entered.'));
        if (char === '\u007f' || char === '\b') password = password.slice(0, -1);
        else password += char;
      }
    };
    input.on('data', onData);
  });
}
