import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation, TranscriptEntry } from '../../../../shared/model';
import { App } from '../../App';
import { StoreProvider } from '../../store/context';
import { createMessengerStore } from '../../store/store';
import { connectStore } from '../../store/sync';
import { contact, FakeMsn, signedInState } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

const alice = contact('alice@example.com', 'Alice');
const bob = contact('bob@example.com', 'Bob');

const entries: TranscriptEntry[] = [
  { type: 'system', id: 's1', kind: 'joined', event: { type: 'joined', name: 'Alice' }, at: 1 },
  {
    type: 'message',
    id: 'm1',
    from: 'alice@example.com',
    fromName: 'Alice',
    sentAt: Date.UTC(2024, 0, 5, 14, 30),
    text: 'Hello there\nsecond line',
    delivery: 'received',
    format: {
      font: 'Comic Sans MS',
      bold: true,
      italic: true,
      underline: true,
      strikethrough: false,
      color: '#0000ff',
      charset: '0',
      pitchFamily: '22',
    },
  },
  {
    type: 'message',
    id: 'm2',
    from: 'you@demo.msn',
    fromName: 'You',
    sentAt: Date.UTC(2024, 0, 5, 14, 31),
    text: 'Are you there?',
    delivery: 'failed',
    failedFor: ['alice@example.com'],
  },
];

const conversation: Conversation = {
  id: 'c1',
  participants: [{ handle: alice.handle, friendlyName: 'Alice' }],
  entries,
  typing: [],
  connected: true,
  lastReceivedAt: Date.UTC(2024, 0, 5, 14, 30),
};

function fakeWith(overrides: Partial<Conversation> = {}): FakeMsn {
  return new FakeMsn(signedInState([alice, bob], { conversations: { c1: { ...conversation, ...overrides } } }));
}

afterEach(() => {
  window.localStorage.clear();
});

/** Types a message and sends it with Enter, waiting for the composer to empty as it does once main has the message. */
async function sendWithEnter(text: string): Promise<void> {
  const composer = screen.getByRole('textbox', { name: 'Type your message' });
  fireEvent.change(composer, { target: { value: text } });
  fireEvent.keyDown(composer, { key: 'Enter' });
  await waitFor(() => expect(composer).toHaveProperty('value', ''));
}

describe('conversation window', () => {
  it('shows who I am talking to, with the status of those on my lists', async () => {
    const fake = new FakeMsn(
      signedInState([alice, contact('bob@example.com', 'Bob', 'BSY')], {
        conversations: {
          c1: {
            ...conversation,
            participants: [
              { handle: alice.handle, friendlyName: 'Alice' },
              { handle: bob.handle, friendlyName: 'Bob' },
              { handle: 'stranger@example.com', friendlyName: 'Stranger' },
            ],
          },
        },
      }),
    );
    await renderApp(fake, '#/conversation/c1');
    const line = screen.getByTestId('participants');
    const people = 'Alice <alice@example.com> (Online), Bob <bob@example.com> (Busy), Stranger <stranger@example.com>';
    expect(line.textContent).toBe(`To: ${people}`);
    expect(line.getAttribute('title')).toBe(people);
    expect(document.title).toBe('Alice, Bob, Stranger - Conversation');
  });

  it('renders messages with "X says:", the time and the sender’s format', async () => {
    await renderApp(fakeWith(), '#/conversation/c1');
    const [first] = screen.getAllByTestId('message');
    expect(first?.textContent).toMatch(/^Alice says:/);
    expect(within(first as HTMLElement).getByRole('time')).toBeTruthy();
    const text = within(first as HTMLElement).getByTestId('message-text');
    expect(text.textContent).toBe('Hello there\nsecond line');
    expect(text.style.fontFamily).toContain('Comic Sans MS');
    expect(text.style.fontWeight).toBe('bold');
    expect(text.style.fontStyle).toBe('italic');
    expect(text.style.textDecorationLine).toBe('underline');
    expect(text.style.color).toMatch(/#0000ff|rgb\(0, 0, 255\)/);
    expect(screen.getByTestId('system-line').textContent).toBe('Alice has joined the conversation.');
  });

  it('drops format values that fail validation', async () => {
    const hostile = {
      ...entries[1],
      format: { font: 'x; background: url(evil)', bold: false, italic: false, underline: false, strikethrough: false, color: 'red; x', charset: '0', pitchFamily: '22' },
    } as TranscriptEntry;
    await renderApp(fakeWith({ entries: [hostile] }), '#/conversation/c1');
    const text = screen.getByTestId('message-text');
    expect(text.getAttribute('style') ?? '').not.toMatch(/evil|red/);
  });

  it('marks a failed message and resends it', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    const failed = screen.getAllByTestId('message')[1] as HTMLElement;
    expect(failed.textContent).toMatch(/The following message could not be delivered to all recipients:/);
    expect(failed.textContent).toMatch(/Are you there\?/);
    fireEvent.click(within(failed).getByRole('button', { name: 'Resend' }));
    expect(fake.callsOf('resendMessage')).toEqual([['c1', 'm2']]);
  });

  it('names who did not get a failed message, with their addresses as the tooltip', async () => {
    const failed = { ...entries[2], failedFor: ['alice@example.com', 'bob@example.com', 'stranger@example.com'] } as TranscriptEntry;
    await renderApp(fakeWith({ entries: [failed] }), '#/conversation/c1');
    const line = screen.getByText(/^Not delivered to/);
    expect(line.textContent).toBe('Not delivered to Alice, Bob, stranger@example.com. ');
    expect(line.getAttribute('title')).toBe('alice@example.com, bob@example.com, stranger@example.com');
  });

  it('shows who is typing in the status bar, in place of when the last message arrived', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    const typing = screen.getByTestId('typing');
    expect(typing.textContent).toBe('');
    expect(typing.getAttribute('role')).toBe('status');
    act(() => fake.emit('patch', { conversations: { set: { c1: { ...conversation, typing: ['alice@example.com'] } }, remove: [] } }));
    expect(screen.getByTestId('typing').textContent).toBe('Alice is typing a message.');
    expect(screen.getByTestId('status-bar').textContent).toBe('Alice is typing a message.');
    act(() => fake.emit('patch', { conversations: { set: { c1: conversation }, remove: [] } }));
    expect(screen.getByTestId('status-bar').textContent).toMatch(/^Last message received at/);
  });

  it('blocks someone in the conversation from the toolbar’s Block menu', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    fireEvent.click(screen.getByRole('button', { name: 'Block' }));
    const menu = screen.getByRole('menu', { name: 'Block or unblock someone in this conversation' });
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Block Alice' }));
    expect(fake.callsOf('blockContact')).toEqual([['alice@example.com']]);
  });

  it('opens the Block menu with ArrowDown and gives focus back to the button on Escape', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    const button = screen.getByTestId('toolbar-block');
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'Block or unblock someone in this conversation' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Block Alice' }));
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('offers Unblock for someone already blocked, and reports a failure in the banner', async () => {
    const fake = new FakeMsn(signedInState([contact(alice.handle, 'Alice', 'NLN', ['FL', 'BL'])], { conversations: { c1: conversation } }));
    fake.respond('unblockContact', () => ({ ok: false, error: { kind: 'input', reason: 'not-signed-in' } }));
    await renderApp(fake, '#/conversation/c1');
    fireEvent.click(screen.getByTestId('toolbar-block'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Unblock Alice' }));
    expect(fake.callsOf('unblockContact')).toEqual([['alice@example.com']]);
    expect((await screen.findByTestId('banner')).textContent).toMatch('You are not signed in.');
  });

  it("leaves conversations' errors to their transcripts, and shows the others in the banner", async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    for (const conversationId of ['c1', 'c2']) {
      act(() => fake.emit('notice', { kind: 'error', conversationId, error: { kind: 'input', reason: 'nobody-to-call' } }));
      expect(screen.queryByTestId('banner')).toBeNull();
      expect(screen.getByTestId('live-region').textContent).toBe('');
    }
    act(() => fake.emit('notice', { kind: 'error', error: { kind: 'network', reason: 'keep-alive-lost' } }));
    expect(screen.getByTestId('banner').textContent).toMatch('The server stopped answering; the connection was lost.');
  });

  it('says when nothing has arrived yet', async () => {
    await renderApp(fakeWith({ lastReceivedAt: undefined }), '#/conversation/c1');
    expect(screen.getByTestId('status-bar').textContent).toBe('No messages received yet.');
  });

  it('sends on Enter, keeps Shift+Enter for a new line, and tells the others I am typing', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    const composer = screen.getByRole('textbox', { name: 'Type your message' });
    fireEvent.change(composer, { target: { value: 'line one' } });
    expect(fireEvent.keyDown(composer, { key: 'Enter', shiftKey: true })).toBe(true);
    expect(fake.callsOf('sendMessage')).toEqual([]);
    fireEvent.change(composer, { target: { value: 'line one\nline two' } });
    fireEvent.keyDown(composer, { key: 'Enter' });
    await waitFor(() => expect(composer).toHaveProperty('value', ''));
    expect(fake.callsOf('sendMessage')).toEqual([['c1', 'line one\nline two', expect.objectContaining({ font: 'MS Sans Serif' })]]);
    expect(fake.callsOf('sendTyping')).toEqual([['c1'], ['c1']]);
  });

  it('passes every keystroke on to main, which decides when the others hear I am typing', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const composer = screen.getByRole('textbox', { name: 'Type your message' });
      for (let length = 1; length <= 40; length++) {
        fireEvent.change(composer, { target: { value: 'x'.repeat(length) } });
        vi.advanceTimersByTime(300);
      }
      fireEvent.change(composer, { target: { value: '' } });
      expect(fake.callsOf('sendTyping')).toHaveLength(40);
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears only the text it sent, keeping what I typed while it was being sent', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    let answer: (result: { ok: true; value: string }) => void = () => {};
    window.msn = { ...fake.api, sendMessage: () => new Promise((resolve) => (answer = resolve)) };
    const composer = screen.getByRole('textbox', { name: 'Type your message' });
    fireEvent.change(composer, { target: { value: 'first' } });
    fireEvent.keyDown(composer, { key: 'Enter' });
    fireEvent.change(composer, { target: { value: 'first and more' } });
    await act(async () => answer({ ok: true, value: 'm9' }));
    expect(composer).toHaveProperty('value', ' and more');
  });

  it('keeps my text and shows the reason when sending fails', async () => {
    const fake = fakeWith();
    fake.respond('sendMessage', () => ({ ok: false, error: { kind: 'protocol', reason: 'server-error', code: 217 } }));
    await renderApp(fake, '#/conversation/c1');
    const composer = screen.getByRole('textbox', { name: 'Type your message' });
    fireEvent.change(composer, { target: { value: 'hello' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByTestId('banner')).textContent).toMatch('The person you invited is not available for a conversation right now.');
    expect(composer).toHaveProperty('value', 'hello');
  });

  it('sends my messages in the font chosen in the Font dialog', async () => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    fireEvent.click(screen.getByRole('button', { name: 'Font' }));
    const dialog = screen.getByRole('dialog', { name: 'Font' });
    fireEvent.change(within(dialog).getByLabelText('Font'), { target: { value: 'Verdana' } });
    fireEvent.click(within(dialog).getByLabelText('Bold'));
    fireEvent.change(within(dialog).getByLabelText('Colour'), { target: { value: '#800000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await sendWithEnter('styled');
    expect(fake.callsOf('sendMessage')[0]?.[2]).toMatchObject({ font: 'Verdana', bold: true, color: '#800000' });
  });

  it.each([
    ['Times New Roman', '12'],
    ['Courier New', '31'],
    ['Comic Sans MS', '42'],
    ['Arial', '22'],
  ])('sends %s with its own pitch and family (%s)', async (font, pitchFamily) => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    fireEvent.click(screen.getByRole('button', { name: 'Font' }));
    const dialog = screen.getByRole('dialog', { name: 'Font' });
    fireEvent.change(within(dialog).getByLabelText('Font'), { target: { value: font } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await sendWithEnter('styled');
    expect(fake.callsOf('sendMessage')[0]?.[2]).toMatchObject({ font, pitchFamily });
  });

  it.each(['menu', 'toolbar'])('invites an online contact who is not in the conversation yet (from the %s)', async (from) => {
    const fake = fakeWith();
    await renderApp(fake, '#/conversation/c1');
    if (from === 'toolbar') {
      fireEvent.click(screen.getByRole('button', { name: 'Invite Someone to This Conversation' }));
    } else {
      fireEvent.click(screen.getByTestId('menubar-actions'));
      fireEvent.click(screen.getByRole('menuitem', { name: 'Invite Someone to This Conversation…' }));
    }
    const dialog = screen.getByRole('dialog', { name: 'Invite Someone to This Conversation' });
    expect(within(dialog).getAllByRole('option').map((option) => option.textContent)).toEqual(['Bob <bob@example.com>']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(fake.callsOf('inviteToConversation')).toEqual([['c1', 'bob@example.com']]);
    // The dialog closes once main has taken the invitation.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens Format with Alt+O, since File has Alt+F', async () => {
    await renderApp(fakeWith(), '#/conversation/c1');
    fireEvent.keyDown(window, { key: 'o', altKey: true });
    fireEvent.keyDown(screen.getByRole('menu', { name: 'Format' }), { key: 'Enter' });
    expect(screen.getByRole('dialog', { name: 'Font' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.keyDown(window, { key: 'f', altKey: true });
    expect(screen.getByRole('menu', { name: 'File' })).toBeTruthy();
  });

  it('says when the last message arrived', async () => {
    await renderApp(fakeWith(), '#/conversation/c1');
    expect(screen.getByTestId('status-bar').textContent).toMatch(/^Last message received at .+ on .+\.$/);
  });

  it('says the conversation has ended when main no longer has it', async () => {
    await renderApp(fakeWith(), '#/conversation/gone');
    expect(screen.getByText('This conversation has ended.')).toBeTruthy();
    expect(document.title).toBe('Conversation');
  });
});

describe('opening', () => {
  const reactGlobals = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const actEnvironment = reactGlobals.IS_REACT_ACT_ENVIRONMENT;
  afterEach(() => {
    reactGlobals.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  });

  it('takes in its snapshot without drawing the window in the same task, and draws it after', async () => {
    const fake = fakeWith();
    fake.pushesSnapshot = false;
    window.msn = fake.api;
    window.location.hash = '#/conversation/c1';
    const store = createMessengerStore();
    connectStore(store, { intervalMs: 0 });
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    // act() would draw everything before returning: from here React schedules its work as in a window.
    reactGlobals.IS_REACT_ACT_ENVIRONMENT = false;
    fake.emit('snapshot', { state: fake.state, settings: fake.settings });
    // What must be drawn in the snapshot's own task is drawn by the end of its microtasks.
    await Promise.resolve();
    expect(store.getState().ready).toBe(true);
    expect(screen.queryByTestId('composer')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('composer')).toBeTruthy());
  });
});

describe('invite with nobody to invite', () => {
  it('says so and offers only a button that closes', async () => {
    const fake = new FakeMsn(signedInState([alice], { conversations: { c1: conversation } }));
    await renderApp(fake, '#/conversation/c1');
    fireEvent.click(screen.getByTestId('toolbar-invite'));
    const dialog = screen.getByRole('dialog', { name: 'Invite Someone to This Conversation' });
    expect(dialog.textContent).toMatch('None of your online contacts can be invited.');
    const buttons = within(dialog).getAllByRole('button').filter((button) => button.getAttribute('aria-label') !== 'Close');
    expect(buttons.map((button) => button.textContent)).toEqual(['OK']);
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.click(buttons[0] as HTMLElement);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
