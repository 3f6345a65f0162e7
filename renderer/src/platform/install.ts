// Gives the page its `window.msn` before the app mounts. Under Electron the preload has already
// put it there; anywhere else the page was served by the browser host and talks to it over a
// WebSocket. Imported first by main.tsx.

import { createWebBridge } from './web-bridge';

function openWindow(url: string, target: string): boolean {
  // A new tab (a Passport page that goes on to another site) gets no handle on this page;
  // `noopener` also means the browser never says whether it opened one.
  if (target === '_blank') {
    window.open(url, target, 'noopener');
    return true;
  }
  return window.open(url, target) !== null;
}

if (!Reflect.has(window, 'msn')) {
  window.msn = createWebBridge({
    pageUrl: window.location.href,
    createSocket: (url) => new WebSocket(url),
    openWindow,
    schedule: (reconnect, delayMs) => window.setTimeout(reconnect, delayMs),
  });
}
