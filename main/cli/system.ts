// What the CLI needs from the machine: a password prompt that does not echo, and a data directory
// for the list cache (the platform's opener is main/app/open-with-platform.ts).

import { homedir } from 'node:os';
import { join } from 'node:path';

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
