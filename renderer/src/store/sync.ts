// Keeps a window's store in step with main: listen first, then ask for the snapshot, so no patch
// falls between the two (a patch applied on top of a snapshot that already has it changes nothing).
// A patch the mirror cannot follow (it missed a change) asks for a fresh snapshot.

import { command, subscribe } from '../bridge';
import type { MessengerStoreApi } from './store';

export function connectStore(store: MessengerStoreApi): () => void {
  const actions = store.getState();
  let snapshotRequested = false;
  const requestSnapshot = (): void => {
    if (snapshotRequested) return;
    snapshotRequested = true;
    void command('getSnapshot').then((result) => {
      snapshotRequested = false;
      if (result.ok) actions.receiveSnapshot(result.value);
      else actions.showBanner(result.error.message);
    });
  };
  const unsubscribers = [
    subscribe('snapshot', actions.receiveSnapshot),
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
