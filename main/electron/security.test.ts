import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../app/csp';
import { FakeWebContents, resetFakeElectron, session } from './fake-electron';
import { lockDownSession, lockDownWebContents } from './security';

vi.mock('electron', () => import('./fake-electron'));

type Contents = Parameters<typeof lockDownWebContents>[0];
type Session = Parameters<typeof lockDownSession>[0];

function cancellable() {
  return { preventDefault: vi.fn() };
}

describe('lockDownWebContents', () => {
  it('cancels every navigation away from the app page', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as unknown as Contents);
    const navigation = cancellable();
    contents.emit('will-navigate', navigation, 'https://example.com/');
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open and link with a target', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as unknown as Contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as unknown as Contents);
    const attach = cancellable();
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('lockDownSession', () => {
  beforeEach(() => {
    resetFakeElectron();
    lockDownSession(session.defaultSession as unknown as Session, CONTENT_SECURITY_POLICY);
  });

  it('denies every permission request and check but writing text to the clipboard', () => {
    const callback = vi.fn();
    const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession;
    const request = permissionRequestHandler as (...args: unknown[]) => void;
    const check = permissionCheckHandler as (...args: unknown[]) => boolean;
    request({}, 'media', callback);
    request({}, 'clipboard-read', callback);
    request({}, 'clipboard-sanitized-write', callback);
    expect(callback.mock.calls).toEqual([[false], [false], [true]]);
    expect(check({}, 'notifications')).toBe(false);
    expect(check({}, 'clipboard-read')).toBe(false);
    expect(check({}, 'clipboard-sanitized-write')).toBe(true);
  });

  it('adds the Content-Security-Policy header to every response, keeping the others', () => {
    const callback = vi.fn();
    session.defaultSession.headersListener?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});

describe('Content-Security-Policy', () => {
  it('is the same in the header and in the <meta> of renderer/index.html', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows only the app itself: no remote or inline scripts or styles, plugins, base or form targets', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});
