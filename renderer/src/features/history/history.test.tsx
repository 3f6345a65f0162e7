import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../shared/model';
import { FakeMsn, signedInState, TEST_SETTINGS } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

const bob = { handle: 'bob@example.com', friendlyName: 'Bob', present: true };
const conversation: Conversation = { id: 'c1', participants: [bob], entries: [], typing: [], connected: true };

describe('the history question', () => {
  it('is asked in a conversation until the account answers, and the answer goes to main', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }));
    fake.respond('setHistoryEnabled', () => ({ ok: true, value: { ...TEST_SETTINGS, history: { 'you@demo.msn': false } } }));
    await renderApp(fake, '#/conversation/c1');
    const prompt = screen.getByTestId('history-prompt');
    fireEvent.click(within(prompt).getByRole('button', { name: 'No, Thanks' }));
    expect(fake.callsOf('setHistoryEnabled')).toEqual([[false]]);
    act(() => fake.emit('settings', { ...TEST_SETTINGS, history: { 'you@demo.msn': false } }));
    expect(screen.queryByTestId('history-prompt')).toBeNull();
    expect(fake.callsOf('historyRecent')).toEqual([]);
  });

  it('is not asked again once answered, and earlier lines are shown when history is kept', async () => {
    const fake = new FakeMsn(signedInState([], { conversations: { c1: conversation } }), { ...TEST_SETTINGS, history: { 'you@demo.msn': true } });
    fake.respond('historyRecent', () => ({
      ok: true,
      value: [{ id: 'old', conversationId: 'c0', from: 'bob@example.com', fromName: 'Bob', text: '<i>last time</i>', delivery: 'received' as const, sentAt: 5 }],
    }));
    await renderApp(fake, '#/conversation/c1');
    await waitFor(() => expect(screen.getAllByTestId('recent-line')).toHaveLength(1));
    expect(screen.getByTestId('recent-line').textContent).toContain('<i>last time</i>');
    expect(screen.queryByTestId('history-prompt')).toBeNull();
    expect(fake.callsOf('historyRecent')).toEqual([['c1']]);
  });
});

describe('the Options switch', () => {
  it('turns history on for the signed-in account, and cannot be changed signed out', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    fireEvent.click(screen.getByTestId('menubar-tools'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Options…' }));
    fireEvent.click(screen.getByTestId('options-tab-preferences'));
    const keep = screen.getByTestId('options-keep-history') as HTMLInputElement;
    expect(keep.checked).toBe(false);
    fireEvent.click(keep);
    fireEvent.click(screen.getByTestId('options-ok'));
    await waitFor(() => expect(fake.callsOf('setHistoryEnabled')).toEqual([[true]]));
  });

  it('is disabled while nobody is signed in', async () => {
    await renderApp(new FakeMsn());
    fireEvent.click(screen.getByTestId('menubar-tools'));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Options…' }));
    fireEvent.click(screen.getByTestId('options-tab-preferences'));
    expect((screen.getByTestId('options-keep-history') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('history problems', () => {
  it('show a banner while they last, and it goes away once history is saved again', async () => {
    const fake = new FakeMsn(signedInState());
    await renderApp(fake);
    act(() => fake.emit('notice', { kind: 'history', problem: 'disk-full' }));
    expect(screen.getByTestId('banner').textContent).toMatch(/the disk is full\. Your conversations go on/);
    act(() => fake.emit('notice', { kind: 'history-recovered' }));
    expect(screen.queryByTestId('banner')).toBeNull();
    act(() => fake.emit('notice', { kind: 'history', problem: 'damaged', setAsideAs: '/data/history/you.damaged.sqlite' }));
    act(() => fake.emit('notice', { kind: 'history-recovered' }));
    expect(screen.getByTestId('banner').textContent).toMatch(/kept as \/data\/history\/you\.damaged\.sqlite/);
  });
});
