import { describe, expect, it, vi } from 'vitest';
import type { IpcEvents } from '../../../shared/ipc';
import { INITIAL_STATE } from '../../../shared/model';
import type { HostMessage } from '../../../shared/web-protocol';
import { createWebBridge } from './web-bridge';

/** Just enough of a browser WebSocket for the bridge, driven by the test. */
class FakeSocket extends EventTarget {
  readonly OPEN = 1;
  readyState = 0;
  readonly sent: unknown[] = [];

  constructor(readonly url: string) {
    super();
  }

  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }

  open(): void {
    this.readyState = 1;
    this.dispatchEvent(new Event('open'));
  }

  receive(message: HostMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  drop(): void {
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
}

function setUp(pageUrl = 'http://127.0.0.1:5000/?token=abc#/conversation/c1') {
  const sockets: FakeSocket[] = [];
  const reconnects: (() => void)[] = [];
  const openWindow = vi.fn((_url: string, _target: string) => true);
  const msn = createWebBridge({
    pageUrl,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    openWindow,
    schedule: (reconnect) => reconnects.push(reconnect),
  });
  const socket = () => sockets.at(-1) as FakeSocket;
  return { msn, sockets, socket, reconnects, openWindow };
}

describe('the browser host bridge', () => {
  it('opens a clicked link in a new tab itself, and refuses one that is not web or e-mail', async () => {
    const { msn, socket, openWindow } = setUp();
    socket().open();
    expect(await msn.openLink('https://Example.com/a')).toEqual({ ok: true, value: undefined });
    expect(await msn.openLink('mailto:bob@example.com')).toEqual({ ok: true, value: undefined });
    expect(await msn.openLink('javascript:alert(1)')).toEqual({ ok: false, error: { kind: 'input', reason: 'link-refused' } });
    expect(openWindow.mock.calls).toEqual([
      ['https://example.com/a', '_blank'],
      ['mailto:bob@example.com', '_blank'],
    ]);
    expect(socket().sent).toEqual([]);
  });

  it('connects to the host with the page token and route', () => {
    const { socket } = setUp();
    expect(socket().url).toBe('ws://127.0.0.1:5000/ws?token=abc&page=%2Fconversation%2Fc1');
  });

  it('has one method per command and `on`, nothing else', () => {
    const { msn } = setUp();
    expect(Object.keys(msn)).toContain('signIn');
    expect(Object.keys(msn)).toContain('on');
    expect(Object.isFrozen(msn)).toBe(true);
  });

  it('sends commands made before the socket opened, and resolves each with its own result', async () => {
    const { msn, socket } = setUp();
    const status = msn.setStatus('a1', 'BSY');
    const conversation = msn.openConversation('a1', 'bob@x.com');
    socket().open();
    expect(socket().sent).toEqual([
      { type: 'command', id: 1, name: 'setStatus', args: ['a1', 'BSY'] },
      { type: 'command', id: 2, name: 'openConversation', args: ['a1', 'bob@x.com'] },
    ]);
    socket().receive({ type: 'result', id: 2, result: { ok: true, value: 'c7' } });
    socket().receive({ type: 'result', id: 1, result: { ok: true, value: undefined } });
    await expect(conversation).resolves.toEqual({ ok: true, value: 'c7' });
    await expect(status).resolves.toEqual({ ok: true, value: undefined });
  });

  it('delivers events to their listeners until they unsubscribe', () => {
    const { msn, socket } = setUp();
    const snapshots = vi.fn();
    const off = msn.on('snapshot', snapshots);
    const payload = { account: 'a1', state: INITIAL_STATE, settings: {} as never };
    socket().receive({ type: 'event', name: 'snapshot', payload });
    off();
    socket().receive({ type: 'event', name: 'snapshot', payload });
    expect(snapshots).toHaveBeenCalledExactlyOnceWith(payload);
    expect(() => msn.on('nope' as 'patch', () => {})).toThrow('Unknown event');
  });

  it('fails pending commands when the host goes away, says so once, and reconnects', async () => {
    const { msn, sockets, socket, reconnects } = setUp();
    const notices: IpcEvents['notice'][] = [];
    msn.on('notice', (notice) => notices.push(notice));
    socket().open();
    const pending = msn.signOut('a1');
    socket().drop();
    const lost = { kind: 'network', reason: 'host-lost' };
    await expect(pending).resolves.toEqual({ ok: false, error: lost });
    expect(reconnects).toHaveLength(1);
    reconnects.shift()?.();
    socket().drop();
    expect(notices).toEqual([{ account: 'a1', notice: { kind: 'error', error: lost } }]);
    reconnects.shift()?.();
    expect(sockets).toHaveLength(3);
    socket().open();
    void msn.reportActivity();
    expect(socket().sent).toEqual([{ type: 'command', id: 2, name: 'reportActivity', args: [] }]);
  });

  it('never sends later a command whose caller was already told it failed', async () => {
    const { msn, socket, reconnects } = setUp();
    const queued = msn.setStatus('a1', 'AWY');
    socket().drop();
    await expect(queued).resolves.toMatchObject({ ok: false });
    reconnects.shift()?.();
    socket().open();
    expect(socket().sent).toEqual([]);
  });

  it('opens the windows the host asks for, and only same-origin or web pages', () => {
    const { socket, openWindow } = setUp('http://127.0.0.1:5000/?token=abc#/contacts');
    socket().receive({ type: 'open', url: '/?token=abc#/conversation/c2', target: 'msn-conversation-c2' });
    socket().receive({ type: 'open', url: 'javascript:alert(1)', target: '_blank' });
    socket().receive({ type: 'open', url: 'https://mail.example.com/inbox', target: '_blank' });
    expect(openWindow.mock.calls).toEqual([
      ['http://127.0.0.1:5000/?token=abc#/conversation/c2', 'msn-conversation-c2'],
      ['https://mail.example.com/inbox', '_blank'],
    ]);
  });

  it('tells the user when the browser blocks a conversation window', () => {
    const { msn, socket, openWindow } = setUp('http://127.0.0.1:5000/?token=abc#/contacts');
    openWindow.mockReturnValue(false);
    const notices: IpcEvents['notice'][] = [];
    msn.on('notice', (notice) => notices.push(notice));
    socket().receive({ type: 'open', url: '/?token=abc#/conversation/c2', target: 'msn-conversation-c2' });
    expect(notices).toEqual([
      { account: 'a1', notice: { kind: 'error', error: { kind: 'unsupported', reason: 'popups-blocked' } } },
    ]);
  });
});
