import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contact, FakeMsn, signedInState, TEST_APP_INFO, TEST_SETTINGS } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

function openFromMenu(menu: string, item: string) {
  fireEvent.click(screen.getByTestId(`menubar-${menu}`));
  fireEvent.click(screen.getByRole('menuitem', { name: item }));
}

describe('Add a Contact', () => {
  it('checks the address before asking main, then adds to my contact list', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Add a Contact' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Contact' });
    const address = within(dialog).getByLabelText('E-mail address');
    expect(document.activeElement).toBe(address);
    fireEvent.change(address, { target: { value: 'not-an-address' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Please type an e-mail address, like example@hotmail.com\.$/);
    expect(fake.callsOf('addContact')).toEqual([]);
    fireEvent.change(address, { target: { value: 'New.Friend@Example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(fake.callsOf('addContact')).toEqual([['FL', 'new.friend@example.com']]);
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows main’s error inside the dialog', async () => {
    const fake = new FakeMsn(signedInState());
    fake.respond('addContact', () => ({ ok: false, error: { kind: 'protocol', reason: 'server-error', code: 215 } }));
    await renderApp(fake);
    openFromMenu('actions', 'Add a Contact…');
    const dialog = screen.getByRole('dialog', { name: 'Add a Contact' });
    fireEvent.change(within(dialog).getByLabelText('E-mail address'), { target: { value: 'friend@example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('That person is already on the list (or already in this conversation).');
  });
});

describe('someone added me', () => {
  it('asks, and answers with allow or block and adding them back', async () => {
    const fake = new FakeMsn(signedInState([], { addedBy: [{ handle: 'fan@example.com', friendlyName: 'Fan' }] }));
    await renderApp(fake);
    const dialog = screen.getByRole('dialog', { name: 'Someone Added You' });
    expect(dialog.textContent).toMatch('Fan (fan@example.com) has added you to their contact list.');
    fireEvent.click(within(dialog).getByLabelText(/^Block this person/));
    fireEvent.click(within(dialog).getByLabelText('Add this person to my contact list'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(fake.callsOf('answerAddedBy')).toEqual([['fan@example.com', { allow: false, addToContacts: false }]]);
    // The question goes away once main has the answer, and stays away when main's queue catches up.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    act(() => fake.emit('patch', { addedBy: [] }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Invite a Friend by e-mail', () => {
  it('says honestly that the server may send nothing', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    openFromMenu('actions', 'Invite a Friend by E-mail…');
    const dialog = screen.getByRole('dialog', { name: 'Invite a Friend by E-mail' });
    expect(dialog.textContent).toMatch(/may want to tell your friend yourself/);
    fireEvent.change(within(dialog).getByLabelText('E-mail address'), { target: { value: 'pal@example.com' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send Invitation' }));
    expect(await within(dialog).findByText('The server accepted the invitation for pal@example.com.')).toBeTruthy();
    expect(fake.callsOf('inviteByEmail')).toEqual([['pal@example.com']]);
  });
});

describe('Options', () => {
  it('applies my name, preferences and privacy choices on OK', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    openFromMenu('tools', 'Options…');
    const dialog = screen.getByRole('dialog', { name: 'Options' });
    fireEvent.change(within(dialog).getByLabelText('My name as others see it'), { target: { value: 'New Name' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Preferences' }));
    expect(within(dialog).getByLabelText('Show me as Idle after 5 minutes of inactivity')).toHaveProperty('checked', true);
    fireEvent.change(within(dialog).getByLabelText('Minutes of inactivity'), { target: { value: '1' } });
    expect(within(dialog).getByLabelText('Show me as Idle after 1 minute of inactivity')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Minutes of inactivity'), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByLabelText('Play sounds'));
    fireEvent.click(within(dialog).getByLabelText('Close a conversation window with the Esc key'));
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Appearance' }));
    fireEvent.click(within(dialog).getByLabelText('Classic Night'));
    fireEvent.change(within(dialog).getByLabelText('Size of text and pictures'), { target: { value: '150' } });
    fireEvent.click(within(dialog).getByLabelText('Remove Messenger Plus! tags and show plain text'));
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Away' }));
    const away = within(dialog).getByLabelText('When I am Away:');
    expect(away).toHaveProperty('disabled', true);
    fireEvent.click(within(dialog).getByLabelText('Reply automatically while I am away'));
    fireEvent.change(away, { target: { value: '  Gone fishing.  ' } });
    fireEvent.change(within(dialog).getByLabelText('When I am Busy:'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Privacy' }));
    fireEvent.click(within(dialog).getByLabelText('Cannot see my status or send me messages'));
    fireEvent.click(within(dialog).getByLabelText(/Alert me when other users add me/));
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Connection' }));
    fireEvent.click(within(dialog).getByLabelText(/Write what messages say in the log file/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await act(async () => {});
    expect(fake.callsOf('setFriendlyName')).toEqual([['New Name']]);
    expect(fake.callsOf('saveSettings')).toEqual([
      [
        {
          autoIdleMinutes: 5,
          sounds: false,
          toasts: true,
          signInAtStart: false,
          logMessageText: true,
          theme: 'night',
          uiScale: 150,
          plusTags: 'strip',
          escapeClosesConversation: false,
          autoReply: { enabled: true, messages: { AWY: 'Gone fishing.' } },
        },
      ],
    ]);
    expect(fake.callsOf('saveAccountSettings')).toEqual([[{ lastServer: 'demo', proxy: null }]]);
    expect(fake.callsOf('setPrivacyMode')).toEqual([['BL']]);
    expect(fake.callsOf('setAddedAlert')).toEqual([['N']]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("sets this account's proxy on the Connection page, tests it, and keeps its password out of the settings", async () => {
    const fake = new FakeMsn(signedInState());
    fake.respond('testProxy', () => ({ ok: false, error: { kind: 'network', reason: 'proxy-credentials-refused', detail: { proxy: 'socks5://me@proxy.example:1080' } } }));
    await renderApp(fake);
    openFromMenu('tools', 'Options…');
    const dialog = screen.getByRole('dialog', { name: 'Options' });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Connection' }));
    fireEvent.click(within(dialog).getByLabelText('SOCKS5'));
    fireEvent.change(within(dialog).getByLabelText('Proxy address'), { target: { value: 'proxy.example' } });
    fireEvent.change(within(dialog).getByLabelText('Port'), { target: { value: 'nope' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await act(async () => {});
    expect(within(dialog).getByText('Please type the proxy’s address and a port from 1 to 65535.')).toBeTruthy();
    expect(fake.callsOf('saveAccountSettings')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Port'), { target: { value: '1080' } });
    fireEvent.change(within(dialog).getByLabelText('User name (if the proxy asks for one)'), { target: { value: 'me' } });
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Test' }));
    await act(async () => {});
    const proxy = { kind: 'socks5', host: 'proxy.example', port: 1080, username: 'me' };
    expect(fake.callsOf('testProxy')).toEqual([[{ proxy, proxyPassword: 'pw', server: 'demo' }]]);
    expect(within(dialog).getByTestId('options-proxy-result').textContent).toBe(
      'The proxy socks5://me@proxy.example:1080 did not accept the user name and password.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await act(async () => {});
    expect(fake.callsOf('saveAccountSettings')).toEqual([[{ lastServer: 'demo', proxy, proxyPassword: 'pw' }]]);
  });

  it('refuses an empty name on the Personal page', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    openFromMenu('tools', 'Options…');
    const dialog = screen.getByRole('dialog', { name: 'Options' });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Connection' }));
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Personal' }));
    fireEvent.change(within(dialog).getByLabelText('My name as others see it'), { target: { value: '  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(within(dialog).getByText('Please type a name.')).toBeTruthy();
    // Nothing but what every window asks for at start.
    expect(fake.calls.filter((call) => call.name !== 'getSnapshot' && call.name !== 'getAppInfo')).toEqual([]);
  });

  it('moves people between the allow and block lists and lists who added me', async () => {
    const fake = new FakeMsn(
      signedInState([
        contact('amy@example.com', 'Amy', 'NLN', ['FL', 'AL', 'RL']),
        contact('ben@example.com', 'Ben', 'NLN', ['FL', 'BL']),
      ]),
    );
    await renderApp(fake);
    openFromMenu('tools', 'Options…');
    const dialog = screen.getByRole('dialog', { name: 'Options' });
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Privacy' }));
    expect(within(dialog).getByTestId('privacy-reverse-list').textContent).toBe('Amy <amy@example.com>');
    const block = within(dialog).getByRole('button', { name: 'Move the selected person to the block list' });
    const allow = within(dialog).getByRole('button', { name: 'Move the selected person to the allow list' });
    // One move at a time: both buttons wait until main has made the last one.
    fireEvent.click(block);
    expect(allow).toHaveProperty('disabled', true);
    await waitFor(() => expect(allow).toHaveProperty('disabled', false));
    fireEvent.click(allow);
    expect(block).toHaveProperty('disabled', true);
    await waitFor(() => expect(block).toHaveProperty('disabled', false));
    expect(fake.callsOf('blockContact')).toEqual([['amy@example.com']]);
    expect(fake.callsOf('unblockContact')).toEqual([['ben@example.com']]);
  });
});

describe('menu bar', () => {
  it('is operable from the keyboard', async () => {
    await renderApp(new FakeMsn(signedInState()));
    fireEvent.keyDown(window, { key: 'F10' });
    const file = screen.getByTestId('menubar-file');
    expect(document.activeElement).toBe(file);
    fireEvent.keyDown(file, { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByTestId('menubar-actions'), { key: 'ArrowRight' });
    const tools = screen.getByTestId('menubar-tools');
    expect(document.activeElement).toBe(tools);
    fireEvent.keyDown(tools, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu', { name: 'Tools' });
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: 'Options…' }));
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(tools);
    fireEvent.keyDown(window, { key: 'h', altKey: true });
    fireEvent.keyDown(screen.getByRole('menu', { name: 'Help' }), { key: 'Enter' });
    expect(screen.getByRole('dialog', { name: 'Keyboard Shortcuts' })).toBeTruthy();
  });

  it('keeps Tab inside a dialog', async () => {
    await renderApp(new FakeMsn(signedInState()));
    openFromMenu('help', 'About MSN Messenger');
    const dialog = screen.getByRole('dialog');
    // The dialog is complete once main has said what the app runs on.
    await within(dialog).findByTestId('about-runtime');
    const ok = within(dialog).getByRole('button', { name: 'OK' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(ok);
    fireEvent.keyDown(ok, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
  });
});

describe('About', () => {
  it('names the app and its version from package.json', async () => {
    await renderApp(new FakeMsn(signedInState()));
    openFromMenu('help', 'About MSN Messenger');
    const dialog = screen.getByRole('dialog', { name: 'About MSN Messenger' });
    // The dialog is complete once main has said what the app runs on.
    await within(dialog).findByTestId('about-runtime');
    expect(within(dialog).getByTestId('about-version').textContent).toBe(`Version ${__APP_VERSION__}`);
    expect(__APP_VERSION__).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('names what the app runs on and where its data folder and log file are', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    openFromMenu('help', 'About MSN Messenger');
    const dialog = screen.getByRole('dialog', { name: 'About MSN Messenger' });
    expect((await within(dialog).findByTestId('about-runtime')).textContent).toBe('Running on Electron 45.5.0, Chromium 142.0.7444.52, Node.js 22.20.0.');
    expect(within(dialog).getByTestId('about-data-folder').textContent).toBe(TEST_APP_INFO.dataFolder);
    expect(within(dialog).getByTestId('about-log-file').textContent).toBe(TEST_APP_INFO.logFile);
  });

  it('says what a browser host without a log runs on, and that no log is written', async () => {
    const fake = new FakeMsn(signedInState());
    fake.respond('getAppInfo', () => ({ ok: true, value: { versions: { node: '20.20.0' }, dataFolder: '/home/you/.config/msn-messenger-web' } }));
    await renderApp(fake);
    openFromMenu('help', 'About MSN Messenger');
    const dialog = screen.getByRole('dialog', { name: 'About MSN Messenger' });
    expect((await within(dialog).findByTestId('about-runtime')).textContent).toBe('Running on Node.js 20.20.0.');
    expect(within(dialog).getByTestId('about-log-file').textContent).toBe('None: no log is being written.');
  });
});

describe('Help → Open Log Folder', () => {
  it("asks main to show the log's folder, and says so when it cannot", async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    await act(async () => {});
    openFromMenu('help', 'Open Log Folder');
    expect(fake.callsOf('openLogFolder')).toEqual([[]]);
    fake.respond('openLogFolder', () => ({ ok: false, error: { kind: 'unsupported', reason: 'folder-unavailable', detail: { folder: '/x/logs' } } }));
    openFromMenu('help', 'Open Log Folder');
    expect((await screen.findByTestId('banner')).textContent).toContain('The folder /x/logs could not be opened.');
  });

  it('is off when no log is written', async () => {
    const fake = new FakeMsn(signedInState());
    fake.respond('getAppInfo', () => ({ ok: true, value: { versions: { node: '20.20.0' }, dataFolder: '/data' } }));
    await renderApp(fake);
    await act(async () => {});
    fireEvent.click(screen.getByTestId('menubar-help'));
    expect(screen.getByRole('menuitem', { name: 'Open Log Folder' }).getAttribute('aria-disabled')).toBe('true');
  });
});

describe('damaged files', () => {
  it('are told once in the contact list, until dismissed for every window', async () => {
    const fake = new FakeMsn(signedInState(), { ...TEST_SETTINGS, recovered: [{ file: 'settings', backup: '/data/settings.2026-12-03T13-24-03-123Z.bak' }, { file: 'passwords' }] });
    await renderApp(fake);
    const notice = screen.getByTestId('recovered-files');
    expect(notice.textContent).toContain(
      'Your settings could not be read, so MSN Messenger started with the usual settings. The damaged file was kept as /data/settings.2026-12-03T13-24-03-123Z.bak. Your remembered passwords could not be read',
    );
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(fake.callsOf('dismissRecovered')).toEqual([[]]);
    act(() => fake.emit('settings', { ...TEST_SETTINGS, recovered: [] }));
    expect(screen.queryByTestId('recovered-files')).toBeNull();
  });
});
