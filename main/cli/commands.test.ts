import { describe, expect, it } from 'vitest';
import { UsageError, parseCliArguments } from './arguments';
import { parseCliCommand } from './commands';

/** The CLI's own sentence for a line it cannot understand. */
const refusal = (line: string): string => {
  try {
    parseCliCommand(line);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`"${line}" was accepted`);
};

describe('CLI command lines', () => {
  it('parses every command', () => {
    expect(parseCliCommand('status bsy')).toEqual({ name: 'status', status: 'BSY' });
    expect(parseCliCommand('name  Exémple   User ')).toEqual({ name: 'name', text: 'Exémple   User' });
    expect(parseCliCommand('add fl bob@example.com')).toEqual({ name: 'add', list: 'FL', handle: 'bob@example.com' });
    expect(parseCliCommand('remove BL bob@example.com')).toEqual({ name: 'remove', list: 'BL', handle: 'bob@example.com' });
    expect(parseCliCommand('privacy bl')).toEqual({ name: 'privacy', mode: 'BL' });
    expect(parseCliCommand('alerts off')).toEqual({ name: 'alerts', on: false });
    expect(parseCliCommand('ims ON')).toEqual({ name: 'ims', on: true });
    expect(parseCliCommand('invite a@b.c')).toEqual({ name: 'invite', email: 'a@b.c' });
    expect(parseCliCommand('url inbox')).toEqual({ name: 'url', service: 'INBOX' });
    expect(parseCliCommand('url COMPOSE a@b.c')).toEqual({ name: 'url', service: 'COMPOSE', arg: 'a@b.c' });
    expect(parseCliCommand('say bob@example.com  hi  there ')).toEqual({ name: 'say', handle: 'bob@example.com', text: 'hi  there' });
    expect(parseCliCommand('autoreply awy  Gone  fishing ')).toEqual({ name: 'autoreply', status: 'AWY', text: 'Gone  fishing' });
    expect(parseCliCommand('autoreply OFF')).toEqual({ name: 'autoreply', off: true });
    expect(parseCliCommand('quit')).toEqual({ name: 'quit' });
  });

  it('parses the history commands, keeping the spacing of the words and of the path', () => {
    expect(parseCliCommand('history search  good  morning ')).toEqual({ name: 'history', action: 'search', words: 'good  morning' });
    expect(parseCliCommand('history export Bob@Example.com html /tmp/my history.html')).toEqual({
      name: 'history',
      action: 'export',
      handle: 'bob@example.com',
      format: 'html',
      path: '/tmp/my history.html',
    });
    expect(parseCliCommand('history delete bob@example.com')).toEqual({ name: 'history', action: 'delete', handle: 'bob@example.com' });
  });

  it.each([
    '',
    'dance',
    'status FLN',
    'status',
    'add RL a@b.c',
    'add FL',
    'privacy XX',
    'alerts maybe',
    'url MOBILE',
    'say bob',
    'quit now',
    'history',
    'history search',
    'history export bob@example.com pdf /tmp/x',
    'history export bob /tmp/x',
    'history delete',
    'history delete nobody',
    'history forget bob@example.com',
    'autoreply',
    'autoreply AWY',
    'autoreply NLN hello',
    'autoreply off now',
    `autoreply BRB ${'x'.repeat(401)}`,
  ])(
    'refuses "%s" with a sentence saying what it takes',
    (line) => expect(refusal(line)).toMatch(/takes|Unknown command|Empty command|at most/),
  );
});

describe('CLI arguments', () => {
  it('reads the server, the handle, the status, --no-browser and --history', () => {
    expect(parseCliArguments(['--server', 'h:1', '--user', 'a@b.c', '--status', 'awy', '--no-browser', '--history'])).toEqual({
      server: 'h:1',
      handle: 'a@b.c',
      status: 'AWY',
      openBrowser: false,
      history: true,
      logMessageText: false,
      trace: false,
    });
    expect(parseCliArguments(['--server', 'h', '--user', 'a@b.c'])).toMatchObject({ status: 'NLN', openBrowser: true, history: false });
  });

  it('reads --log FILE and --log-message-text, which goes only with a log', () => {
    expect(parseCliArguments(['--server', 'h', '--user', 'a@b.c', '--log', 'cli.log', '--log-message-text'])).toMatchObject({
      logFile: 'cli.log',
      logMessageText: true,
    });
    expect(() => parseCliArguments(['--server', 'h', '--user', 'a@b.c', '--log-message-text'])).toThrow(/goes with --log FILE/);
    expect(() => parseCliArguments(['--server', 'h', '--user', 'a@b.c', '--log', ''])).toThrow(/--log needs a file name/);
  });

  it('reads --proxy as SOCKS5 or HTTP, with a user and a password when the URL has them, and --trace', () => {
    const base = ['--server', 'h:1', '--user', 'a@b.c'];
    expect(parseCliArguments([...base, '--proxy', 'socks5://127.0.0.1:1080', '--trace'])).toMatchObject({
      proxy: { kind: 'socks5', host: '127.0.0.1', port: 1080 },
      trace: true,
    });
    expect(parseCliArguments([...base, '--proxy', 'http://me:p%40ss@proxy.example:3128']).proxy).toEqual({
      kind: 'http',
      host: 'proxy.example',
      port: 3128,
      username: 'me',
      password: 'p@ss',
    });
    expect(parseCliArguments([...base, '--proxy', 'socks5://me@[::1]:9050']).proxy).toEqual({ kind: 'socks5', host: '[::1]', port: 9050, username: 'me' });
  });

  it('refuses a proxy it cannot use, without echoing its password', () => {
    const base = ['--server', 'h:1', '--user', 'a@b.c'];
    for (const proxy of ['ftp://h:1', 'socks5://h:99999', 'socks5://h:1/path', 'http://:secret@h:1', 'h:1080']) {
      expect(() => parseCliArguments([...base, '--proxy', proxy]), proxy).toThrow(UsageError);
    }
    expect(() => parseCliArguments([...base, '--proxy', 'gopher://me:secret@h:1'])).toThrow(/^(?!.*secret)/s);
  });

  it('refuses a password argument, unknown options and a bad status', () => {
    expect(() => parseCliArguments(['--server', 'h', '--user', 'a@b.c', '--password', 'x'])).toThrow(/password/);
    expect(() => parseCliArguments(['--server', 'h', '--user', 'a@b.c', '--status', 'FLN'])).toThrow(/--status/);
    expect(() => parseCliArguments(['--user', 'a@b.c'])).toThrow(/required/);
  });
});
