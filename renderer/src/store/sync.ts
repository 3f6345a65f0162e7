// Keeps a window's store in step with main: listen first, then ask for the snapshot, so no patch
// falls between the two (a patch applied on top of a snapshot that already has it changes nothing).
// A patch the mirror cannot follow (it missed a change) asks for a fresh snapshot.

import { command, subscribe, windowAccount } from '../bridge';
import type { MessengerStoreApi } from './store';
import { strings } from '../strings';

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
      else actions.showBanner(strings.error(result.error));
    });
  };
  // A window follows its own account only (the route can change when the page is reused).
  const mine = (event: { readonly account: string }): boolean => event.account === windowAccount();
  const unsubscribers = [
    subscribe('snapshot', (snapshot) => {
      if (!mine(snapshot)) return;
      pushedSinceRequest = true;
      actions.receiveSnapshot(snapshot);
    }),
    subscribe('patch', (event) => {
      if (mine(event) && !actions.receivePatch(event.patch)) requestSnapshot();
    }),
    subscribe('settings', actions.receiveSettings),
    subscribe('notice', (event) => {
      if (mine(event)) actions.receiveNotice(event.notice);
    }),
  ];
  requestSnapshot();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
