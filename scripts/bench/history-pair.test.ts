// (h)'s pairs against the project's server: the pair that keeps history is measured only once both
// of its databases are open.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type MsnServer, startServer } from '../../server/index';
import { PAIR_ACCOUNTS, type Pair, signedInPair } from './history-pair';

let root: string | undefined;
let server: MsnServer | undefined;
let pair: Pair | undefined;

afterEach(async () => {
  await pair?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Whether a promise has settled, judged once the jobs already queued have run. */
async function settled(promise: Promise<unknown> | undefined): Promise<boolean> {
  let done = false;
  void promise?.then(
    () => (done = true),
    () => (done = true),
  );
  await Promise.resolve();
  return done;
}

// The pair's workers load SQLite; on a busy machine that alone takes seconds.
describe('the history bench pair', { timeout: 30_000 }, () => {
  it('keeps history in both clients and is ready only once both databases are open', async () => {
    root = mkdtempSync(join(tmpdir(), 'msn-bench-pair-'));
    server = await startServer({ accounts: PAIR_ACCOUNTS });
    pair = await signedInPair(`${server.host}:${server.dispatchPort}`, root, true);
    expect(pair.history).toHaveLength(2);
    for (const service of pair.history) expect(await settled(service.store()?.ready)).toBe(true);
    expect(await pair.roundTrip('hello')).toBeGreaterThan(0);
  });
});
