import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_ERRORS, describeProtocolError, isSuccessClassError } from './errors';

interface ReferenceError {
  code: number;
  name: string;
  uiMessage: string;
  msnp2: boolean;
  msnp3: boolean;
}

// The checkout sits beside the read-only reference folder `shared/` in development and in CI, where
// the table is compared with it; a clone on its own has nothing to compare with and says so.
const REFERENCE = new URL('../../shared/protocol/errors.json', import.meta.url);
const hasReference = existsSync(REFERENCE);
if (!hasReference) console.warn(`protocol/errors.test.ts: ${REFERENCE.pathname} is not beside this checkout; the table is not compared with it.`);
const reference = hasReference ? (JSON.parse(readFileSync(REFERENCE, 'utf8')) as ReferenceError[]) : [];

describe.runIf(hasReference)('PROTOCOL_ERRORS', () => {
  it('holds the reference table', () => {
    expect(reference.length).toBeGreaterThan(50);
  });

  it.each(reference.map((entry) => [entry.code, entry] as const))('matches the reference for %i', (code, entry) => {
    expect(PROTOCOL_ERRORS.get(code)).toEqual({
      code,
      name: entry.name,
      message: entry.uiMessage,
      msnp2: entry.msnp2,
      msnp3: entry.msnp3,
    });
  });

  it('has no codes the reference does not list', () => {
    expect([...PROTOCOL_ERRORS.keys()].sort((a, b) => a - b)).toEqual(reference.map((entry) => entry.code).sort((a, b) => a - b));
  });
});

describe('describeProtocolError', () => {
  it('gives the sentence for a known code', () => {
    expect(describeProtocolError(911)).toBe('The sign-in name or password is incorrect.');
    expect(describeProtocolError(217)).toBe('The person you invited is not available for a conversation right now.');
  });

  it('gives a generic sentence with the code for an unknown code', () => {
    expect(describeProtocolError(999)).toBe('An error occurred while communicating with the server (code 999).');
    expect(describeProtocolError(0)).toBe('An error occurred while communicating with the server (code 0).');
  });
});

describe('isSuccessClassError', () => {
  it('treats 218 (already in that mode) as success, and nothing else', () => {
    expect(isSuccessClassError(218)).toBe(true);
    expect([...PROTOCOL_ERRORS.keys()].filter(isSuccessClassError)).toEqual([218]);
  });
});
