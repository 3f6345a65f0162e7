// Splits a byte stream into MSNP commands. Bytes are framed before any text is decoded, so a
// multi-byte UTF-8 character split across TCP reads is never damaged, and a MSG payload is counted
// in bytes exactly as declared. Data is appended into one growing buffer with a read offset, so a
// stream fed one byte at a time costs linear time, not a re-copy of everything per chunk.

import { type MsnpCommand, MsnpSyntaxError, PAYLOAD_COMMANDS, parseCommand, parsePayloadLength, tokenize } from './command';

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
const decoder = new TextDecoder('utf-8');

export class MsnpFramer {
  private buffer = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  /** Where the search for LF resumes, so bytes already scanned are not scanned again. */
  private scanFrom = 0;
  /** Set while waiting for the payload of a MSG whose line has been read. */
  private pendingPayload: { line: string; length: number } | undefined;
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
    return this.end - this.start;
  }

  push(chunk: Uint8Array): void {
    if (this.failed || chunk.byteLength === 0) return;
    this.append(chunk);
    this.drain();
  }

  private append(chunk: Uint8Array): void {
    if (this.end + chunk.byteLength > this.buffer.byteLength) {
      const live = this.end - this.start;
      const needed = live + chunk.byteLength;
      if (needed <= this.buffer.byteLength / 2) {
        this.buffer.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(needed, this.buffer.byteLength * 2));
        grown.set(this.buffer.subarray(this.start, this.end));
        this.buffer = grown;
      }
      this.scanFrom -= this.start;
      this.start = 0;
      this.end = live;
    }
    this.buffer.set(chunk, this.end);
    this.end += chunk.byteLength;
  }

  private drain(): void {
    while (!this.failed) {
      if (this.pendingPayload) {
        const { line, length } = this.pendingPayload;
        if (this.end - this.start < length) return;
        const payload = this.buffer.slice(this.start, this.start + length);
        this.consume(length);
        this.pendingPayload = undefined;
        this.emit(line, payload);
        continue;
      }
      const newline = this.buffer.subarray(this.scanFrom, this.end).indexOf(LF);
      if (newline < 0) {
        this.scanFrom = this.end;
        // One byte more than the limit may be the CR of a line of exactly the limit.
        if (this.end - this.start > this.maxLineBytes + 1) {
          this.fail(`A command line from ${this.peer} is longer than ${this.maxLineBytes} bytes`);
        }
        return;
      }
      const lineEnd = this.scanFrom + newline;
      const textEnd = lineEnd > this.start && this.buffer[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
      if (textEnd - this.start > this.maxLineBytes) {
        this.fail(`A command line from ${this.peer} is longer than ${this.maxLineBytes} bytes`);
        return;
      }
      const line = decoder.decode(this.buffer.subarray(this.start, textEnd));
      this.consume(lineEnd + 1 - this.start);
      const tokens = tokenize(line);
      if (tokens.length === 0) continue;
      if (PAYLOAD_COMMANDS.has(tokens[0] as string)) {
        const length = parsePayloadLength(tokens[tokens.length - 1]);
        if (length === undefined || tokens.length < 2) {
          this.fail(`A ${tokens[0]} command has no valid payload length: "${line.slice(0, 80)}"`);
          return;
        }
        if (length > this.maxPayloadBytes) {
          this.fail(`A ${tokens[0]} payload of ${length} bytes exceeds the limit of ${this.maxPayloadBytes} bytes`);
          return;
        }
        this.pendingPayload = { line, length };
        continue;
      }
      this.emit(line, undefined);
    }
  }

  private consume(bytes: number): void {
    this.start += bytes;
    this.scanFrom = this.start;
    if (this.start === this.end) {
      this.start = 0;
      this.end = 0;
      this.scanFrom = 0;
    }
  }

  private emit(line: string, payload: Uint8Array | undefined): void {
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
    this.buffer = new Uint8Array(0);
    this.start = this.end = this.scanFrom = 0;
    this.handlers.fatal(new FramingError(message));
  }
}
