// One store per window, assembled from the slices. Components reach it through StoreProvider.

import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  createContactsSlice,
  createConversationsSlice,
  createMailSlice,
  createSessionSlice,
  createSyncActions,
  createUiSlice,
  type MessengerStore,
} from './slices';

export type MessengerStoreApi = StoreApi<MessengerStore>;

export function createMessengerStore(): MessengerStoreApi {
  return createStore<MessengerStore>()((...slice) => ({
    ...createSessionSlice(...slice),
    ...createContactsSlice(...slice),
    ...createConversationsSlice(...slice),
    ...createMailSlice(...slice),
    ...createUiSlice(...slice),
    ...createSyncActions(...slice),
  }));
}
