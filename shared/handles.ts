// What counts as a handle (a sign-in name or a contact's address), one rule for every caller:
// one e-mail-shaped token of at most 129 bytes (§2.6). Any domain is fine (MSNP3 dropped the
// hotmail-only rule), and `a@b` is accepted: servers decide which domains exist.

/** The longest handle, in UTF-8 bytes (§2.6). */
export const MAX_HANDLE_LENGTH = 129;

const AT = 0x40;
const encoder = new TextEncoder();

/** A UTF-16 code unit is at most 3 UTF-8 bytes: a handle this short fits without counting them. */
const SURELY_SHORT = Math.floor(MAX_HANDLE_LENGTH / 3);

/** Whether a UTF-16 code unit is white space as a regular expression's `\s` means it (ECMAScript WhiteSpace and LineTerminator). */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Also the check for handles a server sends: one that fails it (say `__proto__`) is a malformed line.
 * One `@` with something on each side and no white space (`/^[^\s@]+@[^\s@]+$/`), read in one pass
 * over the characters: every presence and list line of a sign-in is checked, hundreds to thousands.
 */
export function isValidHandle(handle: string | undefined): handle is string {
  return handle !== undefined && isHandleIn(handle, 0, handle.length);
}

/**
 * Whether `text` from `start` to `end` is a valid handle (isValidHandle), read where it lies: a
 * param of a line is checked before a string is made of it.
 */
export function isHandleIn(text: string, start: number, end: number): boolean {
  let at = -1;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === AT) {
      if (at >= 0) return false;
      at = index;
    } else if (isSpaceCode(code)) {
      return false;
    }
  }
  if (at <= start || at === end - 1) return false;
  return end - start <= SURELY_SHORT || encoder.encode(text.slice(start, end)).length <= MAX_HANDLE_LENGTH;
}
