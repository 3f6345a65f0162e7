import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/model';
import { contact, FakeMsn, signedInState, TEST_ACCOUNT_SETTINGS, TEST_SETTINGS } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

function openFromMenu(menu: string, item: string) {
  fireEvent.click(screen.getByTestId(`menubar-${menu}`));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
}

const PEOPLE = [
  contact('mutual@example.com', 'Mutual Friend', 'NLN', ['FL', 'AL', 'RL']),
  contact('fan@example.com', 'A [b]Fan[/b]', 'FLN', ['AL', 'RL']),
  contact('mine@example.com', 'Only Mine', 'NLN', ['FL', 'AL']),
];

describe('People Who Have Added You', () => {
  it('lists the reverse list, marks who is on my list too, and adds a one-way person', async () => {
    const fake = new FakeMsn(signedInState(PEOPLE));
    await renderApp(fake);
    openFromMenu('tools', 'People Who Have Added You…');
    const dialog = screen.getByRole('dialog', { name: 'People Who Have Added You' });
    const list = within(dialog).getByRole('list', { name: 'People who have added you' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'A Fan <fan@example.com>One-way: not on your listAdd',
      'Mutual Friend <mutual@example.com>Mutual: on your list too',
    ]);
    expect(screen.getByTestId('added-you-mutual@example.com').dataset['mutual']).toBe('true');
    const add = within(dialog).getByRole('button', { name: 'Add A Fan to your contact list' });
    fireEvent.click(add);
    expect(fake.callsOf('addContact')).toEqual([['FL', 'fan@example.com']]);
    // Add waits while main adds; the person moves to mutual only with main's next patch.
    expect(add).toHaveProperty('disabled', true);
    await waitFor(() => expect(add).toHaveProperty('disabled', false));
    expect(within(dialog).queryByRole('list', { name: 'People who removed you' })).toBeNull();
  });

  it('is offered only while signed in', async () => {
    await renderApp(new FakeMsn());
    fireEvent.click(screen.getByTestId('menubar-tools'));
    expect(screen.getByRole('menuitem', { name: 'People Who Have Added You…' }).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('someone removed me while I was away', () => {
  const removedBy = [
    { handle: 'gone@example.com', friendlyName: 'Gone' },
    { handle: 'left@example.com', friendlyName: 'Left [c=4]Too[/c]' },
  ];

  it('says so in a notice above the list, never a dialog, and the notice leads to the view that keeps them', async () => {
    const fake = new FakeMsn(signedInState(PEOPLE, { removedBy }));
    await renderApp(fake);
    expect(screen.queryByRole('dialog')).toBeNull();
    const notice = screen.getByTestId('removed-by-notice');
    expect(notice.textContent).toMatch(/^Gone and Left Too removed you from their contact lists since you last signed in\./);
    fireEvent.click(within(notice).getByRole('button', { name: 'See who has added you' }));
    const dialog = screen.getByRole('dialog', { name: 'People Who Have Added You' });
    const removed = within(dialog).getByRole('list', { name: 'People who removed you' });
    expect(within(removed).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Gone <gone@example.com>', 'Left Too <left@example.com>']);
  });

  it('goes away when dismissed, and comes back for someone new', async () => {
    const fake = new FakeMsn(signedInState(PEOPLE, { removedBy: removedBy.slice(0, 1) }));
    await renderApp(fake);
    fireEvent.click(within(screen.getByTestId('removed-by-notice')).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('removed-by-notice')).toBeNull();
    act(() => fake.emit('patch', { removedBy }));
    expect(screen.getByTestId('removed-by-notice').textContent).toMatch(/^Left Too removed you from their contact list since/);
  });
});

describe('several accounts', () => {
  it('adds an account from the File menu and opens the console from Tools, for this window\'s account', async () => {
    const fake = new FakeMsn();
    await renderApp(fake);
    openFromMenu('file', 'Sign In with Another Account…');
    openFromMenu('tools', 'Protocol Console');
    expect(fake.calls.filter(({ name }) => name === 'addAccount' || name === 'openProtocolConsole')).toEqual([
      { name: 'addAccount', args: [] },
      { name: 'openProtocolConsole', args: [] },
    ]);
  });

  it('titles the contact-list window with the address signed in on it, and a sign-in form with the app\'s name', async () => {
    const fake = new FakeMsn();
    await renderApp(fake);
    expect(document.title).toBe('MSN Messenger');
    act(() => fake.emit('patch', { session: signedInState().session }));
    expect(document.title).toBe('you@demo.msn - MSN Messenger');
    act(() => fake.emit('patch', { session: { ...signedInState().session, state: 'offline' } }));
    expect(document.title).toBe('MSN Messenger');
  });

  it('names the account in a conversation window\'s title once the app has more than one', async () => {
    const conversation: Conversation = { id: 'c1', participants: [{ handle: 'bob@example.com', friendlyName: 'Bob' }], entries: [], typing: [], connected: true };
    const state = signedInState([], { conversations: { c1: conversation } });
    await renderApp(new FakeMsn(state), '#/conversation/a1/c1');
    expect(document.title).toBe('Bob - Conversation');
    const two = new FakeMsn(state, { ...TEST_SETTINGS, accounts: { a1: TEST_ACCOUNT_SETTINGS, a2: TEST_ACCOUNT_SETTINGS } });
    await renderApp(two, '#/conversation/a1/c1');
    expect(document.title).toBe('Bob - Conversation (as you@demo.msn)');
  });
});
