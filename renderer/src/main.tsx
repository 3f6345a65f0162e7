// Entry point: one store per window, kept in step with main through window.msn (installed by
// the Electron preload or the browser host before this script runs).

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { StoreProvider } from './store/context';
import { createMessengerStore } from './store/store';
import { connectStore } from './store/sync';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const store = createMessengerStore();
connectStore(store);

createRoot(container).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
