import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MsnpCommand, decimalValue, parseCommand, transactionIdOf } from './command';
import { MsnpFramer } from './framer';

/** The commands the framer makes of `bytes`, as a socket's reads would give it. */
function framed(bytes: Buffer): MsnpCommand[] {
  const commands: MsnpCommand[] = [];
  const framer = new MsnpFramer({ command: (command) => commands.push(command), malformed: () => undefined, fatal: () => undefined });
  framer.push(bytes);
  return commands;
}

const digits = fc.stringMatching(/^[0-9]{1,20}$/);
const token = fc.oneof(digits, fc.constantFrom('A', 'N', 'U', 'OK', 'NLN', 'x1', '-1', '0x8', '1.5', '+2', 'bob@example.com', 'Bob%20B'));
const line = fc.record({
  name: fc.constantFrom('ACK', 'NAK', 'CHG', 'USR', 'XFR', 'MSG', 'NLN', '911'),
  params: fc.array(token, { maxLength: 4 }),
  spaces: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
});

describe('a framed command', () => {
  it('reads its TrID from its bytes as the parsed command reads it from its params', () => {
    fc.assert(
      fc.property(line, ({ name, params, spaces }) => {
        const payload = name === 'MSG' ? Buffer.from('hello') : undefined;
        const tokens = payload ? [...params, String(payload.byteLength)] : params;
        const text = [name, ...tokens].map((part, index) => (index === 0 ? part : ' '.repeat(spaces[index] ?? 1) + part)).join('');
        const [command] = framed(Buffer.concat([Buffer.from(`${text}\r\n`), payload ?? Buffer.alloc(0)]));
        const parsed = parseCommand(text, payload && new Uint8Array(payload));
        expect(command).toBeDefined();
        expect(transactionIdOf(command as MsnpCommand)).toBe(transactionIdOf(parsed));
        // Once its params are split, it reads them.
        void (command as MsnpCommand).params;
        expect(transactionIdOf(command as MsnpCommand)).toBe(transactionIdOf(parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches an ACK by its TrID without splitting its params', () => {
    const [ack] = framed(Buffer.from('ACK 4294967295\r\n'));
    const splits = { count: 0 };
    const params = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(ack)), 'params') ?? Object.getOwnPropertyDescriptor(Object.getPrototypeOf(ack), 'params');
    Object.defineProperty(ack, 'params', { get: () => (splits.count++, params?.get?.call(ack)) });
    expect(transactionIdOf(ack as MsnpCommand)).toBe(4294967295);
    expect(splits.count).toBe(0);
    const [only] = framed(Buffer.from('MSG 5\r\nhello'));
    expect(transactionIdOf(only as MsnpCommand)).toBeUndefined();
  });
});

describe('decimalValue', () => {
  it('reads digits as Number does, and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(digits, fc.string({ maxLength: 8 })), (text) => {
        expect(decimalValue(text)).toBe(/^\d+$/.test(text) ? Number(text) : Number.NaN);
      }),
      { numRuns: 3000 },
    );
  });
});
