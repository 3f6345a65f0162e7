// What counts as a handle (a sign-in name or a contact's address), one rule for every caller:
// one e-mail-shaped token of at most 129 bytes (§2.6). Any domain is fine (MSNP3 dropped the
// hotmail-only rule), and `a@b` is accepted: servers decide which domains exist.

/** The longest handle, in UTF-8 bytes (§2.6). */
export const MAX_HANDLE_LENGTH = 129;

const HANDLE_SHAPE = /^[^\s@]+@[^\s@]+$/;
const encoder = new TextEncoder();

/** A UTF-16 code unit is at most 3 UTF-8 bytes: a handle this short fits without counting them. */
const SURELY_SHORT = Math.floor(MAX_HANDLE_LENGTH / 3);

/** Also the check for handles a server sends: one that fails it (say `__proto__`) is a malformed line. */
export function isValidHandle(handle: string | undefined): handle is string {
  return (
    handle !== undefined &&
    HANDLE_SHAPE.test(handle) &&
    (handle.length <= SURELY_SHORT || encoder.encode(handle).length <= MAX_HANDLE_LENGTH)
  );
}
