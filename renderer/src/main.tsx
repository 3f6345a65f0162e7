// Entry point: one store per window, kept in step with main through window.msn (put there by the
// Electron preload, or for a page of the browser host by platform/install, imported first).

import './platform/install';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prepareLinkFinder } from './components/rich-text/find-links';
import { takeReloadedReason } from './reloaded';
import { StoreProvider } from './store/context';
import { createMessengerStore } from './store/store';
import { connectStore } from './store/sync';
import { strings } from './strings';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const store = createMessengerStore();
const reloaded = takeReloadedReason();
if (reloaded !== undefined) store.getState().showBanner(strings.reloaded(reloaded));
connectStore(store);
// In a task of its own while the window waits for main's snapshot, not while it draws the first messages.
setTimeout(prepareLinkFinder);

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
