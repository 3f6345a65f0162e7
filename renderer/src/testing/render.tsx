// Renders the app as a window would: a fresh store connected to a fake window.msn, at a route.

import { act, render, waitFor, type RenderResult } from '@testing-library/react';
import { App } from '../App';
import { StoreProvider } from '../store/context';
import { createMessengerStore, type MessengerStoreApi } from '../store/store';
import { connectStore } from '../store/sync';
import type { FakeMsn } from './fake-msn';

export interface RenderedApp extends RenderResult {
  readonly store: MessengerStoreApi;
}

export async function renderApp(fake: FakeMsn, hash = '#/contacts'): Promise<RenderedApp> {
  window.msn = fake.api;
  window.location.hash = hash;
  const store = createMessengerStore();
  // Each patch reaches the store at once: the pacing to frames is sync.test.ts's concern.
  connectStore(store, { intervalMs: 0 });
  const result = render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  // The first snapshot arrives asynchronously, as it does from main.
  await waitFor(() => {
    if (!store.getState().ready) throw new Error('no snapshot yet');
  });
  // What a window draws after its first frame (a conversation's transcript) is drawn too.
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  return { ...result, store };
}
