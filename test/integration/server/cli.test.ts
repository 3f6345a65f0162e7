import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { signInRaw } from '../../support/raw-client';

let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Starts `tsx server/cli.ts` and resolves with its output once it says where it listens. */
function startCli(args: string[]): Promise<{ output: () => string; exited: Promise<number | null> }> {
  const proc = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let output = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl+C')) resolve({ output: () => output, exited });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', () => reject(new Error(`The server exited early:\n${output}`)));
  });
}

it('serves the accounts file on the printed ports and exits cleanly on SIGINT', async () => {
  dir = mkdtempSync(join(tmpdir(), 'msn-cli-'));
  const accounts = join(dir, 'accounts.json');
  writeFileSync(accounts, JSON.stringify([{ handle: 'cli@example.com', password: 'secret', friendlyName: 'Cli User' }]));
  const { output, exited } = await startCli(['--port', '0', '--accounts', accounts, '--dialects', 'MSNP2']);
  expect(output()).toMatch(/dispatch\s+127\.0\.0\.1:\d+/);
  expect(output()).not.toContain('Demo sign-in');
  const notificationPort = Number(/notification\s+127\.0\.0\.1:(\d+)/.exec(output())![1]);
  const { client } = await signInRaw(notificationPort, 'cli@example.com', 'secret');
  expect(client.received.map((command) => [command.name, ...command.params].join(' '))).toContain('USR 4 OK cli@example.com Cli%20User');
  child!.kill('SIGINT');
  await client.expect('OUT SSD');
  expect(await exited).toBe(0);
}, 20_000);

it('prints the demo sign-in when no accounts file is given, and refuses a bad option', async () => {
  const { output } = await startCli(['--port', '0', '--quiet']);
  expect(output()).toContain('Demo sign-in: you@demo.msn / demo');
  child!.kill('SIGINT');
  const bad = await startCli(['--dialects', 'MSNP9']).catch((error: Error) => error);
  expect(String(bad)).toContain('--dialects accepts MSNP3 and MSNP2');
}, 20_000);
