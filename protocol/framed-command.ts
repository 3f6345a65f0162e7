// The commands the framer hands out. Framing reads only what finding the next command needs (the
// line's end, its name, a MSG's byte count); the params are decoded and split, and the payload
// cut out, the first time a handler reads them. A stream of commands nobody looks into costs
// little more than finding its line ends, and a handler pays once for what it reads.

import type { Buffer } from 'node:buffer';
import { type LeadingNumberSource, type MsnpCommand, decimalValue, isDigitCode, tokenize } from './command';
import type { ParamReader, ParamSource } from './param-reader';

const SPACE = 0x20;

/** A command without a payload. The framer never writes over bytes it has framed, so they stay valid. */
export class FramedCommand implements MsnpCommand, ParamSource, LeadingNumberSource {
  readonly #line: Buffer;
  readonly #paramsStart: number;
  readonly #paramsEnd: number;
  #params: string[] | undefined;

  /** Its params are `line`'s bytes from `paramsStart` to `paramsEnd` (a MSG's byte count included). */
  constructor(
    readonly name: string,
    line: Buffer,
    paramsStart: number,
    paramsEnd: number,
  ) {
    this.#line = line;
    this.#paramsStart = paramsStart;
    this.#paramsEnd = paramsEnd;
  }

  get params(): readonly string[] {
    return (this.#params ??= this.readParams());
  }

  get payload(): Uint8Array | undefined {
    return undefined;
  }

  /**
   * The first param as a whole number when it is decimal digits only, else NaN: read from the
   * bytes, so matching a reply by its TrID (an ACK) splits nothing.
   */
  leadingNumber(): number {
    if (this.#params !== undefined) return decimalValue(this.#params[0]);
    const line = this.#line;
    let at = this.#paramsStart;
    while (at < this.#paramsEnd && line[at] === SPACE) at++;
    const start = at;
    let value = 0;
    for (; at < this.#paramsEnd && line[at] !== SPACE; at++) {
      const byte = line[at] as number;
      if (!isDigitCode(byte)) return Number.NaN;
      value = value * 10 + (byte - 0x30);
    }
    // A MSG's only param may be its byte count, which params never hold.
    if (at === start || (this.hasByteCount() && !this.hasParamAfter(at))) return Number.NaN;
    // Past fifteen digits the sum may round: the param is read as text.
    return at - start > 15 ? decimalValue(this.params[0]) : value;
  }

  /** Whether another param follows the one ending at `at`. */
  private hasParamAfter(at: number): boolean {
    for (; at < this.#paramsEnd; at++) if (this.#line[at] !== SPACE) return true;
    return false;
  }

  /** Hands the reader the params' text, unless they have been split already (it reads those). */
  giveParamText(reader: ParamReader): boolean {
    return this.#params === undefined && reader.take(this.#line.toString('utf8', this.#paramsStart, this.#paramsEnd), this.hasByteCount());
  }

  /** Whether the line's last param is a payload's byte count, which params never hold. */
  protected hasByteCount(): boolean {
    return false;
  }

  protected readParams(): string[] {
    return this.#paramsStart < this.#paramsEnd ? tokenize(this.#line.toString('utf8', this.#paramsStart, this.#paramsEnd)) : [];
  }
}

/** A MSG: its payload lies in `block`, which may be a later chunk than its line's. */
export class FramedMessage extends FramedCommand {
  readonly #block: Buffer;
  readonly #payloadStart: number;
  readonly #payloadEnd: number;
  #payload: Uint8Array | undefined;

  constructor(name: string, line: Buffer, paramsStart: number, paramsEnd: number, block: Buffer, payloadStart: number, payloadEnd: number) {
    super(name, line, paramsStart, paramsEnd);
    this.#block = block;
    this.#payloadStart = payloadStart;
    this.#payloadEnd = payloadEnd;
  }

  override get payload(): Uint8Array {
    // A plain Uint8Array, as a parsed command's payload is, not a Buffer.
    return (this.#payload ??= new Uint8Array(this.#block.buffer, this.#block.byteOffset + this.#payloadStart, this.#payloadEnd - this.#payloadStart));
  }

  protected override hasByteCount(): boolean {
    return true;
  }

  /** The line ends with the payload's byte count, which params never hold. */
  protected override readParams(): string[] {
    const tokens = super.readParams();
    tokens.pop();
    return tokens;
  }
}
