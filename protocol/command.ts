// MSNP command lines as data. `parseCommand` and `serializeCommand` are mirror functions:
// serializeCommand(parseCommand(line, payload)) gives back the same bytes for any well-formed line.

/** One command as it travels on the wire. `params` never includes the MSG length token. */
export interface MsnpCommand {
  /** Three upper-case letters (`USR`) or three digits for an error reply (`911`). */
  readonly name: string;
  readonly params: readonly string[];
  /** Present only on payload commands (MSG in MSNP2/MSNP3); may be empty. */
  readonly payload?: Uint8Array;
}

/** The only payload command in MSNP2/MSNP3. */
export const PAYLOAD_COMMANDS: ReadonlySet<string> = new Set(['MSG']);

/** Commands whose first parameter is never a transaction id (§2.2). */
const WITHOUT_TRID: ReadonlySet<string> = new Set(['NLN', 'FLN', 'RNG', 'JOI', 'BYE', 'QNG', 'OUT', 'PNG']);

export const MAX_TRID = 4294967295;

export class MsnpSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: string,
  ) {
    super(message);
    this.name = 'MsnpSyntaxError';
  }
}

const DECIMAL = /^\d+$/;

export function isErrorCommand(name: string): boolean {
  // By its characters: every line a connection receives asks this, and a regular expression costs more.
  return name.length === 3 && isDigitCode(name.charCodeAt(0)) && isDigitCode(name.charCodeAt(1)) && isDigitCode(name.charCodeAt(2));
}

/** Whether a UTF-16 code unit is an ASCII digit. */
export const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * `token` as a whole number when it is decimal digits only (no sign, point or hex), else NaN. Read
 * digit by digit: `Number` on a string just decoded from a line hashes it first.
 */
export function decimalValue(token: string | undefined): number {
  if (token === undefined || token.length === 0) return Number.NaN;
  // Beyond fifteen digits a sum of digits could round differently from Number's reading.
  if (token.length > 15) return DECIMAL.test(token) ? Number(token) : Number.NaN;
  let value = 0;
  for (let index = 0; index < token.length; index++) {
    const code = token.charCodeAt(index);
    if (!isDigitCode(code)) return Number.NaN;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

/**
 * Splits a decoded command line into name and params: runs of spaces, empty tokens ignored. A loop
 * over indexOf makes only the tokens (split makes the empty ones too, and filter a second array).
 */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  for (let start = 0; ; ) {
    const space = line.indexOf(' ', start);
    const end = space < 0 ? line.length : space;
    if (end > start) tokens.push(line.slice(start, end));
    if (space < 0) return tokens;
    start = space + 1;
  }
}

/**
 * Parses one decoded command line (without CR LF). For MSG the trailing length token is checked
 * against the payload and removed, so params hold only the meaningful fields.
 */
export function parseCommand(line: string, payload?: Uint8Array): MsnpCommand {
  const tokens = tokenize(line);
  const name = tokens.shift();
  if (name === undefined) throw new MsnpSyntaxError('Empty command line', line);
  if (!/^[A-Z]{3}$/.test(name) && !isErrorCommand(name)) {
    throw new MsnpSyntaxError(`Not a command name: "${name.slice(0, 20)}"`, line);
  }
  if (!PAYLOAD_COMMANDS.has(name)) {
    if (payload !== undefined) throw new MsnpSyntaxError(`${name} does not carry a payload`, line);
    return { name, params: tokens };
  }
  const lengthToken = tokens.pop();
  const length = parsePayloadLength(lengthToken);
  if (length === undefined) throw new MsnpSyntaxError(`${name} has no valid payload length`, line);
  const body = payload ?? new Uint8Array(0);
  if (body.byteLength !== length) {
    throw new MsnpSyntaxError(`${name} declares ${length} bytes but carries ${body.byteLength}`, line);
  }
  return { name, params: tokens, payload: body };
}

/** The declared payload length of a MSG line's last token, or undefined when it is not a byte count. */
export function parsePayloadLength(token: string | undefined): number | undefined {
  if (token === undefined || !DECIMAL.test(token) || token.length > 9) return undefined;
  return Number(token);
}

const WHITESPACE = /\s/;
const NO_PAYLOAD = new Uint8Array(0);
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;

/** The wire bytes of a command: `NAME p1 p2\r\n`, and for MSG the byte length then the payload. */
export function serializeCommand(command: MsnpCommand): Uint8Array {
  const bytes = encodeCommand(command.name, undefined, command.params, command.payload);
  // A plain Uint8Array over the same bytes, the type every caller and test expects.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The wire bytes of `NAME trid p1 p2…` (no TrID when `trid` is undefined), with a MSG's byte count
 * and payload, as one Buffer ready for the socket: a request costs no array of its params with the
 * TrID in front, no string of its line, and, when the line is ASCII (nearly always), no call into
 * the UTF-8 encoder.
 */
export function encodeCommand(name: string, trid: number | undefined, params: readonly string[], payload: Uint8Array | undefined): Buffer {
  const isPayload = PAYLOAD_COMMANDS.has(name);
  if (!isPayload && payload !== undefined) throw new MsnpSyntaxError(`${name} does not carry a payload`, name);
  const tridText = trid === undefined ? undefined : String(trid);
  let ascii = isAscii(name);
  let lineLength = name.length + (tridText === undefined ? 0 : 1 + tridText.length);
  for (const param of params) {
    if (!isSendable(param)) throw new MsnpSyntaxError(`Parameter "${param}" is empty or contains whitespace`, name);
    ascii &&= isAscii(param);
    lineLength += 1 + param.length;
  }
  const body = isPayload ? (payload ?? NO_PAYLOAD) : undefined;
  const count = body === undefined ? undefined : String(body.byteLength);
  if (count !== undefined) lineLength += 1 + count.length;
  if (!ascii) return encodeText(name, tridText, params, count, body);
  const bytes = Buffer.allocUnsafe(lineLength + 2 + (body?.byteLength ?? 0));
  let at = writeAscii(bytes, 0, name);
  if (tridText !== undefined) at = writeAscii(bytes, writeSpace(bytes, at), tridText);
  for (const param of params) at = writeAscii(bytes, writeSpace(bytes, at), param);
  if (count !== undefined) at = writeAscii(bytes, writeSpace(bytes, at), count);
  bytes[at++] = CR;
  bytes[at++] = LF;
  if (body !== undefined && body.byteLength > 0) bytes.set(body, at);
  return bytes;
}

/** The same bytes, for a line that is not all ASCII: made as text, then encoded. */
function encodeText(name: string, trid: string | undefined, params: readonly string[], count: string | undefined, body: Uint8Array | undefined): Buffer {
  let line = trid === undefined ? name : `${name} ${trid}`;
  for (const param of params) line += ' ' + param;
  if (count !== undefined) line += ' ' + count;
  line += '\r\n';
  const headLength = Buffer.byteLength(line, 'utf8');
  const bytes = Buffer.allocUnsafe(headLength + (body?.byteLength ?? 0));
  bytes.write(line, 0, 'utf8');
  if (body !== undefined && body.byteLength > 0) bytes.set(body, headLength);
  return bytes;
}

/** A param may be sent when it is not empty and holds no whitespace (an ASCII one is checked by its characters). */
function isSendable(param: string): boolean {
  if (param.length === 0) return false;
  for (let index = 0; index < param.length; index++) {
    const code = param.charCodeAt(index);
    if (code === SPACE || (code >= 0x09 && code <= 0x0d)) return false;
    if (code > 0x7f) return !WHITESPACE.test(param);
  }
  return true;
}

/** Whether every character of `text` is ASCII (its UTF-8 bytes are its characters' codes). */
export function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

/** Writes ASCII `text` into `bytes` from `at`, a byte per character; returns where it ended. */
export function writeAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let index = 0; index < text.length; index++) bytes[at++] = text.charCodeAt(index);
  return at;
}

function writeSpace(bytes: Buffer, at: number): number {
  bytes[at] = SPACE;
  return at + 1;
}

/** The transaction id of a command, when it carries one (errors included; unsolicited ones are 0). */
export function transactionIdOf(command: MsnpCommand): number | undefined {
  if (WITHOUT_TRID.has(command.name)) return undefined;
  // A framed command reads it from its bytes: an ACK is matched without its params being split.
  const trid = isLeadingNumberSource(command) ? command.leadingNumber() : decimalValue(command.params[0]);
  return trid <= MAX_TRID ? trid : undefined;
}

/** A command that reads its first param as a number from its bytes (framed-command.ts). */
export interface LeadingNumberSource {
  /** The first param as a whole number when it is decimal digits only, else NaN (as decimalValue). */
  leadingNumber(): number;
}

function isLeadingNumberSource(command: MsnpCommand): command is MsnpCommand & LeadingNumberSource {
  return typeof (command as Partial<LeadingNumberSource>).leadingNumber === 'function';
}

/** Hands out transaction ids for one connection: 1, 2, 3 … never 0, wrapping before 2³². */
export class TransactionIds {
  private last: number;
  constructor(start = 1) {
    if (!Number.isInteger(start) || start < 1 || start > MAX_TRID) {
      throw new RangeError(`A first transaction id must be an integer from 1 to ${MAX_TRID}, not ${start}`);
    }
    this.last = start - 1;
  }
  next(): number {
    this.last = this.last >= MAX_TRID ? 1 : this.last + 1;
    return this.last;
  }
}
