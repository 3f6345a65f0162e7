// Keeps a window's store in step with main: main pushes a snapshot when the window is ready (both
// shells do), and patches after it on the same channel. The window asks for one only when none has
// come soon after it started listening, or when a patch cannot be followed (it missed a change):
// asking at the start as well would make a long conversation's window take in two snapshots.
// Main sends a patch as soon as its state exists; the window takes them in at most once per frame
// (a presence storm is a patch every few milliseconds, and the list repaints once a frame at best):
// a patch after a quiet spell is applied at once, and those that keep coming wait for the frame's
// end and are applied together, in order, with one store update.

import { command, subscribe, windowAccount } from '../bridge';
import type { StatePatch } from '../../../shared/ipc';
import type { MessengerStoreApi } from './store';
import { strings } from '../strings';

/** The shortest time between two store updates from patches while they keep coming: one display frame. */
export const PATCH_INTERVAL_MS = 16;

/** How long a window waits for main's snapshot before asking for one. */
export const SNAPSHOT_WAIT_MS = 1000;

export interface SyncOptions {
  /** The shortest time between two store updates from patches (PATCH_INTERVAL_MS; 0 applies each at once). */
  readonly intervalMs?: number;
  /** Runs `apply` after `delayMs`; returns a cancel function (setTimeout by default). */
  readonly schedule?: (apply: () => void, delayMs: number) => () => void;
  /** The clock the pacing reads (performance.now by default). */
  readonly now?: () => number;
}

const timeout = (apply: () => void, delayMs: number): (() => void) => {
  const timer = setTimeout(apply, delayMs);
  return () => clearTimeout(timer);
};

export function connectStore(store: MessengerStoreApi, options: SyncOptions = {}): () => void {
  const { intervalMs = PATCH_INTERVAL_MS, schedule = timeout, now = () => performance.now() } = options;
  const actions = store.getState();
  /** A snapshot has come (pushed, or asked for). */
  let received = false;
  let snapshotRequested = false;
  /** Main pushed a snapshot while the one asked for was on its way. */
  let pushedSinceRequest = false;
  const requestSnapshot = (): void => {
    if (snapshotRequested) return;
    snapshotRequested = true;
    pushedSinceRequest = false;
    void command('getSnapshot').then((result) => {
      // Patches that came before the answer are older than it (the same channel keeps the order);
      // one the mirror cannot follow needs no snapshot of its own, as this one is about to land.
      applyPending();
      snapshotRequested = false;
      // The pushed one and the patches after it (in order on the same channel) are as new, and a
      // long conversation's snapshot costs a frame or two to take in: taking it twice is waste.
      if (pushedSinceRequest) return;
      received ||= result.ok;
      if (result.ok) actions.receiveSnapshot(result.value);
      else actions.showBanner(strings.error(result.error));
    });
  };

  const pending: StatePatch[] = [];
  let appliedAt = Number.NEGATIVE_INFINITY;
  let cancelScheduled: (() => void) | undefined;
  /** Every patch received so far, in order, as one store update. */
  const applyPending = (): void => {
    cancelScheduled?.();
    cancelScheduled = undefined;
    if (pending.length === 0) return;
    appliedAt = now();
    if (!actions.receivePatches(pending.splice(0))) requestSnapshot();
  };
  const receivePatch = (patch: StatePatch): void => {
    pending.push(patch);
    if (cancelScheduled) return;
    const wait = appliedAt + intervalMs - now();
    if (wait <= 0) applyPending();
    else cancelScheduled = schedule(applyPending, wait);
  };

  // A window follows its own account only (the route can change when the page is reused).
  const mine = (event: { readonly account: string }): boolean => event.account === windowAccount();
  const unsubscribers = [
    subscribe('snapshot', (snapshot) => {
      if (!mine(snapshot)) return;
      received = true;
      pushedSinceRequest = true;
      applyPending();
      actions.receiveSnapshot(snapshot);
    }),
    subscribe('patch', (event) => {
      if (mine(event)) receivePatch(event.patch);
    }),
    subscribe('settings', actions.receiveSettings),
    subscribe('notice', (event) => {
      if (mine(event)) actions.receiveNotice(event.notice);
    }),
  ];
  const cancelWait = schedule(() => {
    if (!received) requestSnapshot();
  }, SNAPSHOT_WAIT_MS);
  return () => {
    cancelWait();
    cancelScheduled?.();
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
