import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMime } from './mime';
import { HIDDEN, SECRET_RULES, describeForLog, maskSecrets } from './wire-log';

const chat = (text: string) => buildMime([['MIME-Version', '1.0'], ['Content-Type', 'text/plain; charset=UTF-8']], text);

describe('maskSecrets', () => {
  it.each([
    ['C: USR 7 MD5 S c36a4dec1c6bf5af4f5284f19345d3dc', 'C: USR 7 MD5 S [hidden]'],
    ['S: USR 6 MD5 S 1234567890.123456789', 'S: USR 6 MD5 S [hidden]'],
    ['SB > USR 1 you@x.com 17262740.1050826919.32308', 'SB > USR 1 you@x.com [hidden]'],
    ['SB > ANS 1 you@x.com 849102291.520491113 11752317', 'SB > ANS 1 you@x.com [hidden] 11752317'],
    ['S: RNG 1 10.0.0.1:1863 CKI 849102291.5 bob@x.com Bob', 'S: RNG 1 10.0.0.1:1863 CKI [hidden] bob@x.com Bob'],
    ['POST https://login.example/ppsecure?creds=0f0e&sl=5&k2=abcd', 'POST https://login.example/ppsecure?creds=[hidden]&sl=5&k2=[hidden]'],
    ['{"login":"you","k1":"42","k2":"9e107d9d372bb6826bd81d3542a419d6"}', '{"login":"you","k1":"[hidden]","k2":"[hidden]"}'],
    ['MSPAuth: 7Wl0PXp!x$$ and auth=ticket', 'MSPAuth: [hidden] and auth=[hidden]'],
  ])('%s', (line, masked) => {
    expect(maskSecrets(line)).toBe(masked);
  });

  it('leaves lines without secrets alone', () => {
    for (const line of ['C: USR 3 MD5 I you@x.com', 'S: USR 7 OK you@x.com You', 'SB < ANS 1 OK', 'session: online (MSNP3)']) {
      expect(maskSecrets(line)).toBe(line);
    }
  });

  it('hides exactly what all its rules hide, whether or not its first search finds a word to look at', () => {
    const everyRule = (text: string): string => SECRET_RULES.reduce((masked, rule) => masked.replace(rule, `$1${HIDDEN}`), text);
    const fragment = fc.constantFrom(
      'USR', 'ANS', 'CKI', 'MD5', 'S', 'I', 'OK', 'LST', 'FL', 'creds', 'k1', 'k2', 'auth', 'MSPAuth', 'Auth', 'usr',
      '7', '1234.5678', 'you@x.com', 'deadbeef', '=', ':', '"', '&', '?', ' ', ' ', ' ', '\n', 'x',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(maskSecrets(text)).toBe(everyRule(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('masks every secret of a multi-line text, such as an error with its stack', () => {
    const text = 'Error: bad reply to USR 9 MD5 S deadbeef\n    at creds=abc (file.ts:1:1)';
    expect(maskSecrets(text)).toBe('Error: bad reply to USR 9 MD5 S [hidden]\n    at creds=[hidden] (file.ts:1:1)');
  });
});

describe('describeForLog of a message', () => {
  it('shows a chat message by length unless message text is asked for', () => {
    const command = { name: 'MSG', params: ['4', 'N', '80'], payload: chat('see you at "noon"') };
    const size = command.payload.byteLength;
    expect(describeForLog(command)).toBe(`MSG 4 N 80 <${size} bytes>`);
    expect(describeForLog(command, { messageText: true })).toBe(`MSG 4 N 80 <${size} bytes: "see you at \\"noon\\"">`);
  });

  it('never shows a payload that is not a plain-text message, even when message text is asked for', () => {
    const profile = buildMime([['Content-Type', 'text/x-msmsgsprofile; charset=UTF-8'], ['MSPAuth', 'ticket$$']], '');
    const typing = buildMime([['Content-Type', 'text/x-msmsgscontrol'], ['TypingUser', 'you@x.com']], '');
    for (const payload of [profile, typing]) {
      expect(describeForLog({ name: 'MSG', params: ['Hotmail', 'Hotmail'], payload }, { messageText: true })).toBe(
        `MSG Hotmail Hotmail <${payload.byteLength} bytes>`,
      );
    }
  });
});
