import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandArbitrary } from '../test/fixtures/arbitraries';
import { MAX_TRID, MsnpSyntaxError, TransactionIds, parseCommand, serializeCommand, transactionIdOf } from './command';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A payload whose every line ends in CR LF (as the reference's ⏎), then an unterminated tail. */
function payload(lines: readonly string[], tail = ''): string {
  return lines.map((line) => `${line}\r\n`).join('') + tail;
}

interface RealLine {
  readonly line: string;
  readonly params: readonly string[];
  readonly trid: number | undefined;
  readonly payload?: string;
}

// Real lines from the protocol reference (§4–§6, §13, §14), each with the params and TrID it must yield.
const REAL_LINES: readonly RealLine[] = [
  { line: 'VER 1 MSNP3 MSNP2 CVR0', params: ['1', 'MSNP3', 'MSNP2', 'CVR0'], trid: 1 },
  { line: 'VER 1 MSNP3', params: ['1', 'MSNP3'], trid: 1 },
  { line: 'VER 1 MSNP2', params: ['1', 'MSNP2'], trid: 1 },
  { line: 'VER 1 0', params: ['1', '0'], trid: 1 },
  { line: 'CVQ 2 0x0409 win 4.10 i386 MSMSGS 2.0.0085', params: ['2', '0x0409', 'win', '4.10', 'i386', 'MSMSGS', '2.0.0085'], trid: 2 },
  { line: 'INF 2', params: ['2'], trid: 2 },
  { line: 'INF 2 MD5', params: ['2', 'MD5'], trid: 2 },
  { line: 'INF 2 MD5 CTP', params: ['2', 'MD5', 'CTP'], trid: 2 },
  { line: 'USR 3 MD5 I example@hotmail.com', params: ['3', 'MD5', 'I', 'example@hotmail.com'], trid: 3 },
  { line: 'USR 6 MD5 S 1234567890.123456789', params: ['6', 'MD5', 'S', '1234567890.123456789'], trid: 6 },
  { line: 'USR 6 MDS S prefix', params: ['6', 'MDS', 'S', 'prefix'], trid: 6 },
  {
    line: 'USR 7 MD5 S c36a4dec1c6bf5af4f5284f19345d3dc',
    params: ['7', 'MD5', 'S', 'c36a4dec1c6bf5af4f5284f19345d3dc'],
    trid: 7,
  },
  { line: 'USR 7 OK example@hotmail.com Example%20User', params: ['7', 'OK', 'example@hotmail.com', 'Example%20User'], trid: 7 },
  { line: 'XFR 3 NS 192.0.2.10:1863 0', params: ['3', 'NS', '192.0.2.10:1863', '0'], trid: 3 },
  { line: 'XFR 3 NS 192.0.2.10:1863', params: ['3', 'NS', '192.0.2.10:1863'], trid: 3 },
  { line: 'XFR 0 NS 0', params: ['0', 'NS', '0'], trid: 0 },
  { line: 'XFR 19 SB', params: ['19', 'SB'], trid: 19 },
  {
    line: 'XFR 19 SB 198.51.100.20:1863 CKI 17262740.1050826919.32308',
    params: ['19', 'SB', '198.51.100.20:1863', 'CKI', '17262740.1050826919.32308'],
    trid: 19,
  },
  { line: 'SYN 8 12', params: ['8', '12'], trid: 8 },
  { line: 'SYN 8 14', params: ['8', '14'], trid: 8 },
  { line: 'GTC 8 14 A', params: ['8', '14', 'A'], trid: 8 },
  { line: 'BLP 8 14 AL', params: ['8', '14', 'AL'], trid: 8 },
  {
    line: 'LST 8 FL 14 1 2 anotheruser@hotmail.com Another%20User',
    params: ['8', 'FL', '14', '1', '2', 'anotheruser@hotmail.com', 'Another%20User'],
    trid: 8,
  },
  { line: 'LST 8 BL 14 0 0', params: ['8', 'BL', '14', '0', '0'], trid: 8 },
  {
    line: 'LST 8 RL 14 3 3 dave@hotmail.com Dave%20%3A%29',
    params: ['8', 'RL', '14', '3', '3', 'dave@hotmail.com', 'Dave%20%3A%29'],
    trid: 8,
  },
  { line: 'CHG 9 NLN', params: ['9', 'NLN'], trid: 9 },
  { line: 'CHG 12 AWY', params: ['12', 'AWY'], trid: 12 },
  { line: 'CHG 0 NLN', params: ['0', 'NLN'], trid: 0 },
  {
    line: 'ILN 9 AWY anotheruser@hotmail.com Another%20User',
    params: ['9', 'AWY', 'anotheruser@hotmail.com', 'Another%20User'],
    trid: 9,
  },
  {
    line: 'NLN NLN anotheruser@hotmail.com Another%20User',
    params: ['NLN', 'anotheruser@hotmail.com', 'Another%20User'],
    trid: undefined,
  },
  { line: 'NLN BSY carol@hotmail.com Carol%20(working)', params: ['BSY', 'carol@hotmail.com', 'Carol%20(working)'], trid: undefined },
  { line: 'FLN carol@hotmail.com', params: ['carol@hotmail.com'], trid: undefined },
  { line: 'ADD 10 AL dave@hotmail.com Dave%20%3A%29', params: ['10', 'AL', 'dave@hotmail.com', 'Dave%20%3A%29'], trid: 10 },
  {
    line: 'ADD 15 FL 18 newfriend@hotmail.com newfriend@hotmail.com',
    params: ['15', 'FL', '18', 'newfriend@hotmail.com', 'newfriend@hotmail.com'],
    trid: 15,
  },
  {
    line: 'ADD 0 RL 20 stranger@hotmail.com Some%20Stranger',
    params: ['0', 'RL', '20', 'stranger@hotmail.com', 'Some%20Stranger'],
    trid: 0,
  },
  { line: 'REM 21 FL carol@hotmail.com', params: ['21', 'FL', 'carol@hotmail.com'], trid: 21 },
  { line: 'REM 21 FL 22 carol@hotmail.com', params: ['21', 'FL', '22', 'carol@hotmail.com'], trid: 21 },
  { line: 'REM 0 RL 23 stranger@hotmail.com', params: ['0', 'RL', '23', 'stranger@hotmail.com'], trid: 0 },
  {
    line: 'REA 14 example@hotmail.com Ex%C3%A9mple%20User',
    params: ['14', 'example@hotmail.com', 'Ex%C3%A9mple%20User'],
    trid: 14,
  },
  {
    line: 'REA 14 17 example@hotmail.com Ex%C3%A9mple%20User',
    params: ['14', '17', 'example@hotmail.com', 'Ex%C3%A9mple%20User'],
    trid: 14,
  },
  { line: 'URL 20 INBOX', params: ['20', 'INBOX'], trid: 20 },
  {
    line: 'URL 20 /cgi-bin/HoTMaiL https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033 2',
    params: ['20', '/cgi-bin/HoTMaiL', 'https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033', '2'],
    trid: 20,
  },
  {
    line: 'URL 20 /cgi-bin/HoTMaiL https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033',
    params: ['20', '/cgi-bin/HoTMaiL', 'https://loginnet.passport.com/ppsecure/md5auth.srf?lc=1033'],
    trid: 20,
  },
  { line: 'URL 9 /unused1 /unused2 1', params: ['9', '/unused1', '/unused2', '1'], trid: 9 },
  {
    line: 'SND 12 anotheruser@hotmail.com 0x0409 MSMSGS',
    params: ['12', 'anotheruser@hotmail.com', '0x0409', 'MSMSGS'],
    trid: 12,
  },
  { line: 'SND 21 friend@example.com', params: ['21', 'friend@example.com'], trid: 21 },
  { line: 'SND 12 OK', params: ['12', 'OK'], trid: 12 },
  { line: 'IMS 10 OFF', params: ['10', 'OFF'], trid: 10 },
  { line: 'IMS 10 0 OFF', params: ['10', '0', 'OFF'], trid: 10 },
  { line: 'IMS 11 0 ON', params: ['11', '0', 'ON'], trid: 11 },
  {
    line: 'RNG 11752317 198.51.100.21:1863 CKI 849102291.520491113 anotheruser@hotmail.com Another%20User',
    params: ['11752317', '198.51.100.21:1863', 'CKI', '849102291.520491113', 'anotheruser@hotmail.com', 'Another%20User'],
    trid: undefined,
  },
  {
    line: 'USR 1 example@hotmail.com 17262740.1050826919.32308',
    params: ['1', 'example@hotmail.com', '17262740.1050826919.32308'],
    trid: 1,
  },
  {
    line: 'USR 1 OK example@hotmail.com Ex%C3%A9mple%20User',
    params: ['1', 'OK', 'example@hotmail.com', 'Ex%C3%A9mple%20User'],
    trid: 1,
  },
  { line: 'CAL 2 anotheruser@hotmail.com', params: ['2', 'anotheruser@hotmail.com'], trid: 2 },
  { line: 'CAL 2 RINGING 11752099', params: ['2', 'RINGING', '11752099'], trid: 2 },
  {
    line: 'ANS 1 example@hotmail.com 849102291.520491113 11752317',
    params: ['1', 'example@hotmail.com', '849102291.520491113', '11752317'],
    trid: 1,
  },
  { line: 'ANS 1 OK', params: ['1', 'OK'], trid: 1 },
  {
    line: 'IRO 1 1 1 anotheruser@hotmail.com Another%20User',
    params: ['1', '1', '1', 'anotheruser@hotmail.com', 'Another%20User'],
    trid: 1,
  },
  { line: 'JOI anotheruser@hotmail.com Another%20User', params: ['anotheruser@hotmail.com', 'Another%20User'], trid: undefined },
  {
    line: 'MSG 3 U 92',
    params: ['3', 'U'],
    trid: 3,
    payload: payload(['MIME-Version: 1.0', 'Content-Type: text/x-msmsgscontrol', 'TypingUser: example@hotmail.com', '', '']),
  },
  {
    line: 'MSG 4 N 160',
    params: ['4', 'N'],
    trid: 4,
    payload: payload(
      ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'X-MMS-IM-Format: FN=MS%20Sans%20Serif; EF=B; CO=ff; CS=0; PF=22', ''],
      'Ça va? Coffee at the café at 8?',
    ),
  },
  {
    line: 'MSG 5 A 136',
    params: ['5', 'A'],
    trid: 5,
    payload: payload(
      ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'X-MMS-IM-Format: FN=MS%20Sans%20Serif; EF=; CO=0; CS=0; PF=22', '', 'Great!'],
      'Bye',
    ),
  },
  {
    line: 'MSG anotheruser@hotmail.com Another%20User 152',
    params: ['anotheruser@hotmail.com', 'Another%20User'],
    trid: undefined,
    payload: payload(
      ['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', 'X-MMS-IM-Format: FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42', ''],
      'Sure :) see you there',
    ),
  },
  {
    line: 'MSG Hotmail Hotmail 221',
    params: ['Hotmail', 'Hotmail'],
    trid: undefined,
    payload: payload([
      'MIME-Version: 1.0',
      'Content-Type: text/x-msmsgsinitialemailnotification; charset=UTF-8',
      '',
      'Inbox-Unread: 2',
      'Folders-Unread: 0',
      'Inbox-URL: /cgi-bin/HoTMaiL',
      'Folders-URL: /cgi-bin/folders',
      'Post-URL: http://www.hotmail.com',
      '',
    ]),
  },
  {
    line: 'MSG 4 N 67',
    params: ['4', 'N'],
    trid: 4,
    payload: payload(['MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8', ''], 'hello'),
  },
  { line: 'ACK 5', params: ['5'], trid: 5 },
  { line: 'NAK 4', params: ['4'], trid: 4 },
  { line: 'BYE anotheruser@hotmail.com', params: ['anotheruser@hotmail.com'], trid: undefined },
  { line: 'OUT', params: [], trid: undefined },
  { line: 'OUT OTH', params: ['OTH'], trid: undefined },
  { line: 'OUT SSD', params: ['SSD'], trid: undefined },
  { line: 'PNG', params: [], trid: undefined },
  { line: 'QNG', params: [], trid: undefined },
  { line: '911 3', params: ['3'], trid: 3 },
  { line: '205 17', params: ['17'], trid: 17 },
  { line: '913 6', params: ['6'], trid: 6 },
  { line: '200', params: [], trid: undefined },
];

describe('parseCommand and serializeCommand on real lines', () => {
  it.each(REAL_LINES)('$line', ({ line, params, trid, payload: text }) => {
    const body = text === undefined ? undefined : encoder.encode(text);
    const command = parseCommand(line, body);
    const name = line.split(' ')[0];
    expect(command).toEqual(body === undefined ? { name, params } : { name, params, payload: body });
    expect(transactionIdOf(command)).toBe(trid);
    const wire = serializeCommand(command);
    const head = encoder.encode(`${line}\r\n`);
    expect(wire).toEqual(body === undefined ? head : new Uint8Array([...head, ...body]));
  });
});

describe('parseCommand', () => {
  it('splits on runs of spaces and ignores empty tokens', () => {
    expect(parseCommand('  LST  8 BL   14 0 0 ')).toEqual({ name: 'LST', params: ['8', 'BL', '14', '0', '0'] });
  });

  it.each([
    ['', 'Empty command line'],
    ['   ', 'Empty command line'],
    ['usr 1 OK', 'Not a command name: "usr"'],
    ['USRX 1', 'Not a command name: "USRX"'],
    ['91 3', 'Not a command name: "91"'],
    ['MSG 1 N', 'MSG has no valid payload length'],
    ['MSG 1 N x', 'MSG has no valid payload length'],
  ])('refuses %j', (line, message) => {
    expect(() => parseCommand(line)).toThrow(new MsnpSyntaxError(message, line));
  });

  it('refuses a MSG whose payload does not have the declared byte count', () => {
    expect(() => parseCommand('MSG a@b.com A 6', encoder.encode('Ça va?'))).toThrow('MSG declares 6 bytes but carries 7');
  });

  it('treats a MSG without a payload as an empty payload', () => {
    expect(parseCommand('MSG a@b.com A 0')).toEqual({ name: 'MSG', params: ['a@b.com', 'A'], payload: new Uint8Array(0) });
  });

  it('refuses a payload on a command that carries none', () => {
    expect(() => parseCommand('ACK 5', new Uint8Array(1))).toThrow('ACK does not carry a payload');
  });

  it('keeps the syntax error line for the log', () => {
    const error = (() => {
      try {
        parseCommand('garbage here');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MsnpSyntaxError);
    expect((error as MsnpSyntaxError).line).toBe('garbage here');
  });
});

describe('serializeCommand', () => {
  it.each([[['Example User']], [['']], [['a\tb']], [['line\r\nbreak']], [['1', 'x\u00a0y']]])(
    'refuses params with whitespace or empty: %j',
    (params) => {
      expect(() => serializeCommand({ name: 'REA', params })).toThrow(MsnpSyntaxError);
      expect(() => serializeCommand({ name: 'MSG', params, payload: new Uint8Array(0) })).toThrow(/empty or contains whitespace/);
    },
  );

  it('adds the byte length to MSG, counting UTF-8 bytes', () => {
    const wire = serializeCommand({ name: 'MSG', params: ['4', 'N'], payload: encoder.encode('Ça va?') });
    expect(decoder.decode(wire)).toBe('MSG 4 N 7\r\nÇa va?');
  });

  it('writes a MSG without a payload as a zero-length payload', () => {
    expect(decoder.decode(serializeCommand({ name: 'MSG', params: ['4', 'U'] }))).toBe('MSG 4 U 0\r\n');
  });

  it('refuses a payload on a command that carries none', () => {
    expect(() => serializeCommand({ name: 'ACK', params: ['5'], payload: new Uint8Array(0) })).toThrow('ACK does not carry a payload');
  });

  it('round-trips any well-formed command', () => {
    fc.assert(
      fc.property(commandArbitrary, (command) => {
        const wire = serializeCommand(command);
        const lineEnd = wire.indexOf(0x0a);
        const line = decoder.decode(wire.subarray(0, lineEnd - 1));
        const body = command.name === 'MSG' ? wire.slice(lineEnd + 1) : undefined;
        const parsed = parseCommand(line, body);
        expect(parsed).toEqual(command);
        expect(serializeCommand(parsed)).toEqual(wire);
      }),
      { numRuns: 500 },
    );
  });
});

describe('transactionIdOf', () => {
  it('reads no TrID from a first param that is not a 32-bit decimal', () => {
    expect(transactionIdOf({ name: 'CHG', params: ['x1', 'NLN'] })).toBeUndefined();
    expect(transactionIdOf({ name: 'CHG', params: ['4294967295', 'NLN'] })).toBe(MAX_TRID);
    expect(transactionIdOf({ name: 'CHG', params: ['4294967296', 'NLN'] })).toBeUndefined();
    expect(transactionIdOf({ name: 'CHG', params: ['99999999999', 'NLN'] })).toBeUndefined();
    expect(transactionIdOf({ name: 'CHG', params: [] })).toBeUndefined();
  });
});

describe('TransactionIds', () => {
  it('counts from 1 by default', () => {
    const trids = new TransactionIds();
    expect([trids.next(), trids.next(), trids.next()]).toEqual([1, 2, 3]);
  });

  it('continues from a given first TrID (the DS→NS hop)', () => {
    const trids = new TransactionIds(4);
    expect([trids.next(), trids.next()]).toEqual([4, 5]);
  });

  it('wraps to 1 after 4294967295, never yielding 0', () => {
    const trids = new TransactionIds(MAX_TRID - 1);
    expect([trids.next(), trids.next(), trids.next(), trids.next()]).toEqual([MAX_TRID - 1, MAX_TRID, 1, 2]);
  });

  it.each([0, -1, 1.5, MAX_TRID + 1, Number.NaN])('refuses %s as the first TrID', (start) => {
    expect(() => new TransactionIds(start)).toThrow(RangeError);
  });
});
