// The CLI's --log file after a sign-in and a chat with the project's server: the protocol lines
// are there, and nothing that would let someone sign in as the user, nor what was said.

import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOT_HANDLE, type MsnServer, startServer } from '../../../server/index';
import { useCliProcesses } from './cli-process';

const HANDLE = 'logger@demo.msn';
const PASSWORD = 'Corr3ct-Horse-Battery';
const SAID = 'meet me by the old oak at nine';

let server: MsnServer | undefined;
let logDir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (logDir) await rm(logDir, { recursive: true, force: true });
  server = undefined;
});
const start = useCliProcesses();

/** Signs in with --log, chats with Messenger Buddy, asks for the Hotmail form and quits; the log's text and the form's creds. */
async function chatWithLog(dialect: 'MSNP2' | 'MSNP3', extra: string[] = []) {
  server = await startServer({ dialects: [dialect], botReplyDelayMs: 0 });
  server.createAccount({ handle: HANDLE, password: PASSWORD, friendlyName: 'Logger', lists: { FL: [BOT_HANDLE], AL: [BOT_HANDLE] } });
  logDir = await mkdtemp(join(tmpdir(), 'msn-cli-log-'));
  const file = join(logDir, 'cli.log');
  const args = ['--server', `${server.host}:${server.dispatchPort}`, '--user', HANDLE, '--no-browser', '--log', file, ...extra];
  const cli = await start(args, { MSN_PASSWORD: PASSWORD });
  await cli.waitFor((e) => e.event === 'signed-in');
  cli.send(`say ${BOT_HANDLE} ${SAID}`);
  await cli.waitFor((e) => e.event === 'message' && e.text === `You said: ${SAID}`);
  cli.send('url INBOX');
  const form = await cli.waitFor((e) => e.event === 'form');
  cli.send('quit');
  expect(await cli.exited).toBe(0);
  return { file, text: await readFile(file, 'utf8'), fields: form.fields as Record<string, string> };
}

describe.each(['MSNP3', 'MSNP2'] as const)('the CLI log with %s', (dialect) => {
  it('holds the sign-in steps and the protocol lines, and no password, no USR … S answer, no form secret, no message text', async () => {
    const { file, text, fields } = await chatWithLog(dialect);
    expect(text).toMatch(/\[info\] +session: connecting to 127\.0\.0\.1:\d+ as logger@demo\.msn/);
    expect(text).toMatch(/C: VER \d+ /);
    expect(text).toMatch(/C: USR \d+ MD5 I logger@demo\.msn/);
    expect(text).toMatch(/C: USR \d+ MD5 S \[hidden\]$/m);
    expect(text).toMatch(/session: online/);
    expect(text).toMatch(new RegExp(`signed in as ${HANDLE} \\(${dialect}\\)`));
    expect(text).toMatch(/SB > USR \d+ logger@demo\.msn \[hidden\]$/m);
    expect(text).toMatch(/SB > MSG \d+ [NAU] <\d+ bytes>$/m);
    expect(text).toMatch(/SB < MSG buddy@demo\.msn \S+ <\d+ bytes>$/m);
    expect(text).toMatch(/signed out \(user\)/);

    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/USR \d+ \S+ S (?!\[hidden\])/);
    expect(text).not.toMatch(/CKI (?!\[hidden\])/);
    expect(text).not.toContain('meet me');
    const secrets = dialect === 'MSNP3' ? [fields['creds']] : [fields['k2']];
    for (const secret of secrets) {
      expect(secret).toMatch(/^[0-9a-f]{32}$/);
      expect(text).not.toContain(secret);
    }
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe('the CLI log with --log-message-text', () => {
  it('shows what the messages said, and still no secret', async () => {
    const { text } = await chatWithLog('MSNP3', ['--log-message-text']);
    expect(text).toContain(`"${SAID}"`);
    expect(text).toContain(`"You said: ${SAID}"`);
    expect(text).not.toContain(PASSWORD);
    expect(text).toMatch(/C: USR \d+ MD5 S \[hidden\]$/m);
  });
});

describe('the CLI with a log file it cannot write', () => {
  it('says so before connecting, as a bad command line', async () => {
    const cli = await start(['--server', '127.0.0.1:1', '--user', HANDLE, '--log', tmpdir()], { MSN_PASSWORD: PASSWORD });
    expect(await cli.exited).toBe(2);
    expect(cli.events).toEqual([{ event: 'error', code: 'input', message: expect.stringMatching(/^Cannot write the log file .*EISDIR/) }]);
  });
});
