// Keeps a window's store in step with main: listen first, then ask for the snapshot, so no
// patch falls between the two (patches carry whole values, so one applied twice is harmless).

import { command, subscribe } from '../bridge';
import type { MessengerStoreApi } from './store';

export function connectStore(store: MessengerStoreApi): () => void {
  const actions = store.getState();
  const unsubscribers = [
    subscribe('snapshot', actions.receiveSnapshot),
    subscribe('patch', actions.receivePatch),
    subscribe('settings', actions.receiveSettings),
    subscribe('notice', actions.receiveNotice),
  ];
  void command('getSnapshot').then((result) => {
    if (result.ok) actions.receiveSnapshot(result.value);
    else actions.showBanner(result.error.message);
  });
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
