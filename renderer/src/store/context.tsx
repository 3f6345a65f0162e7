// Gives components their window's store; they read it through selectors only.

import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { MessengerStore } from './slices';
import type { MessengerStoreApi } from './store';

const StoreContext = createContext<MessengerStoreApi | undefined>(undefined);

export function StoreProvider({ store, children }: { store: MessengerStoreApi; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for code that reacts to changes rather than rendering them. */
export function useStoreApi(): MessengerStoreApi {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useMessenger needs a StoreProvider above it');
  return store;
}

export function useMessenger<T>(selector: (state: MessengerStore) => T): T {
  return useStore(useStoreApi(), selector);
}
