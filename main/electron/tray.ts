// The notification-area icon MSN lived in: who I am and how I appear in its tooltip, and a menu to
// bring the contact list back, sign out, or quit.

import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { FIRST_ACCOUNT } from '../../shared/accounts';
import type { MessengerState } from '../../shared/model';
import type { MessengerApp } from '../app/app-core';
import { shellStrings } from './strings';
import { showContactListWindow } from './windows';

export function createTray(messengerApp: MessengerApp): Tray {
  // Packaged builds carry assets/icon.png next to out/ (electron-builder `files`).
  const icon = nativeImage.createFromPath(join(app.getAppPath(), 'assets', 'icon.png')).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  let shown: MessengerState['session'] | undefined;
  const refresh = (): void => {
    const { session } = messengerApp.snapshot().state;
    if (session === shown) return;
    shown = session;
    tray.setToolTip(shellStrings.tray.tooltip(session));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: shellStrings.tray.open, click: () => showContactListWindow() },
        {
          label: shellStrings.tray.signOut,
          enabled: session.state !== 'offline',
          click: () => void messengerApp.dispatch('signOut', [FIRST_ACCOUNT]),
        },
        { type: 'separator' },
        { label: shellStrings.tray.exit, click: () => app.quit() },
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
