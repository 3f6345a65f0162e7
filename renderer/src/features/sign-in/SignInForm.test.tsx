import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from '../../../../shared/model';
import { FakeMsn, TEST_ACCOUNT_SETTINGS, TEST_SETTINGS } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Presses Sign In, which stays pressed (disabled) until main has answered the request. */
async function signInUntilAnswered() {
  const submit = screen.getByRole('button', { name: 'Sign In' });
  fireEvent.click(submit);
  expect(submit).toHaveProperty('disabled', true);
  await waitFor(() => expect(submit).toHaveProperty('disabled', false));
}

describe('sign-in form', () => {
  it('starts on the Local demo preset with the last e-mail address', async () => {
    const fake = new FakeMsn(INITIAL_STATE, { ...TEST_SETTINGS, accounts: { a1: { ...TEST_ACCOUNT_SETTINGS, lastHandle: 'you@demo.msn', lastServer: '' } } });
    await renderApp(fake);
    expect(screen.getByLabelText('E-mail address')).toHaveProperty('value', 'you@demo.msn');
    const server = screen.getByLabelText('Server') as HTMLSelectElement;
    expect(server.value).toBe('demo');
    expect(within(server).getByRole('option', { name: 'Local demo' })).toBeTruthy();
  });

  it('heads the window with the app name and keeps the buddies picture from screen readers', async () => {
    await renderApp(new FakeMsn());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('MSN Messenger');
    expect(screen.getByTestId('buddies-art').getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByRole('form', { name: 'Sign In' })).toBeTruthy();
  });

  it('shows each problem next to its field and sends nothing', async () => {
    const fake = new FakeMsn();
    await renderApp(fake);
    fill(/^E-mail address$/, 'not an address');
    fireEvent.click(screen.getByRole('button', { name: 'Sign In' }));
    const handle = screen.getByLabelText('E-mail address');
    expect(handle.getAttribute('aria-invalid')).toBe('true');
    const describedBy = handle.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toMatch(/^Please type an e-mail address, like example@hotmail.com\.$/);
    expect(screen.getByText('Please type your password.')).toBeTruthy();
    expect(fake.callsOf('signIn')).toEqual([]);
  });

  it('checks a custom server address', async () => {
    const fake = new FakeMsn();
    await renderApp(fake);
    fireEvent.change(screen.getByLabelText('Server'), { target: { value: 'custom' } });
    fill(/Server address/, 'bad host name:99999');
    fill(/^E-mail address$/, 'you@demo.msn');
    fill(/^Password$/, 'demo');
    fireEvent.click(screen.getByRole('button', { name: 'Sign In' }));
    expect(screen.getByText(/^Please type a server address, like/)).toBeTruthy();
    expect(fake.callsOf('signIn')).toEqual([]);
  });

  it('signs in with what the user chose', async () => {
    const fake = new FakeMsn();
    await renderApp(fake);
    fill(/^E-mail address$/, ' You@Demo.msn ');
    fill(/^Password$/, 'demo');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'BSY' } });
    fireEvent.click(screen.getByLabelText('Remember my password'));
    await signInUntilAnswered();
    expect(fake.callsOf('signIn')).toEqual([
      [{ server: 'demo', handle: 'You@Demo.msn', password: 'demo', status: 'BSY', rememberPassword: true, autoSignIn: false }],
    ]);
  });

  it('does not offer to remember the password on a computer without a keyring, and says why', async () => {
    const fake = new FakeMsn(INITIAL_STATE, {
      ...TEST_SETTINGS,
      passwordStorage: 'none',
      accounts: { a1: { ...TEST_ACCOUNT_SETTINGS, rememberPassword: true, autoSignIn: true } },
    });
    await renderApp(fake);
    const remember = screen.getByLabelText('Remember my password') as HTMLInputElement;
    expect(remember.disabled).toBe(true);
    expect(remember.checked).toBe(false);
    expect(document.getElementById(remember.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/no keyring .* will not remember it/);
    expect((screen.getByLabelText('Sign me in automatically') as HTMLInputElement).disabled).toBe(true);
    fill(/^E-mail address$/, 'you@demo.msn');
    fill(/^Password$/, 'demo');
    await signInUntilAnswered();
    expect(fake.callsOf('signIn')).toEqual([[expect.objectContaining({ rememberPassword: false, autoSignIn: false })]]);
  });

  it('lets a saved password stand in for the typed one', async () => {
    const fake = new FakeMsn(INITIAL_STATE, { ...TEST_SETTINGS, accounts: { a1: { ...TEST_ACCOUNT_SETTINGS, lastHandle: 'you@demo.msn', hasSavedPassword: true, rememberPassword: true } } });
    await renderApp(fake);
    expect(screen.getByText(/A saved password will be used/)).toBeTruthy();
    await signInUntilAnswered();
    expect(fake.callsOf('signIn')).toHaveLength(1);
  });

  it('puts an error about the password next to the password field', async () => {
    const fake = new FakeMsn();
    fake.respond('signIn', () => ({
      ok: false,
      error: { kind: 'protocol', reason: 'server-error', code: 911, field: 'password' },
    }));
    await renderApp(fake);
    fill(/^E-mail address$/, 'you@demo.msn');
    fill(/^Password$/, 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign In' }));
    const message = await screen.findByText('The sign-in name or password is incorrect.');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBe(message.id);
    expect(screen.queryByTestId('sign-in-error')).toBeNull();
  });

  it('shows an error about no field above the form', async () => {
    const fake = new FakeMsn({ ...INITIAL_STATE, session: { ...INITIAL_STATE.session, error: { kind: 'network', reason: 'unreachable', detail: { host: 'msn.example.com', port: 1863, seconds: 30 } } } });
    await renderApp(fake);
    expect(screen.getByTestId('sign-in-error').textContent).toBe('Could not reach msn.example.com:1863 (no answer within 30 seconds).');
  });

  it('says what to do about a failed sign-in: MD5 sign-in on the website of a server known to need it', async () => {
    const settings = { ...TEST_SETTINGS, presets: [...TEST_SETTINGS.presets, { label: 'Revival', address: 'revival.example:1863', md5OptIn: { website: 'https://revival.example' } }] };
    const error = { kind: 'protocol', reason: 'server-error', code: 911 } as const;
    const fake = new FakeMsn({ ...INITIAL_STATE, session: { ...INITIAL_STATE.session, server: 'revival.example:1863', error } }, settings);
    await renderApp(fake);
    const advice = screen.getByRole('region', { name: 'What to do:' });
    expect(advice.textContent).toMatch(/turn on old MSN \(MD5\) sign-in for this account on the server's website \(https:\/\/revival\.example\)/);
  });

  it('says what to do when the proxy failed, naming the proxy and not the server', async () => {
    const fake = new FakeMsn();
    fake.respond('signIn', () => ({ ok: false, error: { kind: 'network', reason: 'proxy-needs-credentials', detail: { proxy: 'socks5://10.0.0.1:1080' } } }));
    await renderApp(fake);
    fill(/^E-mail address$/, 'you@demo.msn');
    fill(/^Password$/, 'pw');
    fireEvent.click(screen.getByRole('button', { name: 'Sign In' }));
    const advice = await screen.findByRole('region', { name: 'What to do:' });
    expect(screen.getByTestId('sign-in-error').textContent).toBe('The proxy socks5://10.0.0.1:1080 asks for a user name and password.');
    expect(advice.textContent).toBe('What to do: The proxy socks5://10.0.0.1:1080 wants a user name and password it accepts. Type them in Tools → Options → Connection, then sign in again.');
  });

  it('names the step at which a silent server stopped answering, and the host and port nothing answered at', async () => {
    const silent = { kind: 'timeout', reason: 'no-answer', field: 'server', detail: { request: 'SYN', seconds: 30 } } as const;
    const fake = new FakeMsn({ ...INITIAL_STATE, session: { ...INITIAL_STATE.session, error: silent } });
    await renderApp(fake);
    expect(screen.getByRole('region', { name: 'What to do:' }).textContent).toMatch(/stopped answering while sending your contact list \(SYN\)/);
    act(() => fake.emit('patch', { session: { ...INITIAL_STATE.session, error: { kind: 'network', reason: 'cannot-connect', field: 'server', detail: { host: 'h.example', port: 1863, code: 'ECONNREFUSED' } } } }));
    expect(screen.getByRole('region', { name: 'What to do:' }).textContent).toMatch(/^What to do: Nothing accepted the connection at h\.example:1863\./);
  });

  it('shows the real connection state while signing in, with a cancel', async () => {
    const fake = new FakeMsn();
    await renderApp(fake);
    act(() => fake.emit('patch', { session: { ...INITIAL_STATE.session, state: 'authenticating', handle: 'you@demo.msn' } }));
    expect(screen.getByText('Checking your e-mail address and password…')).toBeTruthy();
    act(() => fake.emit('patch', { session: { ...INITIAL_STATE.session, state: 'syncing', handle: 'you@demo.msn' } }));
    expect(within(screen.getByTestId('sign-in-progress')).getByRole('status').textContent).toBe('Getting your contact list…');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.callsOf('signOut')).toHaveLength(1);
  });
});
