// Splits a byte stream into MSNP commands. Bytes are framed before any text is decoded, so a
// multi-byte UTF-8 character split across TCP reads is never damaged, and a MSG payload is counted
// in bytes exactly as declared. Commands are framed where they lie, in the chunk that holds them;
// only the start of a command cut off at a chunk's end is carried over, in a buffer of its own
// that grows by doubling (so a stream fed one byte at a time costs linear time). A command handed
// out is a view of those bytes, decoded only when read (framed-command.ts): the framer never
// writes into a chunk, nor into a carry buffer once a command refers to it.

import { Buffer } from 'node:buffer';
import { type MsnpCommand, MsnpSyntaxError, PAYLOAD_COMMANDS, parseCommand, parsePayloadLength, tokenize } from './command';
import { FramedCommand, FramedMessage } from './framed-command';

/** Longest command line accepted (the longest real lines, LST/ILN with a 387-byte name, are far shorter). */
export const MAX_LINE_BYTES = 8192;
/** Largest MSG payload a switchboard accepts (§2.3). */
export const MAX_PAYLOAD_BYTES = 1664;

/** The stream cannot be framed any further: the connection must be closed. */
export class FramingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FramingError';
  }
}

export interface FramerHandlers {
  command(command: MsnpCommand): void;
  /** A complete line that is not a valid command; framing goes on after it. */
  malformed(error: MsnpSyntaxError): void;
  /** Framing is impossible from here on (line too long, bad or oversized MSG length). */
  fatal(error: FramingError): void;
}

export interface FramerOptions {
  maxLineBytes?: number;
  maxPayloadBytes?: number;
  /** Who sends the bytes, for error sentences: `the server` (default) or `the client`. */
  peer?: string;
}

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
/** The most digits a payload's byte count may have (as parsePayloadLength reads it). */
const MAX_LENGTH_DIGITS = 9;
const NOTHING_CARRIED = Buffer.alloc(0);
const SHORT_COPY_BYTES = 16;

const isUpper = (byte: number): boolean => byte >= UPPER_A && byte <= UPPER_Z;
const isDigit = (byte: number): boolean => byte >= DIGIT_0 && byte <= DIGIT_9;

/** A command's name, and whether a payload follows its line. */
interface KnownName {
  readonly name: string;
  readonly withPayload: boolean;
}

/**
 * One string per command name, made the first time it is seen and then found by the name's three
 * bytes, at an index they make (26³ slots for letters, 10³ more for digits: an array read, cheaper
 * than a hash lookup): framing a line allocates no string for its name, nor looks it up again among
 * the names that carry a payload.
 */
const LETTER_NAMES = 26 * 26 * 26;
const names: Array<KnownName | undefined> = new Array<KnownName | undefined>(LETTER_NAMES + 1000).fill(undefined);
function nameOf(first: number, second: number, third: number): KnownName {
  const key = isUpper(first)
    ? (first - UPPER_A) * 676 + (second - UPPER_A) * 26 + (third - UPPER_A)
    : LETTER_NAMES + (first - DIGIT_0) * 100 + (second - DIGIT_0) * 10 + (third - DIGIT_0);
  let known = names[key];
  if (known === undefined) {
    const name = String.fromCharCode(first, second, third);
    known = { name, withPayload: PAYLOAD_COMMANDS.has(name) };
    names[key] = known;
  }
  return known;
}

export class MsnpFramer {
  /** The start of a command that a chunk ended in the middle of: its line, or its payload so far. */
  private carry = NOTHING_CARRIED;
  private carried = 0;
  /**
   * Set once a MSG's line is read, until its payload is complete: the payload's length (-1 when
   * nothing is pending), and the line (its bytes, or the text of an unusual line).
   */
  private pendingLength = -1;
  private pendingLine: Buffer | string = NOTHING_CARRIED;
  private pendingParamsStart = 0;
  private pendingParamsEnd = 0;
  private failed = false;
  private readonly maxLineBytes: number;
  private readonly maxPayloadBytes: number;
  private readonly peer: string;

  constructor(
    private readonly handlers: FramerHandlers,
    options: FramerOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.maxPayloadBytes = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
    this.peer = options.peer ?? 'the server';
  }

  /** Bytes received but not yet part of a complete command. */
  get bufferedBytes(): number {
    return this.carried;
  }

  /**
   * Frames the commands `chunk` completes. The commands handed out may be views of `chunk`, so it
   * must not be written to afterwards (a socket's chunks never are).
   */
  push(chunk: Uint8Array): void {
    if (this.failed || chunk.byteLength === 0) return;
    // A Buffer's indexOf is Node's memchr; TypedArray.prototype.indexOf is a loop several times slower.
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let offset = this.carried > 0 ? this.completeCarried(bytes) : 0;
    if (this.pendingLength >= 0) offset = this.takePayload(bytes, offset);
    while (offset < bytes.byteLength && !this.failed) {
      const lineFeed = bytes.indexOf(LF, offset);
      if (lineFeed < 0) {
        this.carryLine(bytes, offset);
        return;
      }
      this.frameLine(bytes, offset, lineFeed);
      offset = this.pendingLength >= 0 ? this.takePayload(bytes, lineFeed + 1) : lineFeed + 1;
    }
  }

  /** Hands out the pending MSG if `bytes` hold its payload from `offset` on, else carries it; returns the next command's start. */
  private takePayload(bytes: Buffer, offset: number): number {
    const end = offset + this.pendingLength;
    if (end <= bytes.byteLength) {
      this.emitMessage(bytes, offset, end);
      return end;
    }
    if (offset < bytes.byteLength) {
      this.carry = Buffer.allocUnsafe(this.pendingLength);
      this.carryOver(bytes, offset, bytes.byteLength);
    }
    return bytes.byteLength;
  }

  /** Carries over a line that `bytes` end in the middle of. */
  private carryLine(bytes: Buffer, offset: number): void {
    const bytesLeft = bytes.byteLength - offset;
    if (!this.lineMayGoOn(bytesLeft)) return;
    this.carry = Buffer.allocUnsafe(Math.min(this.maxLineBytes + 2, Math.max(64, 2 * bytesLeft)));
    this.carryOver(bytes, offset, bytes.byteLength);
  }

  /** Adds the start of `bytes` to the command carried over; returns where the rest of them starts. */
  private completeCarried(bytes: Buffer): number {
    if (this.pendingLength >= 0) {
      const taken = Math.min(this.pendingLength - this.carried, bytes.byteLength);
      this.carryOver(bytes, 0, taken);
      if (this.carried === this.pendingLength) {
        const payload = this.carry;
        this.dropCarry();
        this.emitMessage(payload, 0, payload.byteLength);
      }
      return taken;
    }
    const lineFeed = bytes.indexOf(LF);
    const taken = lineFeed < 0 ? bytes.byteLength : lineFeed + 1;
    if (lineFeed < 0 && !this.lineMayGoOn(this.carried + taken)) return bytes.byteLength;
    if (this.carried + taken > this.carry.byteLength) {
      const grown = Buffer.allocUnsafe(Math.max(this.carried + taken, 2 * this.carry.byteLength));
      this.carry.copy(grown, 0, 0, this.carried);
      this.carry = grown;
    }
    this.carryOver(bytes, 0, taken);
    if (lineFeed >= 0) {
      const line = this.carry;
      const lineEnd = this.carried - 1;
      this.dropCarry();
      this.frameLine(line, 0, lineEnd);
    }
    return taken;
  }

  private carryOver(bytes: Buffer, from: number, to: number): void {
    // A few bytes (a stream trickling in) are copied here: a call into Node's copy costs more.
    if (to - from <= SHORT_COPY_BYTES) for (let index = from; index < to; index++) this.carry[this.carried++] = bytes[index] as number;
    else this.carried += bytes.copy(this.carry, this.carried, from, to);
  }

  /** From here on the carry buffer belongs to the commands framed from it. */
  private dropCarry(): void {
    this.carry = NOTHING_CARRIED;
    this.carried = 0;
  }

  /** Whether a line without its LF yet, `bytes` long, may still be one of the longest allowed. */
  private lineMayGoOn(bytes: number): boolean {
    // One byte more than the limit may be the CR of a line of exactly the limit.
    if (bytes <= this.maxLineBytes + 1) return true;
    this.fail(`A command line from ${this.peer} is longer than ${this.maxLineBytes} bytes`);
    return false;
  }

  /** Frames the line from `lineStart` to its LF at `lineFeed`, in `block`; a MSG's is left pending. */
  private frameLine(block: Buffer, lineStart: number, lineFeed: number): void {
    const textEnd = lineFeed > lineStart && block[lineFeed - 1] === CR ? lineFeed - 1 : lineFeed;
    if (textEnd - lineStart > this.maxLineBytes) {
      this.fail(`A command line from ${this.peer} is longer than ${this.maxLineBytes} bytes`);
      return;
    }
    const known = plainName(block, lineStart, textEnd);
    if (known === undefined) this.frameUnusualLine(block.toString('utf8', lineStart, textEnd));
    else if (known.withPayload) this.awaitPayload(block, lineStart, textEnd);
    else this.handlers.command(new FramedCommand(known.name, block, lineStart + 4, textEnd));
  }

  /** Reads a MSG line's byte count from its last token, in the bytes, and waits for the payload. */
  private awaitPayload(block: Buffer, lineStart: number, textEnd: number): void {
    let digitsEnd = textEnd;
    while (block[digitsEnd - 1] === SPACE) digitsEnd--;
    let digits = digitsEnd;
    while (digits > lineStart + 3 && isDigit(block[digits - 1] as number)) digits--;
    const count = digitsEnd - digits;
    if (count === 0 || count > MAX_LENGTH_DIGITS || block[digits - 1] !== SPACE) {
      this.fail(`A MSG command has no valid payload length: "${block.toString('utf8', lineStart, textEnd).slice(0, 80)}"`);
      return;
    }
    let length = 0;
    for (let index = digits; index < digitsEnd; index++) length = length * 10 + (block[index] as number) - DIGIT_0;
    this.expectPayload(length, block, lineStart + 4, textEnd);
  }

  /** A line with leading or doubled spaces, or with no valid name: parsed from its tokens at once. */
  private frameUnusualLine(line: string): void {
    const tokens = tokenize(line);
    if (tokens.length === 0) return;
    const name = tokens[0] as string;
    if (!PAYLOAD_COMMANDS.has(name)) {
      this.parse(line, undefined);
      return;
    }
    const length = parsePayloadLength(tokens[tokens.length - 1]);
    if (length === undefined || tokens.length < 2) {
      this.fail(`A ${name} command has no valid payload length: "${line.slice(0, 80)}"`);
      return;
    }
    this.expectPayload(length, line, 0, 0);
  }

  private expectPayload(length: number, line: Buffer | string, paramsStart: number, paramsEnd: number): void {
    if (length > this.maxPayloadBytes) {
      this.fail(`A MSG payload of ${length} bytes exceeds the limit of ${this.maxPayloadBytes} bytes`);
      return;
    }
    this.pendingLength = length;
    this.pendingLine = line;
    this.pendingParamsStart = paramsStart;
    this.pendingParamsEnd = paramsEnd;
  }

  private emitMessage(block: Buffer, payloadStart: number, payloadEnd: number): void {
    const line = this.pendingLine;
    this.pendingLength = -1;
    this.pendingLine = NOTHING_CARRIED;
    if (typeof line === 'string') this.parse(line, new Uint8Array(block.buffer, block.byteOffset + payloadStart, payloadEnd - payloadStart));
    else this.handlers.command(new FramedMessage('MSG', line, this.pendingParamsStart, this.pendingParamsEnd, block, payloadStart, payloadEnd));
  }

  private parse(line: string, payload: Uint8Array | undefined): void {
    let command: MsnpCommand;
    try {
      command = parseCommand(line, payload);
    } catch (error) {
      if (error instanceof MsnpSyntaxError) {
        this.handlers.malformed(error);
        return;
      }
      throw error;
    }
    this.handlers.command(command);
  }

  private fail(message: string): void {
    this.failed = true;
    this.pendingLength = -1;
    this.pendingLine = NOTHING_CARRIED;
    this.dropCarry();
    this.handlers.fatal(new FramingError(message));
  }
}

/**
 * The name, and whether a payload follows, of a line that starts as nearly every line does, with
 * three capitals or three digits and then a space or its end; undefined for any other line
 * (frameUnusualLine reads those).
 */
function plainName(block: Buffer, lineStart: number, textEnd: number): KnownName | undefined {
  if (textEnd - lineStart < 3 || (textEnd > lineStart + 3 && block[lineStart + 3] !== SPACE)) return undefined;
  const first = block[lineStart] as number;
  const second = block[lineStart + 1] as number;
  const third = block[lineStart + 2] as number;
  if (isUpper(first) ? !isUpper(second) || !isUpper(third) : !isDigit(first) || !isDigit(second) || !isDigit(third)) return undefined;
  return nameOf(first, second, third);
}
