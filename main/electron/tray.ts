// The notification-area icon MSN lived in: who I am and how I appear in its tooltip, and a menu to
// bring the contact list back, sign out, or quit.

import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import type { MessengerState } from '../../shared/model';
import { STATUS_LABELS } from '../../shared/status-labels';
import type { MessengerApp } from '../app/app-core';
import { showContactListWindow } from './windows';

function tooltip(session: MessengerState['session']): string {
  if (session.state !== 'online') return 'MSN Messenger (not signed in)';
  return `MSN Messenger: ${session.friendlyName ?? session.handle ?? ''} (${STATUS_LABELS[session.status]})`;
}

export function createTray(messengerApp: MessengerApp): Tray {
  // Packaged builds carry assets/icon.png next to out/ (electron-builder `files`).
  const icon = nativeImage.createFromPath(join(app.getAppPath(), 'assets', 'icon.png')).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  let shown: MessengerState['session'] | undefined;
  const refresh = (): void => {
    const { session } = messengerApp.snapshot().state;
    if (session === shown) return;
    shown = session;
    tray.setToolTip(tooltip(session));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open MSN Messenger', click: () => showContactListWindow() },
        {
          label: 'Sign Out',
          enabled: session.state !== 'offline',
          click: () => void messengerApp.dispatch('signOut', [FIRST_ACCOUNT]),
        },
        { type: 'separator' },
        { label: 'Exit', click: () => app.quit() },
      ]),
    );
  };
  tray.on('click', () => showContactListWindow());
  messengerApp.on('patch', ({ patch }) => {
    if (patch.session) refresh();
  });
  refresh();
  return tray;
}
