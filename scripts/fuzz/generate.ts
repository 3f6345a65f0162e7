// What the fuzzer sends: server lines generated with fast-check from the shapes of every NS and SB
// command (then given wrong argument counts and types), real lines mutated (truncated, tokens
// dropped, doubled, swapped or replaced, stray bytes), MSG payloads with wrong lengths, cut UTF-8 and
// bad percent-encoding, giant lines and raw bytes. Each case is a pure function of (seed, index), so
// a run can be replayed, and any one case regenerated, from the seed alone.

import fc from 'fast-check';
import { concatBytes, readTranscript } from '../../test/fixtures/transcript';

/** Where the lines go: a live NS session, a live SB conversation, or a step of signing in / setting up a switchboard. */
export type FuzzTarget = 'ns' | 'sb' | 'ns-sign-in' | 'sb-setup';

/**
 * One line as it goes on the wire: `head` is the command line (a string may hold `{next}` and
 * `{last}`, the client's next and last transaction ids, filled in when it is sent), then `end`,
 * then the payload bytes if any.
 */
export interface FuzzLine {
  readonly head: string | Uint8Array;
  readonly end: '\r\n' | '\n' | '';
  readonly payload?: Uint8Array;
}

export interface FuzzCase {
  readonly index: number;
  readonly target: FuzzTarget;
  readonly lines: readonly FuzzLine[];
  /** For sign-in and switchboard set-up: which of the server's replies the lines go before. */
  readonly step: number;
  /** The server drops the connection after the lines (instead of that reply, during set-up). */
  readonly drop: boolean;
  /** How the bytes are written: at once, one byte per write, or cut at these fractions. */
  readonly chunking: 'whole' | 'bytes' | readonly number[];
}

/** The server replies a sign-in passes through (VER, INF, USR I, USR S, SYN, CHG) and one after. */
export const SIGN_IN_STEPS = 7;
/** The switchboard replies a conversation's set-up passes through (USR, CAL, JOI, ACK). */
export const SB_SETUP_STEPS = 4;

const encoder = new TextEncoder();

const KNOWN_HANDLES = ['anotheruser@hotmail.com', 'example@hotmail.com', 'carol@hotmail.com', 'friend@example.com'];

const handle = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_HANDLES) },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9._-]{1,12}@[a-z0-9-]{1,10}\.(com|org|msn)$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('noatsign', '@', 'a@', '@b.c', `${'x'.repeat(200)}@y.z`, 'Ünï@hotmail.com', 'a@b@c.com', 'A@B.COM', 'a%40b.com'),
  },
);

const status = fc.constantFrom('NLN', 'BSY', 'IDL', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN', 'FLN', 'XYZ', 'nln', '0');

const number = fc.oneof(
  fc.integer({ min: 0, max: 30 }).map(String),
  fc.constantFrom('-1', '-99999', '2147483648', '4294967296', '9007199254740993', '1e21', 'NaN', '0x10', '1.5', '٣', '+3', '007'),
);

const encodedName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Another%20User', 'Carol', 'Caf%C3%A9%20Friend', 'Example%20User', 'Messenger%20Buddy') },
  { weight: 3, arbitrary: fc.constantFrom('%ZZ', '%E2%28%A1', '%E2%82', '%', '%2', '%C3', '%F0%9F%98', '%00%0D%0A', '%25%25', '%ED%A0%80', `${'%41'.repeat(140)}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((text) => encodeURIComponent(text)) },
);

const address = fc.constantFrom(
  '198.51.100.21:1863',
  '127.0.0.1:1',
  '[::1]:1863',
  '[::1',
  ':0',
  'host:99999',
  'host:-1',
  'host:',
  '0',
  'a:b:c',
  '10.0.0.5',
  '',
);

const url = fc.constantFrom('https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033', '/cgi-bin/HoTMaiL', 'javascript:alert(1)', 'http://', 'x');

/** Transaction ids: the client's next and last (so replies land on real requests), and wrong ones. */
const trid = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('{next}', '{last}') },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('-1', '4294967295', '4294967296', '99999999999999999999', 'x', '1.0', '') },
);

/** A token of any type, for a parameter given the wrong one. */
const anyToken = fc.oneof(
  handle,
  status,
  number,
  encodedName,
  address,
  url,
  trid,
  fc.constantFrom('CKI', 'OK', 'RINGING', 'SB', 'NS', 'A', 'N', 'U', 'FL', 'AL', 'BL', 'RL', 'ON', 'OFF', 'MD5', 'S', 'I', 'OTH', 'SSD'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((text) => text.replace(/[\s]/g, '_')),
);

const list = fc.constantFrom('FL', 'AL', 'BL', 'RL', 'XL', 'fl');

/** The parameters of each command as a server sends it (§5, §6), position by position. */
const SHAPES: Readonly<Record<string, fc.Arbitrary<string[]>>> = {
  VER: fc.tuple(trid, fc.constantFrom('MSNP3', 'MSNP2', 'CVR0', 'MSNP9')),
  INF: fc.tuple(trid, fc.constantFrom('MD5', 'CTP', 'SSO')),
  USR: fc.oneof(
    fc.tuple(trid, fc.constantFrom('MD5'), fc.constantFrom('S'), fc.constantFrom('1234567890.123456789', '', 'x')),
    fc.tuple(trid, fc.constant('OK'), handle, encodedName),
  ),
  XFR: fc.oneof(fc.tuple(trid, fc.constantFrom('NS', 'SB', 'XX'), address, fc.constantFrom('0', 'CKI'), number), fc.tuple(trid, fc.constant('NS'), fc.constant('0'))),
  SYN: fc.tuple(trid, number),
  GTC: fc.tuple(trid, number, fc.constantFrom('A', 'N', 'X')),
  BLP: fc.tuple(trid, number, fc.constantFrom('AL', 'BL', 'XL')),
  LST: fc.tuple(trid, list, number, number, number, handle, encodedName),
  CHG: fc.tuple(trid, status),
  ILN: fc.tuple(trid, status, handle, encodedName),
  NLN: fc.tuple(status, handle, encodedName),
  FLN: fc.tuple(handle),
  ADD: fc.tuple(trid, list, number, handle, encodedName),
  REM: fc.tuple(trid, list, number, handle),
  REA: fc.tuple(trid, number, handle, encodedName),
  RNG: fc.tuple(number, address, fc.constant('CKI'), number, handle, encodedName),
  OUT: fc.oneof(fc.constant([] as string[]), fc.tuple(fc.constantFrom('OTH', 'SSD', 'XYZ'))),
  URL: fc.tuple(trid, url, url, number),
  SND: fc.tuple(trid, fc.constantFrom('OK', 'NO')),
  IMS: fc.tuple(trid, number, fc.constantFrom('ON', 'OFF', 'MAYBE')),
  QNG: fc.constant([]),
  CVR: fc.tuple(trid, fc.constantFrom('2.0.0085', '3.0.0286'), url, url),
  FND: fc.tuple(trid, number, number, handle, encodedName),
  IRO: fc.tuple(trid, number, number, handle, encodedName),
  JOI: fc.tuple(handle, encodedName),
  BYE: fc.tuple(handle),
  CAL: fc.tuple(trid, fc.constantFrom('RINGING', 'BUSY'), number),
  ANS: fc.tuple(trid, fc.constantFrom('OK', 'NO')),
  ACK: fc.tuple(trid),
  NAK: fc.tuple(trid),
};

const ERROR_CODES = [
  '200', '201', '205', '206', '207', '208', '209', '210', '215', '216', '217', '218', '219', '223', '280', '281', '300',
  '500', '501', '600', '601', '707', '710', '711', '712', '713', '714', '715', '800', '910', '911', '912', '913', '914',
  '916', '917', '918', '919', '920', '921', '922', '923', '924', '928', '999', '000', '100',
];

const NS_COMMANDS = ['VER', 'INF', 'USR', 'XFR', 'SYN', 'GTC', 'BLP', 'LST', 'CHG', 'ILN', 'NLN', 'FLN', 'ADD', 'REM', 'REA', 'RNG', 'OUT', 'URL', 'SND', 'IMS', 'QNG', 'CVR', 'FND'];
const SB_COMMANDS = ['USR', 'ANS', 'IRO', 'JOI', 'BYE', 'CAL', 'ACK', 'NAK', 'OUT'];

/** Wrong argument counts and types: parameters dropped, added, or replaced by a token of another kind. */
function misshape(params: fc.Arbitrary<string[]>): fc.Arbitrary<string[]> {
  return fc.oneof(
    { weight: 4, arbitrary: params },
    { weight: 2, arbitrary: fc.tuple(params, fc.nat()).map(([tokens, cut]) => tokens.slice(0, tokens.length === 0 ? 0 : cut % tokens.length)) },
    { weight: 2, arbitrary: fc.tuple(params, fc.array(anyToken, { minLength: 1, maxLength: 4 })).map(([tokens, extra]) => [...tokens, ...extra]) },
    {
      weight: 2,
      arbitrary: fc.tuple(params, fc.nat(), anyToken).map(([tokens, at, token]) =>
        tokens.length === 0 ? [token] : tokens.map((existing, index) => (index === at % tokens.length ? token : existing)),
      ),
    },
  );
}

/** Lines that end a session (OUT, XFR … NS) come less often, so that live sessions see more lines. */
const ENDING = new Set(['OUT', 'XFR']);

const shapedLine = (names: readonly string[]): fc.Arbitrary<FuzzLine> =>
  fc
    .oneof(
      { weight: 20, arbitrary: fc.constantFrom(...names.filter((name) => !ENDING.has(name))) },
      { weight: 1, arbitrary: fc.constantFrom(...names.filter((name) => ENDING.has(name))) },
    )
    .chain((name) => misshape(SHAPES[name] as fc.Arbitrary<string[]>).map((params) => ({ head: [name, ...params].join(' '), end: '\r\n' as const })));

const errorLine: fc.Arbitrary<FuzzLine> = fc
  .tuple(fc.constantFrom(...ERROR_CODES), fc.array(trid, { maxLength: 2 }))
  .map(([code, params]) => ({ head: [code, ...params].join(' '), end: '\r\n' }));

const unknownLine: fc.Arbitrary<FuzzLine> = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{1,5}$/), fc.array(anyToken, { maxLength: 5 }))
  .map(([name, params]) => ({ head: [name, ...params].join(' '), end: '\r\n' }));

const HEADER_TYPES = [
  'text/x-msmsgsprofile; charset=UTF-8',
  'text/x-msmsgsinitialemailnotification; charset=UTF-8',
  'text/x-msmsgsemailnotification; charset=UTF-8',
  'text/x-msmsgsactivemailnotification; charset=UTF-8',
  'application/x-msmsgssystemmessage',
  'text/plain; charset=UTF-8',
  'text/x-msmsgscontrol',
  'text/x-msmsgsinvite; charset=UTF-8',
  'text/plain; charset=ISO-8859-1',
  '',
];

const HEADER_NAMES = [
  'MIME-Version', 'X-MMS-IM-Format', 'TypingUser', 'Inbox-Unread', 'Folders-Unread', 'Inbox-URL', 'Folders-URL', 'Post-URL',
  'From', 'Subject', 'Dest-Folder', 'Src-Folder', 'Message-Delta', 'From-Addr', 'id', 'Type', 'Arg1', 'EmailEnabled',
  'MSPAuth', 'sid', 'kv', 'LoginTime', 'Invitation-Command', 'Invitation-Cookie', 'Application-Name', 'Message-URL',
];

/** Bytes that are not whole UTF-8: a character cut short, a stray continuation byte, an overlong form. */
const brokenUtf8 = fc.constantFrom(
  Uint8Array.of(0xe2, 0x82),
  Uint8Array.of(0xf0, 0x9f, 0x98),
  Uint8Array.of(0x80),
  Uint8Array.of(0xc0, 0xaf),
  Uint8Array.of(0xed, 0xa0, 0x80),
  Uint8Array.of(0xff, 0xfe),
  Uint8Array.of(0x00),
);

const headerValue = fc.oneof(anyToken, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('FN=Arial; EF=BIU; CO=ff; CS=0; PF=22', 'FN=%ZZ; CO=zz', '-5', '99999999999999'));

const payloadBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(...HEADER_TYPES),
    fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), { maxLength: 6 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.option(brokenUtf8, { nil: undefined }),
    fc.constantFrom('\r\n', '\n', ''),
  )
  .map(([type, headers, body, broken, separator]) => {
    const head = [type === '' ? 'MIME-Version: 1.0' : `MIME-Version: 1.0${separator}Content-Type: ${type}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
    const text = encoder.encode(`${head.join(separator)}${separator}${separator}${body}`);
    return broken ? Uint8Array.from([...text, ...broken]) : text;
  });

/** A MSG with its payload; the length token is the payload's, or off by a little, or nonsense. */
const messageLine: fc.Arbitrary<FuzzLine> = fc
  .tuple(
    fc.oneof(fc.constant(['Hotmail', 'Hotmail']), fc.tuple(handle, encodedName), fc.array(anyToken, { maxLength: 3 })),
    fc.oneof(payloadBytes, fc.uint8Array({ maxLength: 300 })),
    fc.oneof(
      { weight: 12, arbitrary: fc.constant('exact') },
      { weight: 1, arbitrary: fc.constantFrom('-1', '0', '1665', '99999', 'abc', '', '1e2', '0x10', '-0', '4294967296') },
      { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }).map((delta) => `delta:${delta}`) },
    ),
  )
  .map(([params, payload, length]) => {
    const declared = length === 'exact' ? String(payload.byteLength) : length.startsWith('delta:') ? String(Math.max(0, payload.byteLength + Number(length.slice(6)))) : length;
    return { head: ['MSG', ...params, ...(declared === '' ? [] : [declared])].join(' '), end: '\r\n', payload };
  });

/** Real server lines, to be mutated. */
const CORPUS: readonly string[] = [
  ...readTranscript('seed-msnp3.txt')
    .filter((step) => step.from === 'S' && !step.line.startsWith('MSG'))
    .map((step) => step.line),
  'LST 8 FL 5 1 2 anotheruser@hotmail.com Another%20User',
  'ILN 9 NLN anotheruser@hotmail.com Another%20User',
  'NLN BSY carol@hotmail.com Carol',
  'FLN carol@hotmail.com',
  'ADD 0 RL 6 newfriend@hotmail.com Caf%C3%A9%20Friend',
  'REM 0 RL 7 newfriend@hotmail.com',
  'RNG 11752317 198.51.100.21:1863 CKI 849102291.520491113 anotheruser@hotmail.com Another%20User',
  'XFR 10 SB 198.51.100.21:1863 CKI 849102291.520491113',
  'XFR 0 NS 198.51.100.20:1863 0',
  'OUT OTH',
  'IRO 1 1 2 anotheruser@hotmail.com Another%20User',
  'JOI carol@hotmail.com Carol',
  'BYE anotheruser@hotmail.com',
  'CAL 2 RINGING 11752317',
  'ACK 3',
  'NAK 4',
];

/** Mutations of a real line: cut short (its CR LF gone, so it runs into the next), tokens and bytes disturbed. */
const mutatedLine: fc.Arbitrary<FuzzLine> = fc
  .tuple(fc.constantFrom(...CORPUS), fc.array(fc.tuple(fc.nat(6), fc.nat(), fc.nat(255), anyToken), { minLength: 1, maxLength: 3 }))
  .map(([line, mutations]) => {
    let tokens = line.split(' ');
    let end: FuzzLine['end'] = '\r\n';
    let bytes: number[] | undefined;
    for (const [kind, at, byte, token] of mutations) {
      const position = at % Math.max(1, tokens.length);
      if (kind === 0) tokens = tokens.filter((_, index) => index !== position);
      else if (kind === 1) tokens.splice(position, 0, tokens[position] ?? token);
      else if (kind === 2) tokens = tokens.map((existing, index) => (index === position ? token : existing));
      else if (kind === 3) [tokens[0], tokens[position]] = [tokens[position] ?? '', tokens[0] ?? ''];
      else if (kind === 4) end = byte % 2 === 0 ? '' : '\n';
      else {
        bytes ??= [...encoder.encode(tokens.join(' '))];
        bytes.splice(at % (bytes.length + 1), kind === 5 ? 0 : 1, byte === 0x0a ? 0x0d : byte);
      }
    }
    return { head: bytes ? Uint8Array.from(bytes) : tokens.join(' '), end };
  });

/** A line longer than any client accepts (8 KiB): the connection must end, cleanly. */
const giantLine: fc.Arbitrary<FuzzLine> = fc
  .tuple(fc.constantFrom('NLN NLN a@b.com ', 'LST 8 FL 1 1 1 a@b.com ', 'ZZZ '), fc.integer({ min: 8190, max: 12_000 }))
  .map(([prefix, length]) => ({ head: prefix + 'x'.repeat(length), end: '\r\n' }));

/** Raw bytes without LF (CR, NUL and invalid UTF-8 included). */
const rawLine: fc.Arbitrary<FuzzLine> = fc
  .uint8Array({ minLength: 1, maxLength: 60 })
  .map((bytes) => ({ head: bytes.map((byte) => (byte === 0x0a ? 0x20 : byte)), end: '\r\n' }));

function lineArbitrary(commands: readonly string[]): fc.Arbitrary<FuzzLine> {
  return fc.oneof(
    { weight: 90, arbitrary: shapedLine(commands) },
    { weight: 36, arbitrary: mutatedLine },
    { weight: 36, arbitrary: messageLine },
    { weight: 18, arbitrary: errorLine },
    { weight: 12, arbitrary: unknownLine },
    { weight: 9, arbitrary: rawLine },
    { weight: 1, arbitrary: giantLine },
  );
}

const chunking = fc.oneof(
  { weight: 14, arbitrary: fc.constant('whole' as const) },
  { weight: 1, arbitrary: fc.constant('bytes' as const) },
  { weight: 5, arbitrary: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }) },
);

const caseArbitrary = (target: FuzzTarget): fc.Arbitrary<Omit<FuzzCase, 'index' | 'target'>> => {
  const setUp = target === 'ns-sign-in' || target === 'sb-setup';
  const commands = target === 'sb' || target === 'sb-setup' ? SB_COMMANDS : NS_COMMANDS;
  return fc.record({
    lines: fc.array(lineArbitrary(commands), { minLength: setUp ? 0 : 4, maxLength: setUp ? 6 : 40, size: 'medium' }),
    step: fc.nat(target === 'ns-sign-in' ? SIGN_IN_STEPS - 1 : SB_SETUP_STEPS - 1),
    drop: fc.boolean().chain((coin) => (setUp ? fc.constant(coin) : fc.nat(19).map((roll) => roll === 0))),
    chunking,
  });
};

const TARGETS: readonly FuzzTarget[] = ['ns', 'ns', 'ns', 'ns', 'sb', 'sb', 'sb', 'ns-sign-in', 'sb-setup'];

/** Cases are drawn in blocks (fast-check's per-sample set-up costs more than a case). */
const BLOCK = 256;
const ARBITRARIES = new Map([...new Set(TARGETS)].map((target) => [target, caseArbitrary(target)]));
let cachedBlock: { key: string; cases: FuzzCase[] } | undefined;

/** The case `index` of the run with `seed`: the same on every machine and every run. */
export function generateCase(seed: number, index: number): FuzzCase {
  const block = Math.floor(index / BLOCK);
  const key = `${seed}:${block}`;
  if (cachedBlock?.key !== key) {
    const first = block * BLOCK;
    const targets = Array.from({ length: BLOCK }, (_, offset) => TARGETS[(first + offset) % TARGETS.length] as FuzzTarget);
    const drawn = new Map(
      [...ARBITRARIES].map(([target, arbitrary]) => {
        const count = targets.filter((candidate) => candidate === target).length;
        return [target, fc.sample(arbitrary, { seed: blockSeed(seed, block, target), numRuns: count })];
      }),
    );
    const cases = targets.map((target, offset) => ({ index: first + offset, target, ...(drawn.get(target)?.shift() as Omit<FuzzCase, 'index' | 'target'>) }));
    cachedBlock = { key, cases };
  }
  return cachedBlock.cases[index - block * BLOCK] as FuzzCase;
}

/** A 32-bit seed per block and target from the run's seed (splitmix32). */
function blockSeed(seed: number, block: number, target: FuzzTarget): number {
  let value = (seed ^ Math.imul(block + 1, 0x9e3779b9) ^ Math.imul(TARGETS.indexOf(target) + 1, 0x7f4a7c15)) >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b) >>> 0;
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35) >>> 0;
  return (value ^ (value >>> 16)) | 0;
}

/** The wire bytes of `lines`, with `{next}` and `{last}` as the client's next and last transaction ids. */
export function encodeLines(lines: readonly FuzzLine[], trids: { readonly next: number; readonly last: number }): Uint8Array {
  const parts = lines.flatMap((line) => {
    const head =
      typeof line.head === 'string'
        ? encoder.encode(line.head.replaceAll('{next}', String(trids.next)).replaceAll('{last}', String(trids.last)))
        : line.head;
    return [head, encoder.encode(line.end), ...(line.payload ? [line.payload] : [])];
  });
  return concatBytes(parts);
}

/** How a case reads in a report: each line as JSON text (bytes that are not UTF-8 as \\u escapes). */
export function describeLines(lines: readonly FuzzLine[]): string[] {
  const decoder = new TextDecoder();
  return lines.map((line) => {
    const head = typeof line.head === 'string' ? line.head : decoder.decode(line.head);
    const shown = head.length > 160 ? `${head.slice(0, 120)}…(${head.length} chars)` : head;
    const payload = line.payload ? ` + ${line.payload.byteLength}-byte payload ${JSON.stringify(decoder.decode(line.payload).slice(0, 80))}` : '';
    return `${JSON.stringify(shown + line.end)}${payload}`;
  });
}
