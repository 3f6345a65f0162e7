// The notification-area icon MSN lived in: every account's address and status in its tooltip, and
// a menu with a submenu per account (open its contact list, set its status, sign it out), signing
// in with another account, and quitting.

import { app, Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { type AccountId, FIRST_ACCOUNT } from '../../shared/accounts';
import type { MessengerState } from '../../shared/model';
import type { MessengerApp } from '../app/app-core';
import { shellStrings } from './strings';

const TRAY_STATUSES = ['NLN', 'BSY', 'BRB', 'AWY', 'PHN', 'LUN', 'HDN'] as const;

function accountMenu(messengerApp: MessengerApp, account: AccountId, session: MessengerState['session'], showAccount: (account: AccountId) => void): MenuItemConstructorOptions {
  const online = session.state === 'online';
  return {
    label: shellStrings.tray.account(session),
    submenu: [
      { label: shellStrings.tray.open, click: () => showAccount(account) },
      { type: 'separator' },
      ...TRAY_STATUSES.map(
        (status): MenuItemConstructorOptions => ({
          label: shellStrings.tray.status(status),
          type: 'radio',
          checked: online && session.status === status,
          enabled: online,
          click: () => void messengerApp.dispatch('setStatus', [account, status]),
        }),
      ),
      { type: 'separator' },
      { label: shellStrings.tray.signOut, enabled: session.state !== 'offline', click: () => void messengerApp.dispatch('signOut', [account]) },
    ],
  };
}

export function createTray(messengerApp: MessengerApp, showAccount: (account: AccountId) => void): Tray {
  // Packaged builds carry assets/icon.png next to out/ (electron-builder `files`).
  const icon = nativeImage.createFromPath(join(app.getAppPath(), 'assets', 'icon.png')).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  let shown: readonly MessengerState['session'][] = [];
  const refresh = (): void => {
    const accounts = messengerApp.accountIds;
    const sessions = accounts.map((account) => messengerApp.snapshot(account).state.session);
    if (sessions.length === shown.length && sessions.every((session, index) => session === shown[index])) return;
    shown = sessions;
    tray.setToolTip(shellStrings.tray.tooltip(sessions));
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...accounts.map((account, index) => accountMenu(messengerApp, account, sessions[index] as MessengerState['session'], showAccount)),
        { type: 'separator' },
        { label: shellStrings.tray.anotherAccount, click: () => void messengerApp.dispatch('addAccount', []) },
        { type: 'separator' },
        { label: shellStrings.tray.exit, click: () => app.quit() },
      ]),
    );
  };
  tray.on('click', () => showAccount(messengerApp.accountIds[0] ?? FIRST_ACCOUNT));
  messengerApp.on('patch', ({ patch }) => {
    if (patch.session) refresh();
  });
  messengerApp.on('settings', refresh);
  refresh();
  return tray;
}
