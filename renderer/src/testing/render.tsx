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

/** Frames a window takes to draw everything after its snapshot (VirtualList.tsx's drawing stages). */
const SETTLING_FRAMES = 4;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

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
  // What a window draws in the frames after its first (a list's rows in view, then those either
  // side of them) is drawn too.
  for (let frame = 0; frame < SETTLING_FRAMES; frame++) await act(nextFrame);
  return { ...result, store };
}
