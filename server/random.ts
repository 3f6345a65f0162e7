// Random decimal numbers for challenges, cookies and session ids.

import { randomInt } from 'node:crypto';

/** `count` random decimal digits, the first never 0. */
export function randomDigits(count: number): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < count) digits += String(randomInt(0, 10));
  return digits;
}
