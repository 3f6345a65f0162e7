import { describe, expect, it } from 'vitest';
import type { AppError } from './errors';
import { SERVER_PRESETS } from './server-presets';
import { signInAdvice } from './troubleshoot';

const advise = (error: AppError, server = 'msn.example.com:1863') => signInAdvice(error, server, SERVER_PRESETS);

describe('the sign-in troubleshooter', () => {
  it('says to turn on MD5 sign-in on the website for 911 from a server known to need it, and only there', () => {
    const wrongPassword: AppError = { kind: 'protocol', reason: 'server-error', code: 911 };
    expect(advise(wrongPassword, 'm1.escargot.chat')).toEqual({ kind: 'md5-opt-in', server: 'm1.escargot.chat', website: 'https://escargot.chat' });
    expect(advise(wrongPassword, 'M1.Escargot.Chat:1863')).toMatchObject({ kind: 'md5-opt-in' });
    expect(advise(wrongPassword)).toBeUndefined();
    expect(advise({ kind: 'protocol', reason: 'server-error', code: 600 }, 'm1.escargot.chat:1863')).toBeUndefined();
  });

  it('names the host and port nothing answered at, refused or silent', () => {
    expect(advise({ kind: 'network', reason: 'cannot-connect', detail: { host: 'h.example', port: 1863, code: 'ECONNREFUSED' } })).toEqual({
      kind: 'server-unreachable',
      host: 'h.example',
      port: '1863',
      refused: true,
    });
    expect(advise({ kind: 'timeout', reason: 'unreachable', detail: { host: 'h.example', port: 1863, seconds: 15 } })).toMatchObject({ refused: false });
  });

  it('says what a server offered when it speaks neither MSNP3 nor MSNP2', () => {
    expect(advise({ kind: 'unsupported', reason: 'unsupported-server', detail: { offered: ['MSNP8', 'CVR0'] } })).toEqual({ kind: 'wrong-protocol', offered: ['MSNP8'] });
    expect(advise({ kind: 'unsupported', reason: 'unsupported-server', detail: { offered: ['0'] } })).toEqual({ kind: 'wrong-protocol', offered: [] });
    expect(advise({ kind: 'unsupported', reason: 'upgrade-requested', detail: { version: '7.0' } })).toEqual({ kind: 'wrong-protocol', offered: [] });
  });

  it('names the step a silent server stopped at', () => {
    for (const step of ['VER', 'INF', 'USR', 'SYN', 'CHG'] as const) {
      expect(advise({ kind: 'timeout', reason: 'no-answer', detail: { request: step, seconds: 30 } })).toEqual({ kind: 'server-silent', step });
    }
    expect(advise({ kind: 'timeout', reason: 'no-answer', detail: { request: 'XYZ', seconds: 30 } })).toEqual({ kind: 'server-silent', step: 'other' });
  });

  it('blames the proxy, not the server, for every way a proxy fails', () => {
    const proxy = 'socks5://me@127.0.0.1:1080';
    expect(
      (['proxy-cannot-connect', 'proxy-timeout', 'proxy-needs-credentials', 'proxy-credentials-refused', 'proxy-refused', 'proxy-unexpected'] as const).map(
        (reason) => advise({ kind: 'network', reason, detail: { proxy } }),
      ),
    ).toEqual([
      { kind: 'proxy', proxy, problem: 'unreachable' },
      { kind: 'proxy', proxy, problem: 'silent' },
      { kind: 'proxy', proxy, problem: 'credentials' },
      { kind: 'proxy', proxy, problem: 'credentials' },
      { kind: 'proxy', proxy, problem: 'refused' },
      { kind: 'proxy', proxy, problem: 'not-a-proxy' },
    ]);
  });

  it('has nothing to add to a wrong password on an ordinary server or a bad address', () => {
    expect(advise({ kind: 'input', reason: 'invalid-server', field: 'server' })).toBeUndefined();
  });
});
