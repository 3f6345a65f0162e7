import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PAYLOAD_BYTES, parseMime } from '../../protocol/index';
import { DEFAULT_MESSAGE_FORMAT } from './format';
import { buildInvitationDecline, buildTextPayloads, buildTypingPayload, parsePayload, splitText } from './messages';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytes = (text: string): Uint8Array => encoder.encode(text.replace(/⏎\n/g, '\r\n'));

describe('text payloads', () => {
  it('builds the reference text message byte for byte (160 bytes: Ç and é count twice)', () => {
    const [payload, ...rest] = buildTextPayloads('Ça va? Coffee at the café at 8?', { ...DEFAULT_MESSAGE_FORMAT, bold: true, color: '#ff0000' });
    expect(rest).toEqual([]);
    expect(payload!.byteLength).toBe(160);
    expect(decoder.decode(payload)).toBe(
      'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n' +
        'X-MMS-IM-Format: FN=MS%20Sans%20Serif; EF=B; CO=ff; CS=0; PF=22\r\n\r\nÇa va? Coffee at the café at 8?',
    );
  });

  it('leaves the format header out when none is given (MSNP2) and sends line breaks as CR LF', () => {
    const [payload] = buildTextPayloads('hello\nworld');
    expect(decoder.decode(payload)).toBe('MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nhello\r\nworld');
  });

  it('splits a long text into payloads of at most 1664 bytes that join back to the text', () => {
    const text = 'é'.repeat(1000) + '😀'.repeat(300) + 'tail';
    const payloads = buildTextPayloads(text, DEFAULT_MESSAGE_FORMAT);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(payload.byteLength).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(payloads[0]!.byteLength).toBeGreaterThan(MAX_PAYLOAD_BYTES - 4);
    const bodies = payloads.map((payload) => parseMime(payload).body);
    expect(bodies.join('')).toBe(text);
    for (const body of bodies) expect(body).not.toContain('\uFFFD');
  });

  it('never splits inside a character or a grapheme, for any text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '👩‍👩‍👧', '\n', ' ', 'e\u0301'), maxLength: 200 });
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 40 }), (value, max) => {
        const parts = splitText(value, max);
        expect(parts.join('')).toBe(value);
        for (const part of parts) {
          expect(encoder.encode(part).byteLength).toBeLessThanOrEqual(max);
          expect(decoder.decode(encoder.encode(part))).toBe(part);
        }
      }),
    );
  });

  it('keeps a grapheme whole when it fits and splits an oversized one between code points', () => {
    expect(splitText('ab👩‍👩‍👧', 19)).toEqual(['ab', '👩‍👩‍👧']);
    expect(splitText('👩‍👩‍👧', 8)).toEqual(['👩\u200d', '👩\u200d', '👧']);
  });
});

describe('parsing what the switchboard relays', () => {
  it('decodes UTF-8 text, CR LF as line breaks, and the formatting', () => {
    const payload = bytes(
      'MIME-Version: 1.0⏎\nContent-Type: text/plain; charset=UTF-8⏎\nX-MMS-IM-Format: FN=Comic%20Sans%20MS; EF=I; CO=800000; CS=0; PF=42⏎\n⏎\nSure :) see⏎\nyou at the café',
    );
    expect(parsePayload(payload)).toEqual({
      kind: 'text',
      text: 'Sure :) see\nyou at the café',
      format: { ...DEFAULT_MESSAGE_FORMAT, font: 'Comic Sans MS', italic: true, color: '#000080', pitchFamily: '42' },
    });
  });

  it('reads text/plain without a charset as ISO-8859-1', () => {
    const head = encoder.encode('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n');
    const payload = new Uint8Array([...head, 0x43, 0x61, 0x66, 0xe9]);
    expect(parsePayload(payload)).toEqual({ kind: 'text', text: 'Café' });
  });

  it('marks an automatic reply with Auto-Submitted, and reads the mark back', () => {
    const [payload] = buildTextPayloads('Out to lunch', DEFAULT_MESSAGE_FORMAT, { automatic: true });
    expect(new TextDecoder().decode(payload)).toMatch(/\r\nAuto-Submitted: auto-replied\r\n\r\nOut to lunch$/);
    expect(parsePayload(payload as Uint8Array)).toMatchObject({ kind: 'text', text: 'Out to lunch', automatic: true });
    const typed = buildTextPayloads('Back now')[0] as Uint8Array;
    expect(new TextDecoder().decode(typed)).not.toContain('Auto-Submitted');
    expect(parsePayload(typed)).toEqual({ kind: 'text', text: 'Back now' });
  });

  it.each([
    ['auto-generated', true],
    ['Auto-Replied', true],
    ['no', false],
    ['NO', false],
  ])('reads Auto-Submitted: %s as automatic: %s', (value, automatic) => {
    const payload = bytes(`MIME-Version: 1.0⏎\nContent-Type: text/plain; charset=UTF-8⏎\nAuto-Submitted: ${value}⏎\n⏎\nhi`);
    expect(parsePayload(payload)).toEqual({ kind: 'text', text: 'hi', ...(automatic && { automatic: true }) });
  });

  it('reads a typing notification, and builds one of 92 bytes for the reference handle', () => {
    const payload = buildTypingPayload('example@hotmail.com');
    expect(payload.byteLength).toBe(92);
    expect(parsePayload(payload)).toEqual({ kind: 'typing', handle: 'example@hotmail.com' });
  });

  it('reads an invitation and builds the polite REJECT_NOT_INSTALLED answer', () => {
    const invite = bytes(
      'MIME-Version: 1.0⏎\nContent-Type: text/x-msmsgsinvite; charset=UTF-8⏎\n⏎\nApplication-Name: File Transfer⏎\nInvitation-Command: INVITE⏎\nInvitation-Cookie: 12345⏎\n⏎\n',
    );
    expect(parsePayload(invite)).toEqual({ kind: 'invitation', command: 'INVITE', cookie: '12345', application: 'File Transfer' });
    const answer = parsePayload(buildInvitationDecline('12345'));
    expect(answer).toEqual({ kind: 'invitation', command: 'CANCEL', cookie: '12345', application: undefined });
    expect(decoder.decode(buildInvitationDecline('12345'))).toContain('Cancel-Code: REJECT_NOT_INSTALLED\r\n');
  });

  it('reports unknown content types and payloads without headers as other', () => {
    expect(parsePayload(bytes('MIME-Version: 1.0⏎\nContent-Type: text/x-clientcaps⏎\n⏎\nClient-Name: x'))).toEqual({
      kind: 'other',
      contentType: 'text/x-clientcaps',
    });
    expect(parsePayload(bytes('just some bytes'))).toEqual({ kind: 'other', contentType: '' });
    expect(parsePayload(new Uint8Array(0))).toEqual({ kind: 'other', contentType: '' });
  });

  it('reads each message by its own headers when senders alternate formats, charsets and kinds', () => {
    const red = { ...DEFAULT_MESSAGE_FORMAT, color: '#ff0000' };
    const bold = { ...DEFAULT_MESSAGE_FORMAT, bold: true };
    const [fromRed] = buildTextPayloads('in red', red);
    const [fromBold] = buildTextPayloads('in bold', bold);
    const [automatic] = buildTextPayloads('away', red, { automatic: true });
    const latin = new Uint8Array([...encoder.encode('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\ncaf'), 0xe9]);
    for (let round = 0; round < 2; round++) {
      expect(parsePayload(fromRed!)).toEqual({ kind: 'text', text: 'in red', format: red });
      expect(parsePayload(fromRed!)).toEqual({ kind: 'text', text: 'in red', format: red });
      expect(parsePayload(fromBold!)).toEqual({ kind: 'text', text: 'in bold', format: bold });
      expect(parsePayload(automatic!)).toEqual({ kind: 'text', text: 'away', format: red, automatic: true });
      expect(parsePayload(latin)).toEqual({ kind: 'text', text: 'café' });
      expect(parsePayload(latin)).toEqual({ kind: 'text', text: 'café' });
      expect(parsePayload(buildTypingPayload('bob@example.com'))).toEqual({ kind: 'typing', handle: 'bob@example.com' });
      expect(parsePayload(buildTextPayloads('\nafter a blank line', red)[0]!)).toEqual({ kind: 'text', text: '\nafter a blank line', format: red });
      expect(parsePayload(buildTextPayloads('\nafter a blank line', red)[0]!)).toEqual({ kind: 'text', text: '\nafter a blank line', format: red });
      expect(parsePayload(bytes('MIME-Version: 1.0⏎\nContent-Type: text/plain; charset=UTF-8'))).toEqual({ kind: 'text', text: '' });
    }
  });
});
