// Reads a command's params where they lie, for a handler that compares most of them and keeps few:
// a sign-in's list dump is thousands of LST lines, of which the list, the counters and the TrID are
// only compared and counted, and only the handle and the name are kept. Splitting such a line into
// strings (what `params` does) makes seven strings and an array of them for two that are kept; the
// reader decodes the line's params once, finds where each lies in that text, and makes a string
// only of those asked for as text. Its answers are those `params` gives (split at spaces).

import { isHandleIn, isValidHandle } from '../shared/handles';
import { type MsnpCommand, decimalValue, isDigitCode } from './command';
import { percentDecode, percentDecodeIn } from './percent';

/** The most params a reader finds in a line; a line with more is read through `params`. */
const MOST_PARAMS = 16;


/** A command that can hand its params' text to a reader without splitting it (the framer's commands). */
export interface ParamSource {
  /** Calls `reader.take` with the params' text, or returns false when they have been split already. */
  giveParamText(reader: ParamReader): boolean;
}

function isParamSource(command: MsnpCommand): command is MsnpCommand & ParamSource {
  return typeof (command as Partial<ParamSource>).giveParamText === 'function';
}

/**
 * One reader, pointed at one command after another: reading a dump makes no object per line. Read
 * a command's params before pointing the reader at the next.
 */
export class ParamReader {
  private params: readonly string[] | undefined;
  /** The params' text, when read from it. */
  private line: string | undefined;
  /** Each param's start and end in `line`. */
  private readonly bounds = new Int32Array(MOST_PARAMS * 2);
  private found = 0;

  /** Points the reader at `command`'s params. */
  read(command: MsnpCommand): this {
    this.line = undefined;
    this.params = undefined;
    if (!isParamSource(command) || !command.giveParamText(this)) this.params = command.params;
    return this;
  }

  /**
   * Called by a command with its params' text; `dropLast` leaves out the last param (a MSG's byte
   * count). False when the text has more params than a reader finds.
   */
  take(line: string, dropLast: boolean): boolean {
    let found = 0;
    for (let start = 0; ; ) {
      const space = line.indexOf(' ', start);
      const end = space < 0 ? line.length : space;
      if (end > start) {
        if (found === MOST_PARAMS) return false;
        this.bounds[found * 2] = start;
        this.bounds[found * 2 + 1] = end;
        found++;
      }
      if (space < 0) break;
      start = space + 1;
    }
    this.found = dropLast && found > 0 ? found - 1 : found;
    this.line = line;
    return true;
  }

  /** How many params the command has. */
  get count(): number {
    return this.line === undefined ? (this.params?.length ?? 0) : this.found;
  }

  /** Param `index` as a string, as `params[index]` is; undefined past the last. */
  text(index: number): string | undefined {
    const { line } = this;
    if (line === undefined) return this.params?.[index];
    if (index >= this.found) return undefined;
    return line.slice(this.bounds[index * 2], this.bounds[index * 2 + 1]);
  }

  /**
   * Param `index` when it is a valid handle (isValidHandle), checked where it lies before a string
   * is made of it; undefined otherwise, and past the last.
   */
  handle(index: number): string | undefined {
    const { line } = this;
    if (line === undefined) {
      const text = this.params?.[index];
      return isValidHandle(text) ? text : undefined;
    }
    if (index >= this.found) return undefined;
    const start = this.bounds[index * 2] as number;
    const end = this.bounds[index * 2 + 1] as number;
    return isHandleIn(line, start, end) ? line.slice(start, end) : undefined;
  }

  /** Param `index` percent-decoded (percentDecode), decoded where it lies; undefined past the last. */
  decoded(index: number): string | undefined {
    const { line } = this;
    if (line === undefined) {
      const text = this.params?.[index];
      return text === undefined ? undefined : percentDecode(text);
    }
    if (index >= this.found) return undefined;
    return percentDecodeIn(line, this.bounds[index * 2] as number, this.bounds[index * 2 + 1] as number);
  }

  /**
   * The one of `choices` that param `index` is, compared where it lies (so the answer is the
   * caller's own string, a status code say, not a new one); undefined when it is none of them.
   */
  oneOf<T extends string>(index: number, choices: readonly T[]): T | undefined {
    for (const choice of choices) if (this.is(index, choice)) return choice;
    return undefined;
  }

  /** Whether param `index` is `text`, compared without making a string of the param. */
  is(index: number, text: string): boolean {
    const { line } = this;
    if (line === undefined) return this.params?.[index] === text;
    if (index >= this.found) return false;
    const start = this.bounds[index * 2] as number;
    return (this.bounds[index * 2 + 1] as number) - start === text.length && line.startsWith(text, start);
  }

  /**
   * Param `index` as a whole number written in decimal digits only (a TrID, a list version, a
   * counter); NaN for anything else (a sign, a point, hex), and past the last param.
   */
  integer(index: number): number {
    const { line } = this;
    if (line === undefined) return decimalValue(this.params?.[index]);
    if (index >= this.found) return Number.NaN;
    const start = this.bounds[index * 2] as number;
    const end = this.bounds[index * 2 + 1] as number;
    // More digits than a double holds exactly: read as text, as anything unusual is.
    if (end - start > 15) return decimalValue(this.text(index));
    let value = 0;
    for (let offset = start; offset < end; offset++) {
      const code = line.charCodeAt(offset);
      if (!isDigitCode(code)) return Number.NaN;
      value = value * 10 + (code - 0x30);
    }
    return value;
  }
}
