import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MsnpCommand, parseCommand } from './command';
import { MsnpFramer } from './framer';
import { isValidHandle } from '../shared/handles';
import { ParamReader } from './param-reader';
import { percentDecode } from './percent';

const CHOICES = ['FL', 'AL', 'NLN', 'BSY', '0'] as const;

/** The commands the framer makes of `text`, as a socket's reads would give it. */
function framed(text: string): MsnpCommand[] {
  const commands: MsnpCommand[] = [];
  const framer = new MsnpFramer({ command: (command) => commands.push(command), malformed: () => undefined, fatal: () => undefined });
  framer.push(Buffer.from(text));
  return commands;
}

/** What the reader says of every param, beside what `params` says. */
function readAll(reader: ParamReader, command: MsnpCommand, upTo: number) {
  reader.read(command);
  return Array.from({ length: upTo }, (_, index) => ({ text: reader.text(index), integer: reader.integer(index) }));
}

describe('ParamReader', () => {
  it('reads an LST line of the dump where it lies: list, counters, handle and name', () => {
    const [line] = framed('LST 12 FL 5001 7 5000 contact6@example.com Caf%C3%A9%20%E2%98%95\r\n');
    const reader = new ParamReader().read(line as MsnpCommand);
    expect(reader.count).toBe(7);
    expect(reader.integer(0)).toBe(12);
    expect(reader.is(1, 'FL')).toBe(true);
    expect(reader.is(1, 'AL')).toBe(false);
    expect(reader.is(1, 'F')).toBe(false);
    expect([reader.integer(2), reader.integer(3), reader.integer(4)]).toEqual([5001, 7, 5000]);
    expect(reader.text(5)).toBe('contact6@example.com');
    expect(reader.text(6)).toBe('Caf%C3%A9%20%E2%98%95');
    expect(reader.text(7)).toBeUndefined();
    expect(reader.integer(7)).toBeNaN();
    expect(reader.is(7, 'FL')).toBe(false);
  });

  it('reads a handle in an ASCII line, beside a raw UTF-8 name, and made of UTF-8 itself', () => {
    const lines = framed(
      'ILN 9 NLN bob@example.com Bob%20%E2%98%95\r\nILN 9 NLN bob@example.com Bob☕\r\nLST 12 FL 1 1 1 josé@example.com José\r\nILN 9 NLN ☕@example.com x\r\n',
    );
    const reader = new ParamReader();
    expect(lines.map((line) => reader.read(line).handle(2) ?? reader.handle(5))).toEqual(['bob@example.com', 'bob@example.com', 'josé@example.com', '☕@example.com']);
    // Each is the param itself, nothing before or after it.
    expect(reader.read(lines[0] as MsnpCommand).handle(1)).toBeUndefined();
    expect(reader.handle(3)).toBeUndefined();
  });

  it('says NaN for a param that is not decimal digits, where Number would read a sign, a point or hex', () => {
    const [line] = framed('LST 0x0C FL -1 1.5 +2 1e3\r\n');
    const reader = new ParamReader().read(line as MsnpCommand);
    for (const index of [0, 2, 3, 4, 5]) expect(reader.integer(index)).toBeNaN();
  });

  it('leaves out the byte count of a MSG line, as params do', () => {
    const [message] = framed('MSG alice@example.com Alice 5\r\nhello');
    const reader = new ParamReader().read(message as MsnpCommand);
    expect(reader.count).toBe(2);
    expect(reader.text(1)).toBe('Alice');
    expect(reader.text(2)).toBeUndefined();
  });

  it('reads the params already split, a command made without the framer, and one with more params than it keeps', () => {
    const [split] = framed('ILN 9 NLN bob@example.com Bob\r\n');
    expect((split as MsnpCommand).params[2]).toBe('bob@example.com');
    const reader = new ParamReader();
    expect(reader.read(split as MsnpCommand).text(2)).toBe('bob@example.com');
    expect(reader.read(parseCommand('SYN 8 42')).integer(1)).toBe(42);
    const many = Array.from({ length: 20 }, (_, index) => String(index)).join(' ');
    const [long] = framed(`ABC ${many}\r\n`);
    reader.read(long as MsnpCommand);
    expect(reader.count).toBe(20);
    expect(reader.integer(19)).toBe(19);
  });

  it('gives what params give for any line: spaces doubled, raw UTF-8, digits and not', () => {
    const token = fc.oneof(
      fc.stringMatching(/^[0-9]{1,18}$/),
      fc.stringMatching(/^[A-Za-z0-9%@._+-]{1,12}$/),
      fc.constantFrom('FL', 'AL', 'é', '☕x', '😀', '0', '007', '-3'),
      // Handles and not, and names escaped well and badly (cut short, not hex, not UTF-8, a BOM).
      fc.constantFrom('a@b', 'bob@example.com', '@b', 'a@', 'a@@b', 'a\u00a0b@c', 'tab\t@x', `${'a'.repeat(130)}@b`),
      fc.constantFrom('Caf%C3%A9%20%E2%98%95', 'A%20B', '%E2%98', '%4', 'x%', '%zz', '%C0%AF', '%EF%BB%BFbom', 'raw☕%20', '%f0%9f%98%80'),
    );
    const gap = fc.constantFrom(' ', '  ', '   ');
    const line = fc.tuple(fc.array(fc.tuple(token, gap), { minLength: 0, maxLength: 10 }), gap).map(([parts, lead]) => ({
      text: `ABC${lead}${parts.map(([param, space]) => param + space).join('')}`.trimEnd(),
      params: parts.map(([param]) => param),
    }));
    const reader = new ParamReader();
    fc.assert(
      fc.property(line, ({ text, params }) => {
        const [command] = framed(`${text}\r\n`);
        const read = readAll(reader, command as MsnpCommand, params.length + 1);
        expect(reader.count).toBe(params.length);
        const expected = [...params, undefined].map((param) => ({
          text: param,
          integer: param !== undefined && /^[0-9]+$/.test(param) ? Number(param) : Number.NaN,
        }));
        expect(read).toEqual(expected);
        params.forEach((param, index) => {
          expect(reader.is(index, param)).toBe(true);
          expect(reader.handle(index)).toBe(isValidHandle(param) ? param : undefined);
          expect(reader.decoded(index)).toBe(percentDecode(param));
          expect(reader.oneOf(index, CHOICES)).toBe(CHOICES.find((choice) => choice === param));
        });
        // The same of params already split (a command made without the framer).
        reader.read({ name: 'ABC', params });
        params.forEach((param, index) => {
          expect(reader.handle(index)).toBe(isValidHandle(param) ? param : undefined);
          expect(reader.decoded(index)).toBe(percentDecode(param));
          expect(reader.oneOf(index, CHOICES)).toBe(CHOICES.find((choice) => choice === param));
        });
        reader.read(command as MsnpCommand);
        expect(reader.handle(params.length)).toBeUndefined();
        expect(reader.decoded(params.length)).toBeUndefined();
        expect(reader.oneOf(params.length, CHOICES)).toBeUndefined();
        expect((command as MsnpCommand).params).toEqual(params);
      }),
      { numRuns: 500 },
    );
  });
});
