import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../../shared/ipc';
import type { Conversation } from '../../../../shared/model';
import { contact, FakeMsn, signedInState, TEST_SETTINGS } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';
import { TOAST_MS } from './use-alerts';

/** The frequency of every note started, in order. */
let played: number[];

class FakeAudioContext {
  state = 'suspended';
  currentTime = 0;
  readonly destination = {};
  readonly resume = vi.fn(() => {
    this.state = 'running';
    return Promise.resolve();
  });

  createOscillator() {
    let frequency = 0;
    return {
      type: 'square',
      frequency: { setValueAtTime: (value: number) => (frequency = value) },
      connect: vi.fn(),
      start: () => played.push(frequency),
      stop: vi.fn(),
    };
  }

  createGain() {
    return { gain: { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() }, connect: vi.fn() };
  }
}

const MESSAGE: Notice = { kind: 'message', conversationId: 'c1', from: 'zed@example.com', fromName: 'Zed', text: 'hi!' };
const ONLINE: Notice = { kind: 'online', handle: 'zed@example.com', friendlyName: 'Zed' };
const MAIL: Notice = { kind: 'new-mail', from: 'Ann', subject: 'Lunch' };

beforeAll(() => {
  vi.stubGlobal('AudioContext', FakeAudioContext);
});
beforeEach(() => {
  played = [];
});
afterEach(() => {
  vi.useRealTimers();
  window.localStorage.clear();
});

let current: FakeMsn | undefined;
const emitNotice = (notice: Notice) => current?.emit('notice', notice);

async function contactList(settings: Partial<typeof TEST_SETTINGS> = {}) {
  const fake = new FakeMsn(signedInState([contact('zed@example.com', 'Zed')]), { ...TEST_SETTINGS, ...settings });
  current = fake;
  await renderApp(fake);
  return fake;
}

describe('sounds', () => {
  it('plays a different chime for a message, a contact signing in and new mail', async () => {
    const fake = await contactList();
    for (const notice of [MESSAGE, ONLINE, MAIL]) act(() => fake.emit('notice', notice));
    act(() => fake.emit('notice', { kind: 'added-by', handle: 'zed@example.com', friendlyName: 'Zed' }));
    expect(played).toEqual([880, 1318.51, 523.25, 659.25, 783.99, 987.77, 783.99]);
  });

  it('plays nothing when "Play sounds" is off', async () => {
    const fake = await contactList({ sounds: false });
    for (const notice of [MESSAGE, ONLINE, MAIL]) act(() => fake.emit('notice', notice));
    expect(played).toEqual([]);
  });

  it('stays quiet about a message in the conversation whose window has the focus', async () => {
    const fake = await contactList();
    // What the window of c1 records when it takes the focus from the contact list.
    window.localStorage.setItem('msn.focusedConversation', 'c1');
    act(() => fake.emit('notice', MESSAGE));
    expect(played).toEqual([]);
    expect(screen.queryByTestId('toast')).toBeNull();
    act(() => fake.emit('notice', { ...MESSAGE, conversationId: 'c2' }));
    expect(played).toEqual([880, 1318.51]);
  });
});

describe('alerts', () => {
  it('shows a toast that hides itself after a few seconds, and announces it', async () => {
    const fake = await contactList();
    vi.useFakeTimers();
    act(() => fake.emit('notice', MESSAGE));
    expect(screen.getByTestId('toast').textContent).toBe('Zed says: hi!');
    expect(screen.getByTestId('live-region').textContent).toBe('Zed says: hi!');
    // The same words go to main as a system notification (shown while no window has the focus).
    expect(fake.callsOf('notify')).toEqual([[{ title: 'MSN Messenger', body: 'Zed says: hi!' }]]);
    act(() => {
      vi.advanceTimersByTime(TOAST_MS - 1);
    });
    act(() => fake.emit('notice', MAIL));
    expect(screen.getByTestId('toast').textContent).toBe('New e-mail from Ann: Lunch');
    act(() => {
      vi.advanceTimersByTime(TOAST_MS - 1);
    });
    expect(screen.getByTestId('toast')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('shows no toast when "Show alerts" is off, and none for errors', async () => {
    const fake = await contactList({ toasts: false });
    act(() => fake.emit('notice', ONLINE));
    expect(screen.queryByTestId('toast')).toBeNull();
    expect(screen.getByTestId('live-region').textContent).toBe('Zed has just signed in.');
    act(() => fake.emit('notice', { kind: 'error', error: { kind: 'network', reason: 'connection-lost' } }));
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});

describe('per-contact alerts', () => {
  const watching = { 'you@demo.msn': { 'zed@example.com': { alertOnSignIn: true, sound: 'knock' as const } } };

  it('alerts when a watched contact signs in even with alerts off, with their own sound', async () => {
    await contactList({ toasts: false, contactPreferences: watching });
    act(() => emitNotice(ONLINE));
    expect(screen.getByTestId('toast').textContent).toBe('Zed has just signed in.');
    expect(screen.getByTestId('toast').getAttribute('data-sound')).toBe('knock');
    expect(played).toEqual([196, 196]);
  });

  it('stays quiet about someone else signing in while alerts are off', async () => {
    await contactList({ toasts: false, contactPreferences: watching });
    act(() => emitNotice({ kind: 'online', handle: 'amy@example.com', friendlyName: 'Amy' }));
    expect(screen.queryByTestId('toast')).toBeNull();
    expect(played).toEqual([]);
  });

  it('keeps a contact’s sound silent when they have none, and strips Plus! tags from the toast', async () => {
    await contactList({ contactPreferences: { 'you@demo.msn': { 'zed@example.com': { alertOnSignIn: false, sound: 'none' } } } });
    act(() => emitNotice({ ...MESSAGE, fromName: '[c=4]Zed[/c]', text: '[b]hi![/b]' }));
    expect(screen.getByTestId('toast').textContent).toBe('Zed says: hi!');
    expect(played).toEqual([]);
  });
});

describe('the focused conversation', () => {
  const conversation: Conversation = { id: 'c1', participants: [{ handle: 'zed@example.com', friendlyName: 'Zed' }], entries: [], typing: [], connected: true };

  it('is recorded by its window while it has the focus, and cleared when the contact list takes it', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    const { unmount } = await renderApp(fake, '#/conversation/c1');
    act(() => void fireEvent.focus(window));
    expect(window.localStorage.getItem('msn.focusedConversation')).toBe('c1');
    act(() => void fireEvent.blur(window));
    expect(window.localStorage.getItem('msn.focusedConversation')).toBeNull();
    act(() => void fireEvent.focus(window));
    unmount();
    expect(window.localStorage.getItem('msn.focusedConversation')).toBeNull();

    window.localStorage.setItem('msn.focusedConversation', 'c1');
    await renderApp(fake);
    act(() => void fireEvent.focus(window));
    expect(window.localStorage.getItem('msn.focusedConversation')).toBeNull();
  });
});
