import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../../shared/model';
import { contact, FakeMsn, signedInState, TEST_SETTINGS } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';
import { neighbour } from './use-conversation-shortcuts';

const alice = contact('alice@example.com', 'Alice');
const chat = (id: string): Conversation => ({ id, participants: [{ handle: alice.handle, friendlyName: 'Alice' }], entries: [], typing: [], connected: true });

function threeConversations(settings = TEST_SETTINGS): FakeMsn {
  return new FakeMsn(signedInState([alice], { conversations: { c1: chat('c1'), c2: chat('c2'), c3: chat('c3') } }), settings);
}

afterEach(() => vi.restoreAllMocks());

describe('keyboard shortcuts', () => {
  it('steps to the next and previous conversation, wrapping round', () => {
    expect(neighbour(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(neighbour(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(neighbour(['a'], 'a', 1)).toBeUndefined();
  });

  it('shows the next window on Ctrl+Tab and the previous on Ctrl+Shift+Tab', async () => {
    const fake = threeConversations();
    await renderApp(fake, '#/conversation/c2');
    fireEvent.keyDown(screen.getByTestId('composer'), { key: 'Tab', ctrlKey: true });
    fireEvent.keyDown(screen.getByTestId('composer'), { key: 'Tab', ctrlKey: true, shiftKey: true });
    expect(fake.callsOf('showConversation')).toEqual([['c3'], ['c1']]);
  });

  it('closes the conversation with Ctrl+W and with Esc', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const fake = threeConversations();
    await renderApp(fake, '#/conversation/c1');
    fireEvent.keyDown(screen.getByTestId('composer'), { key: 'w', ctrlKey: true });
    fireEvent.keyDown(screen.getByTestId('composer'), { key: 'Escape' });
    await waitFor(() => expect(close).toHaveBeenCalledTimes(2));
    expect(fake.callsOf('closeConversation')).toEqual([['c1'], ['c1']]);
  });

  it('keeps the conversation open on Esc when that is turned off in Options', async () => {
    const patient = threeConversations({ ...TEST_SETTINGS, escapeClosesConversation: false });
    await renderApp(patient, '#/conversation/c1');
    fireEvent.keyDown(screen.getByTestId('composer'), { key: 'Escape' });
    expect(patient.callsOf('closeConversation')).toEqual([]);
  });

  it('lets Esc close an open dialog without closing the conversation', async () => {
    const fake = threeConversations();
    await renderApp(fake, '#/conversation/c1');
    fireEvent.click(screen.getByTestId('font-button'));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.callsOf('closeConversation')).toEqual([]);
  });

  it('finds a contact with Ctrl+F in the contact list', async () => {
    await renderApp(new FakeMsn(signedInState([alice])));
    act(() => {
      fireEvent.keyDown(window, { key: 'f', ctrlKey: true });
    });
    expect(document.activeElement).toBe(screen.getByTestId('contact-filter'));
  });

  it('lists the shortcuts under Help in both windows', async () => {
    await renderApp(new FakeMsn(signedInState([alice])));
    fireEvent.click(screen.getByTestId('menubar-help'));
    fireEvent.click(screen.getByTestId('menu-shortcuts'));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard Shortcuts' });
    const rows = within(dialog).getAllByRole('row').map((row) => row.textContent);
    for (const keys of ['Ctrl+F', 'Ctrl+Tab', 'Ctrl+Shift+Tab', 'Ctrl+W', 'Esc']) expect(rows.some((row) => row?.startsWith(keys))).toBe(true);
  });
});
