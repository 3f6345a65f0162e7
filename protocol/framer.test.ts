import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandArbitrary } from '../test/fixtures/arbitraries';
import { concatBytes, readTranscript, streamFrom } from '../test/fixtures/transcript';
import { type MsnpCommand, type MsnpSyntaxError, serializeCommand } from './command';
import { type FramerOptions, type FramingError, MAX_LINE_BYTES, MAX_PAYLOAD_BYTES, MsnpFramer } from './framer';
import { contentTypeParameter, mediaType, parseHeaderLines, parseMime } from './mime';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

function record(options?: FramerOptions) {
  const commands: MsnpCommand[] = [];
  const malformed: MsnpSyntaxError[] = [];
  const fatal: FramingError[] = [];
  const framer = new MsnpFramer(
    {
      command: (command) => commands.push(command),
      malformed: (error) => malformed.push(error),
      fatal: (error) => fatal.push(error),
    },
    options,
  );
  return { framer, commands, malformed, fatal };
}

function pushByteByByte(framer: MsnpFramer, data: Uint8Array): void {
  for (let index = 0; index < data.byteLength; index++) framer.push(data.subarray(index, index + 1));
}

describe('MsnpFramer lines', () => {
  it('splits command lines ending in CR LF', () => {
    const { framer, commands } = record();
    framer.push(bytes('VER 1 MSNP3\r\nINF 2 MD5\r\n'));
    expect(commands).toEqual([
      { name: 'VER', params: ['1', 'MSNP3'] },
      { name: 'INF', params: ['2', 'MD5'] },
    ]);
    expect(framer.bufferedBytes).toBe(0);
  });

  it('tolerates lines ending in a bare LF', () => {
    const { framer, commands } = record();
    framer.push(bytes('VER 1 MSNP3\nINF 2 MD5\r\nQNG\n'));
    expect(commands.map((command) => command.name)).toEqual(['VER', 'INF', 'QNG']);
    expect(commands[0]?.params).toEqual(['1', 'MSNP3']);
  });

  it('waits for the end of a line before parsing it', () => {
    const { framer, commands } = record();
    framer.push(bytes('CHG 9 NL'));
    expect(commands).toEqual([]);
    expect(framer.bufferedBytes).toBe(8);
    framer.push(bytes('N\r'));
    expect(commands).toEqual([]);
    framer.push(bytes('\n'));
    expect(commands).toEqual([{ name: 'CHG', params: ['9', 'NLN'] }]);
  });

  it('parses many commands arriving in one chunk', () => {
    const { framer, commands } = record();
    const lines = Array.from({ length: 200 }, (_, index) => `ADD ${index + 1} FL 14 u${index}@hotmail.com u${index}@hotmail.com`);
    framer.push(bytes(lines.map((line) => `${line}\r\n`).join('')));
    expect(commands).toHaveLength(200);
    expect(commands[199]).toEqual({ name: 'ADD', params: ['200', 'FL', '14', 'u199@hotmail.com', 'u199@hotmail.com'] });
  });

  it('parses commands arriving one byte at a time', () => {
    const { framer, commands } = record();
    pushByteByByte(framer, bytes('SYN 8 14\r\nGTC 8 14 A\r\nMSG a@b.com A 7\r\nÇa va?BLP 8 14 AL\r\n'));
    expect(commands.map((command) => command.name)).toEqual(['SYN', 'GTC', 'MSG', 'BLP']);
    expect(decoder.decode(commands[2]?.payload)).toBe('Ça va?');
  });

  it('decodes a multi-byte UTF-8 character split across chunks in a line', () => {
    const { framer, commands } = record();
    const data = bytes('NLN NLN bob@hotmail.com Café\r\n');
    const split = data.indexOf(0xc3) + 1;
    framer.push(data.subarray(0, split));
    framer.push(data.subarray(split));
    expect(commands).toEqual([{ name: 'NLN', params: ['NLN', 'bob@hotmail.com', 'Café'] }]);
  });

  it('skips empty lines', () => {
    const { framer, commands, malformed } = record();
    framer.push(bytes('\r\n\nQNG\r\n  \r\n'));
    expect(commands).toEqual([{ name: 'QNG', params: [] }]);
    expect(malformed).toEqual([]);
  });

  it('reports a malformed line and goes on with the next one', () => {
    const { framer, commands, malformed, fatal } = record();
    framer.push(bytes('ver 1 MSNP3\r\n%%garbage here\r\nVe 1\r\nVER 1 MSNP3\r\n'));
    expect(malformed.map((error) => error.line)).toEqual(['ver 1 MSNP3', '%%garbage here', 'Ve 1']);
    expect(malformed[0]?.message).toBe('Not a command name: "ver"');
    expect(commands).toEqual([{ name: 'VER', params: ['1', 'MSNP3'] }]);
    expect(fatal).toEqual([]);
  });
});

describe('MsnpFramer commands handed out', () => {
  it('keeps what a command says however late it is read: later data never overwrites it', () => {
    const { framer, commands } = record();
    framer.push(bytes('VER 1 MS'));
    framer.push(bytes('NP3\r\nMSG a@b.com A 3\r\nab'));
    framer.push(bytes('cINF 2 MD5\r\nCHG 3 N'));
    for (let index = 0; index < 100; index++) framer.push(bytes(`LN\r\nMSG x@y.z X 3\r\nxyzCHG ${index} N`));
    expect(commands.slice(0, 3)).toEqual([
      { name: 'VER', params: ['1', 'MSNP3'] },
      { name: 'MSG', params: ['a@b.com', 'A'], payload: bytes('abc') },
      { name: 'INF', params: ['2', 'MD5'] },
    ]);
    expect(commands.at(-1)).toEqual({ name: 'MSG', params: ['x@y.z', 'X'], payload: bytes('xyz') });
  });

  it('frames Buffers and plain Uint8Arrays alike, and hands out payloads as plain Uint8Arrays', () => {
    const { framer, commands } = record();
    framer.push(Buffer.from('MSG a@b.com A 2\r\nhi'));
    framer.push(bytes('MSG a@b.com A 2\r\nho'));
    expect(commands.map((command) => command.payload?.constructor)).toEqual([Uint8Array, Uint8Array]);
    expect(commands.map((command) => decoder.decode(command.payload))).toEqual(['hi', 'ho']);
  });

  it('reads an unusual line (leading and doubled spaces) from its tokens, payload included', () => {
    const { framer, commands, malformed } = record();
    framer.push(bytes('  MSG  a@b.com   A 2 \r\nhi QNG \r\n'));
    expect(malformed).toEqual([]);
    expect(commands).toEqual([
      { name: 'MSG', params: ['a@b.com', 'A'], payload: bytes('hi') },
      { name: 'QNG', params: [] },
    ]);
  });
});

describe('MsnpFramer MSG payloads', () => {
  it('counts the payload length in bytes, not characters', () => {
    const { framer, commands } = record();
    const text = 'Ça va?';
    expect(text.length).toBe(6);
    framer.push(bytes(`MSG bob@hotmail.com Bob 7\r\n${text}QNG\r\n`));
    expect(commands).toHaveLength(2);
    expect(commands[0]?.params).toEqual(['bob@hotmail.com', 'Bob']);
    expect(commands[0]?.payload?.byteLength).toBe(7);
    expect(decoder.decode(commands[0]?.payload)).toBe(text);
    expect(commands[1]).toEqual({ name: 'QNG', params: [] });
  });

  it('keeps CR LF inside the payload and takes the next command right after it', () => {
    const { framer, commands } = record();
    framer.push(bytes('MSG 4 N 6\r\nA\r\n\r\nBACK 4\r\n'));
    expect(decoder.decode(commands[0]?.payload)).toBe('A\r\n\r\nB');
    expect(commands[1]).toEqual({ name: 'ACK', params: ['4'] });
  });

  it('decodes a multi-byte UTF-8 character split across chunks in a payload', () => {
    const { framer, commands } = record();
    const data = bytes('MSG bob@hotmail.com Bob 5\r\n😀!');
    for (const split of [data.byteLength - 4, data.byteLength - 3, data.byteLength - 2]) {
      commands.length = 0;
      framer.push(data.subarray(0, split));
      expect(commands).toEqual([]);
      framer.push(data.subarray(split));
      expect(decoder.decode(commands[0]?.payload)).toBe('😀!');
    }
  });

  it('accepts a zero-length payload', () => {
    const { framer, commands } = record();
    framer.push(bytes('MSG bob@hotmail.com Bob 0\r\nQNG\r\n'));
    expect(commands).toEqual([
      { name: 'MSG', params: ['bob@hotmail.com', 'Bob'], payload: new Uint8Array(0) },
      { name: 'QNG', params: [] },
    ]);
  });

  it('hands out a zero-length MSG at once when its line ends the chunk, whole or completed from a carried start', () => {
    for (const chunks of [['MSG a@b.com A 0\r\n'], ['MSG a@b.c', 'om A 0\r\n']]) {
      const { framer, commands } = record();
      for (const chunk of chunks) framer.push(bytes(chunk));
      expect(commands).toEqual([{ name: 'MSG', params: ['a@b.com', 'A'], payload: new Uint8Array(0) }]);
      expect(framer.bufferedBytes).toBe(0);
    }
  });

  it('hands out payloads that later data does not overwrite', () => {
    const { framer, commands } = record();
    framer.push(bytes('MSG a@b.com A 3\r\nabc'));
    for (let index = 0; index < 100; index++) framer.push(bytes(`MSG a@b.com A 3\r\nxyz`));
    expect(decoder.decode(commands[0]?.payload)).toBe('abc');
  });

  it(`accepts a payload of exactly ${MAX_PAYLOAD_BYTES} bytes`, () => {
    const { framer, commands, fatal } = record();
    framer.push(bytes(`MSG a@b.com A ${MAX_PAYLOAD_BYTES}\r\n${'x'.repeat(MAX_PAYLOAD_BYTES)}`));
    expect(fatal).toEqual([]);
    expect(commands[0]?.payload?.byteLength).toBe(MAX_PAYLOAD_BYTES);
  });

  it(`fails for a declared payload over ${MAX_PAYLOAD_BYTES} bytes without waiting for it`, () => {
    const { framer, commands, fatal } = record();
    framer.push(bytes('MSG a@b.com A 1665\r\n'));
    expect(fatal.map((error) => error.message)).toEqual(['A MSG payload of 1665 bytes exceeds the limit of 1664 bytes']);
    expect(fatal[0]?.name).toBe('FramingError');
    expect(commands).toEqual([]);
    expect(framer.bufferedBytes).toBe(0);
  });

  it.each(['MSG a@b.com A abc', 'MSG a@b.com A -5', 'MSG a@b.com A 1e3', 'MSG', 'MSG a@b.com A 12345678901'])(
    'fails for a MSG without a valid byte count: %s',
    (line) => {
      const { framer, commands, fatal } = record();
      framer.push(bytes(`${line}\r\nQNG\r\n`));
      expect(fatal).toHaveLength(1);
      expect(fatal[0]?.message).toContain('has no valid payload length');
      expect(fatal[0]?.message).toContain(line);
      expect(commands).toEqual([]);
    },
  );

  it('ignores everything after a fatal error', () => {
    const { framer, commands, fatal } = record();
    framer.push(bytes('MSG a@b.com A x\r\n'));
    framer.push(bytes('QNG\r\n'));
    expect(fatal).toHaveLength(1);
    expect(commands).toEqual([]);
    expect(framer.bufferedBytes).toBe(0);
  });
});

describe('MsnpFramer line length limit', () => {
  it(`fails for a line longer than ${MAX_LINE_BYTES} bytes without a LF, keeping the buffer bounded`, () => {
    const { framer, commands, fatal } = record();
    const chunk = bytes('A'.repeat(1000));
    let largest = 0;
    for (let index = 0; index < 20 && fatal.length === 0; index++) {
      framer.push(chunk);
      largest = Math.max(largest, framer.bufferedBytes);
    }
    expect(fatal.map((error) => error.message)).toEqual([`A command line from the server is longer than ${MAX_LINE_BYTES} bytes`]);
    expect(largest).toBeLessThanOrEqual(MAX_LINE_BYTES);
    expect(framer.bufferedBytes).toBe(0);
    framer.push(bytes('\r\nQNG\r\n'));
    expect(commands).toEqual([]);
  });

  it('fails for an over-long line fed one byte at a time once it cannot be a line of the limit plus CR', () => {
    const { framer, fatal } = record({ maxLineBytes: 64 });
    let pushed = 0;
    while (fatal.length === 0 && pushed < 1000) {
      framer.push(bytes('x'));
      pushed++;
      expect(framer.bufferedBytes).toBeLessThanOrEqual(64 + 1);
    }
    expect(pushed).toBe(64 + 2);
    expect(fatal[0]?.message).toBe('A command line from the server is longer than 64 bytes');
  });

  it('fails for an over-long line that arrives complete in one chunk', () => {
    const { framer, commands, fatal } = record();
    framer.push(bytes(`LST 8 FL 14 1 1 a@b.com ${'N'.repeat(MAX_LINE_BYTES)}\r\nQNG\r\n`));
    expect(fatal).toHaveLength(1);
    expect(commands).toEqual([]);
  });

  it.each(['\r\n', '\n'])('accepts a line of exactly the limit ending in %j, fed whole or byte by byte', (end) => {
    for (const feed of [(framer: MsnpFramer, data: Uint8Array) => framer.push(data), pushByteByByte]) {
      const { framer, commands, fatal } = record({ maxLineBytes: 16 });
      feed(framer, bytes(`REA 1 a@b.com xy${end}`));
      expect(fatal).toEqual([]);
      expect(commands).toEqual([{ name: 'REA', params: ['1', 'a@b.com', 'xy'] }]);
    }
  });

  it.each(['\r\n', '\n'])('refuses a line one byte over the limit ending in %j', (end) => {
    const { framer, commands, fatal } = record({ maxLineBytes: 16 });
    framer.push(bytes(`REA 1 a@b.com xyz${end}`));
    expect(fatal).toHaveLength(1);
    expect(commands).toEqual([]);
  });

  it('frames 1 MB fed one byte at a time', () => {
    const { framer, commands } = record();
    const message = bytes(`MSG bob@hotmail.com Bob 1000\r\n${'é'.repeat(500)}`);
    const line = bytes(`LST 8 FL 14 1 1 bob@hotmail.com ${'N'.repeat(4000)}\r\n`);
    const unit = concatBytes([message, line]);
    const repeats = Math.ceil((1024 * 1024) / unit.byteLength);
    pushByteByByte(framer, concatBytes(Array.from({ length: repeats }, () => unit)));
    expect(commands).toHaveLength(repeats * 2);
    expect(framer.bufferedBytes).toBe(0);
  });
});

describe('MsnpFramer chunking property', () => {
  it('parses the same commands however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(commandArbitrary, { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (commands, cuts) => {
          const stream = concatBytes(commands.map((command) => serializeCommand(command)));
          const offsets = [...new Set(cuts.map((cut) => cut % (stream.byteLength + 1)))].sort((a, b) => a - b);
          const { framer, commands: parsed, malformed, fatal } = record();
          let previous = 0;
          for (const offset of [...offsets, stream.byteLength]) {
            framer.push(stream.subarray(previous, offset));
            previous = offset;
          }
          expect(malformed).toEqual([]);
          expect(fatal).toEqual([]);
          expect(parsed).toEqual(commands);
          expect(framer.bufferedBytes).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the seed transcript', () => {
  const steps = readTranscript('seed-msnp3.txt');
  const serverSteps = steps.filter((step) => step.from === 'S');

  it('frames every server line of the seed fed one byte at a time, byte-exact', () => {
    const { framer, commands, malformed, fatal } = record();
    pushByteByByte(framer, streamFrom(steps, 'S'));
    expect(malformed).toEqual([]);
    expect(fatal).toEqual([]);
    expect(commands).toHaveLength(serverSteps.length);
    commands.forEach((command, index) => {
      expect(serializeCommand(command)).toEqual(serverSteps[index]?.wire);
    });
  });

  it('reads the 367-byte profile message and its fields', () => {
    const { framer, commands } = record();
    pushByteByByte(framer, streamFrom(steps, 'S'));
    const profile = commands.find((command) => command.name === 'MSG');
    expect(profile?.params).toEqual(['Hotmail', 'Hotmail']);
    expect(profile?.payload?.byteLength).toBe(367);
    const message = parseMime(profile?.payload ?? new Uint8Array(0));
    expect(message.headers.get('mime-version')).toBe('1.0');
    expect(mediaType(message)).toBe('text/x-msmsgsprofile');
    expect(contentTypeParameter(message, 'charset')).toBe('UTF-8');
    const fields = parseHeaderLines(message.body);
    expect(fields.get('logintime')).toBe('1726321960');
    expect(fields.get('mspauth')).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$$');
    expect(fields.get('sid')).toBe('507');
    expect(fields.get('kv')).toBe('11');
    expect(fields.get('lang_preference')).toBe('1033');
    expect(fields.get('emailenabled')).toBe('1');
    expect(fields.get('postalcode')).toBe('');
    expect(fields.get('preferredemail')).toBe('example@hotmail.com');
    expect(fields.size).toBe(18);
  });
});
