// Defaults that hold for every page the app ever shows, whatever window it is in.

import type { Session, WebContents } from 'electron';

/** The app is one page with hash routes: any real navigation or new window is refused. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission (camera, notifications, ...) and sends the CSP with every response. */
export function lockDownSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}
