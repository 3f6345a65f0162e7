// Keeps a window's store in step with main: listen first, then ask for the snapshot, so no patch
// falls between the two (a patch applied on top of a snapshot that already has it changes nothing).
// A patch the mirror cannot follow (it missed a change) asks for a fresh snapshot.

import { command, subscribe } from '../bridge';
import type { MessengerStoreApi } from './store';

export function connectStore(store: MessengerStoreApi): () => void {
  const actions = store.getState();
  let snapshotRequested = false;
  /** Main pushed a snapshot while the one asked for was on its way. */
  let pushedSinceRequest = false;
  const requestSnapshot = (): void => {
    if (snapshotRequested) return;
    snapshotRequested = true;
    pushedSinceRequest = false;
    void command('getSnapshot').then((result) => {
      snapshotRequested = false;
      // The pushed one and the patches after it (in order on the same channel) are as new, and a
      // long conversation's snapshot costs a frame or two to take in: taking it twice is waste.
      if (pushedSinceRequest) return;
      if (result.ok) actions.receiveSnapshot(result.value);
      else actions.showBanner(result.error.message);
    });
  };
  const unsubscribers = [
    subscribe('snapshot', (snapshot) => {
      pushedSinceRequest = true;
      actions.receiveSnapshot(snapshot);
    }),
    subscribe('patch', (patch) => {
      if (!actions.receivePatch(patch)) requestSnapshot();
    }),
    subscribe('settings', actions.receiveSettings),
    subscribe('notice', actions.receiveNotice),
  ];
  requestSnapshot();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
