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

/** `token` as a whole number when it is decimal digits only (no sign, point or hex), else NaN. */
export function decimalValue(token: string | undefined): number {
  return token !== undefined && DECIMAL.test(token) ? Number(token) : Number.NaN;
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

/** The wire bytes of a command: `NAME p1 p2\r\n`, and for MSG the byte length then the payload. */
export function serializeCommand(command: MsnpCommand): Uint8Array {
  let line = command.name;
  for (const param of command.params) {
    if (param.length === 0 || WHITESPACE.test(param)) {
      throw new MsnpSyntaxError(`Parameter "${param}" is empty or contains whitespace`, command.name);
    }
    line += ' ' + param;
  }
  const isPayload = PAYLOAD_COMMANDS.has(command.name);
  if (!isPayload && command.payload !== undefined) {
    throw new MsnpSyntaxError(`${command.name} does not carry a payload`, command.name);
  }
  if (!isPayload) return bytesOf(Buffer.from(line + '\r\n', 'utf8'));
  // One buffer for the line and its payload: a message is one allocation and one write.
  const payload = command.payload ?? NO_PAYLOAD;
  line += ` ${payload.byteLength}\r\n`;
  const headLength = Buffer.byteLength(line, 'utf8');
  const bytes = Buffer.allocUnsafe(headLength + payload.byteLength);
  bytes.write(line, 0, 'utf8');
  bytes.set(payload, headLength);
  return bytesOf(bytes);
}

/** The buffer's bytes as a plain Uint8Array (a view, no copy), the type every caller and test expects. */
function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The transaction id of a command, when it carries one (errors included; unsolicited ones are 0). */
export function transactionIdOf(command: MsnpCommand): number | undefined {
  if (WITHOUT_TRID.has(command.name)) return undefined;
  const first = command.params[0];
  if (first === undefined || !DECIMAL.test(first) || first.length > 10) return undefined;
  const trid = Number(first);
  return trid <= MAX_TRID ? trid : undefined;
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
