import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, app, resetFakeElectron } from './fake-electron';
import { routeOfWindow, showContactListWindow, showConversationWindow } from './windows';

vi.mock('electron', () => import('./fake-electron'));

function fake(window: unknown): BrowserWindow {
  if (!(window instanceof BrowserWindow)) throw new Error('not a fake window');
  return window;
}

describe('windows', () => {
  beforeEach(() => resetFakeElectron());
  afterEach(() => {
    for (const window of BrowserWindow.getAllWindows()) window.close();
    vi.unstubAllEnvs();
  });

  it('creates every window sandboxed and context-isolated, without Node, with web security on', () => {
    const windows = [showContactListWindow(), showConversationWindow('a1', 'c1')].map(fake);
    for (const window of windows) {
      expect(window.options['webPreferences']).toEqual({
        preload: '/opt/msn-messenger/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
    }
  });

  it('loads the contact list route of the built renderer', () => {
    const window = fake(showContactListWindow());
    expect(window.loadURL).toHaveBeenCalledWith('file:///opt/msn-messenger/out/renderer/index.html#/contacts/a1');
  });

  it('loads from the electron-vite dev server when it runs, but never in a packaged app', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    app.isPackaged = false;
    expect(fake(showConversationWindow('a1', 'dev')).loadURL).toHaveBeenCalledWith('http://localhost:5173#/conversation/a1/dev');
    app.isPackaged = true;
    expect(fake(showConversationWindow('a1', 'packaged')).loadURL).toHaveBeenCalledWith(
      'file:///opt/msn-messenger/out/renderer/index.html#/conversation/a1/packaged',
    );
  });

  it('shows the window once it is ready to paint', () => {
    const window = fake(showContactListWindow());
    expect(window.options['show']).toBe(false);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  it('keeps one contact list window per account, and tells which account a window belongs to', () => {
    const first = fake(showContactListWindow('a1'));
    const second = fake(showContactListWindow('a2'));
    expect(second).not.toBe(first);
    expect(routeOfWindow(second as never).account).toBe('a2');
    const conversation = fake(showConversationWindow('a2', 'c1'));
    expect(routeOfWindow(conversation as never)).toMatchObject({ kind: 'conversation', account: 'a2' });
    expect(showConversationWindow('a1', 'c1')).not.toBe(conversation);
  });

  it('keeps one contact list window and brings it back instead of opening another', () => {
    const first = fake(showContactListWindow());
    first.minimized = true;
    expect(showContactListWindow()).toBe(first);
    expect(first.restore).toHaveBeenCalled();
    expect(first.focus).toHaveBeenCalled();
    first.close();
    expect(showContactListWindow()).not.toBe(first);
  });

  it('opens one window per conversation, with the id escaped in its route', () => {
    const window = fake(showConversationWindow('a1', 'a/b c'));
    expect(window.loadURL).toHaveBeenCalledWith(expect.stringMatching(/#\/conversation\/a1\/a%2Fb%20c$/));
    expect(showConversationWindow('a1', 'a/b c')).toBe(window);
    expect(showConversationWindow('a1', 'other')).not.toBe(window);
    window.close();
    expect(showConversationWindow('a1', 'a/b c')).not.toBe(window);
  });

  it('shows a conversation someone else started without taking the focus, and flashes it when it is open', () => {
    const window = fake(showConversationWindow('a1', 'in', { focus: false }));
    window.emit('ready-to-show');
    expect(window.showInactive).toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();
    expect(showConversationWindow('a1', 'in', { focus: false })).toBe(window);
    expect(window.flashFrame).toHaveBeenCalledWith(true);
    expect(window.focus).not.toHaveBeenCalled();
  });

  it('tells whoever opened a conversation window when it closes', () => {
    const onClosed = vi.fn();
    const window = fake(showConversationWindow('a1', 'bye', { onClosed }));
    window.close();
    expect(onClosed).toHaveBeenCalledOnce();
  });
});
