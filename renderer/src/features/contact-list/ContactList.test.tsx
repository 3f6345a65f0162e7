import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contact, FakeMsn, signedInState } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

const people = [
  contact('zed@example.com', 'Zed', 'NLN'),
  contact('amy@example.com', 'amy', 'BSY'),
  contact('bob@example.com', 'Bob', 'FLN'),
  contact('carl@example.com', 'Carl', 'AWY'),
  contact('alan@example.com', 'Alan', 'FLN'),
  contact('stranger@example.com', 'Stranger', 'NLN', ['RL']),
];

function rowNames(): string[] {
  return screen.getAllByRole('treeitem').map((row) => row.getAttribute('aria-label') ?? '');
}

describe('contact list', () => {
  it('sorts my contacts by name into Online and Not Online, with status text', async () => {
    document.title = '';
    await renderApp(new FakeMsn(signedInState(people)));
    expect(document.title).toBe('you@demo.msn - MSN Messenger');
    expect(rowNames()).toEqual([
      'Online (3)',
      'amy (Busy)',
      'Carl (Away)',
      'Zed (Online)',
      'Not Online (2)',
      'Alan (Offline)',
      'Bob (Offline)',
    ]);
    expect(within(screen.getByTestId('contact-amy@example.com')).getByText('(Busy)')).toBeTruthy();
  });

  it('filters by name or address', async () => {
    await renderApp(new FakeMsn(signedInState(people)));
    fireEvent.change(screen.getByLabelText('Find a contact'), { target: { value: 'ZE' } });
    expect(rowNames()).toEqual(['Online (1)', 'Zed (Online)', 'Not Online (0)']);
    fireEvent.change(screen.getByLabelText('Find a contact'), { target: { value: 'bob@' } });
    expect(rowNames()).toEqual(['Online (0)', 'Not Online (1)', 'Bob (Offline)']);
    fireEvent.change(screen.getByLabelText('Find a contact'), { target: { value: 'nobody' } });
    expect(screen.getByText('No contacts match your search.')).toBeTruthy();
  });

  it('says when nobody is online, and the keyboard passes over that note', async () => {
    const offline = [contact('bob@example.com', 'Bob', 'FLN'), contact('alan@example.com', 'Alan', 'FLN')];
    await renderApp(new FakeMsn(signedInState(offline)));
    expect(screen.getByTestId('note-online').textContent).toBe('No contacts online');
    const tree = screen.getByRole('tree');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(screen.getByTestId('group-offline').id);
    fireEvent.keyDown(tree, { key: 'ArrowUp' });
    expect(tree.getAttribute('aria-activedescendant')).toBe(screen.getByTestId('group-online').id);
    fireEvent.change(screen.getByLabelText('Find a contact'), { target: { value: 'bob' } });
    expect(screen.queryByTestId('note-online')).toBeNull();
  });

  it('shows a long name in full as the row’s tooltip', async () => {
    const name = 'Someone with a very long friendly name that cannot fit in the window';
    await renderApp(new FakeMsn(signedInState([contact('long@example.com', name)])));
    const row = screen.getByTestId('contact-long@example.com');
    expect(within(row).getByText(name).getAttribute('title')).toBe(`${name} <long@example.com>`);
  });

  it('follows presence patches', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    act(() => fake.emit('patch', { contacts: { set: [contact('bob@example.com', 'Bob', 'NLN')], remove: ['zed@example.com'] } }));
    expect(rowNames().slice(0, 4)).toEqual(['Online (3)', 'amy (Busy)', 'Bob (Online)', 'Carl (Away)']);
  });

  it('renders only the visible rows of 5000 contacts', async () => {
    const many = Array.from({ length: 5000 }, (_, index) => contact(`user${index}@example.com`, `User ${index}`, index % 2 ? 'NLN' : 'FLN'));
    await renderApp(new FakeMsn(signedInState(many)));
    const rows = screen.getAllByRole('treeitem');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    const tree = screen.getByRole('tree');
    fireEvent.keyDown(tree, { key: 'End' });
    const last = screen.getByTestId('contact-user4998@example.com');
    expect(tree.getAttribute('aria-activedescendant')).toBe(last.id);
    expect(last.getAttribute('aria-posinset')).toBe('2500');
    expect(screen.getAllByRole('treeitem').length).toBeLessThan(60);
  });

  it('opens a conversation on double-click and on Enter', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    fireEvent.doubleClick(screen.getByTestId('contact-zed@example.com'));
    const tree = screen.getByRole('tree');
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'Enter' });
    expect(fake.callsOf('openConversation')).toEqual([['zed@example.com'], ['amy@example.com']]);
  });

  it('says why an offline contact cannot get an instant message', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    fireEvent.doubleClick(screen.getByTestId('contact-bob@example.com'));
    expect(screen.getByTestId('banner').textContent).toMatch(/Bob is not online/);
    expect(fake.callsOf('openConversation')).toEqual([]);
  });

  it('offers the context menu from the keyboard and runs its commands', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    const tree = screen.getByRole('tree');
    tree.focus();
    fireEvent.keyDown(tree, { key: 'ArrowDown' });
    fireEvent.keyDown(tree, { key: 'F10', shiftKey: true });
    const menu = screen.getByRole('menu', { name: 'Actions for amy' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Send an Instant Message',
      'Send E-mail',
      'Block',
      'Delete Contact',
      'View Message History',
      'View Properties',
    ]);
    fireEvent.click(within(menu).getByText('Send E-mail'));
    fireEvent.contextMenu(screen.getByTestId('contact-carl@example.com'), { clientX: 10, clientY: 10 });
    fireEvent.click(screen.getByTestId('menu-contact-block'));
    fireEvent.contextMenu(screen.getByTestId('contact-carl@example.com'), { clientX: 10, clientY: 10 });
    fireEvent.click(screen.getByTestId('menu-contact-history'));
    expect(fake.callsOf('openUrl')).toEqual([['COMPOSE', 'amy@example.com']]);
    expect(fake.callsOf('blockContact')).toEqual([['carl@example.com']]);
    await waitFor(() => expect(fake.callsOf('openHistory')).toEqual([['carl@example.com']]));
  });

  it('offers Unblock for a blocked contact', async () => {
    const fake = new FakeMsn(signedInState([contact('amy@example.com', 'amy', 'NLN', ['FL', 'BL'])]));
    await renderApp(fake);
    fireEvent.contextMenu(screen.getByTestId('contact-amy@example.com'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Unblock' }));
    expect(fake.callsOf('unblockContact')).toEqual([['amy@example.com']]);
  });

  it('deletes only after a confirmation that explains deleting does not block', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    fireEvent.contextMenu(screen.getByTestId('contact-zed@example.com'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete Contact' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Contact' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.textContent).toMatch(/Deleting does not block/);
    expect(fake.callsOf('removeContact')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(fake.callsOf('removeContact')).toEqual([['FL', 'zed@example.com']]);
    // The dialog closes once main has deleted the contact.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows a contact’s properties', async () => {
    await renderApp(new FakeMsn(signedInState(people)));
    fireEvent.contextMenu(screen.getByTestId('contact-carl@example.com'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'View Properties' }));
    const dialog = screen.getByRole('dialog', { name: 'Carl Properties' });
    expect(dialog.textContent).toMatch(/carl@example\.com/);
    expect(dialog.textContent).toMatch(/Away/);
    expect(dialog.textContent).toMatch(/Allow list/);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('announcements', () => {
  it('announces notices in the live region', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    act(() => fake.emit('notice', { kind: 'online', handle: 'zed@example.com', friendlyName: 'Zed' }));
    expect(screen.getByTestId('live-region').textContent).toBe('Zed has just signed in.');
    act(() => fake.emit('notice', { kind: 'error', error: { kind: 'network', reason: 'connection-lost', detail: { code: 'ECONNRESET' } } }));
    expect(screen.getByTestId('banner').textContent).toMatch('The connection to the server was lost (ECONNRESET).');
  });

  it("announces a conversation's error without putting it in the banner", async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    const error = { kind: 'protocol' as const, reason: 'call-failed' as const, code: 217, detail: { name: 'Zed', handle: 'zed@example.com', cause: 'server-error' } };
    act(() => fake.emit('notice', { kind: 'error', conversationId: 'c1', error }));
    expect(screen.queryByTestId('banner')).toBeNull();
    expect(screen.getByTestId('live-region').textContent).toBe('Zed is offline or not accepting instant messages right now.');
  });
});

describe('my status and mail', () => {
  it('changes my status from the status menu', async () => {
    const fake = new FakeMsn(signedInState(people));
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('my-status'));
    const menu = screen.getByRole('menu', { name: 'My status' });
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((item) => item.textContent)).toEqual([
      'Online',
      'Busy',
      'Be Right Back',
      'Away',
      'On the Phone',
      'Out to Lunch',
      'Appear Offline',
    ]);
    expect(items[0]?.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    fireEvent.keyDown(menu, { key: 'Enter' });
    expect(fake.callsOf('setStatus')).toEqual([['BSY']]);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opens the status menu with ArrowDown on the status button, at the current status', async () => {
    await renderApp(new FakeMsn(signedInState(people)));
    const button = screen.getByTestId('my-status');
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'My status' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitemradio', { name: 'Online' }));
  });

  it('shows Idle when the status is idle by inactivity', async () => {
    const state = signedInState(people);
    await renderApp(new FakeMsn({ ...state, session: { ...state.session, status: 'IDL', autoIdle: true } }));
    expect(screen.getByTestId('my-status').textContent).toMatch(/\(Idle\)/);
  });

  it('counts new e-mail in the singular and plural and opens the Inbox', async () => {
    const state = signedInState(people);
    const fake = new FakeMsn({ ...state, mail: { ...state.mail, inboxUnread: 1 } });
    await renderApp(fake);
    expect(screen.getByTestId('mail-line').textContent).toBe('1 new e-mail message');
    act(() => fake.emit('patch', { mail: { ...state.mail, inboxUnread: 3 } }));
    expect(screen.getByTestId('mail-line').textContent).toBe('3 new e-mail messages');
    fireEvent.click(screen.getByTestId('mail-line'));
    expect(fake.callsOf('openInbox')).toEqual([[]]);
  });

  it('says there is no new e-mail rather than counting zero', async () => {
    await renderApp(new FakeMsn(signedInState(people)));
    expect(screen.getByTestId('mail-line').textContent).toBe('No new e-mail messages');
    expect(screen.getByRole('button', { name: 'No new e-mail messages in your Inbox. Open the Inbox' })).toBeTruthy();
  });

  it('hides the mail line when the account has no e-mail', async () => {
    const state = signedInState(people);
    await renderApp(new FakeMsn({ ...state, mail: { ...state.mail, enabled: false } }));
    expect(screen.queryByTestId('mail-line')).toBeNull();
  });
});

describe('failures without a form of their own', () => {
  const cases = [
    { name: 'setStatus', clicks: ['my-status', 'menu-status-BSY'] },
    { name: 'openInbox', clicks: ['mail-line'] },
    { name: 'signOut', clicks: ['menubar-file', 'menu-sign-out'] },
  ] as const;

  it.each(cases)('shows why $name failed in the banner', async ({ name, clicks }) => {
    const fake = new FakeMsn(signedInState(people));
    fake.respond(name, () => ({ ok: false, error: { kind: 'protocol', reason: 'server-error', code: 500 } }));
    await renderApp(fake);
    for (const testId of clicks) fireEvent.click(screen.getByTestId(testId));
    expect(fake.callsOf(name)).toHaveLength(1);
    expect((await screen.findByTestId('banner')).textContent).toMatch('The service is having problems. Please try again later.');
  });
});

describe('action bar', () => {
  it('adds a contact, sends a message and sends mail from the buttons at the bottom', async () => {
    await renderApp(new FakeMsn(signedInState(people)));
    const add = screen.getByRole('button', { name: 'Add a Contact' });
    expect(add.textContent).toBe('Add');
    fireEvent.click(add);
    expect(screen.getByRole('dialog', { name: 'Add a Contact' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Send an Instant Message' }));
    const pickMessage = screen.getByRole('dialog', { name: 'Send an Instant Message' });
    expect(within(pickMessage).getAllByRole('option').map((option) => option.textContent)).toContain('Zed <zed@example.com>');
    fireEvent.keyDown(pickMessage, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Send Mail' }));
    expect(screen.getByRole('dialog', { name: 'Send Mail' })).toBeTruthy();
  });
});
