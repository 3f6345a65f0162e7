import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleLine } from '../../../../shared/console';
import { saveFile } from '../../components/save-file';
import { FakeMsn, signedInState } from '../../testing/fake-msn';
import { renderApp } from '../../testing/render';

vi.mock('../../components/save-file', () => ({ saveFile: vi.fn() }));

afterEach(() => vi.restoreAllMocks());

// 13:24:03.045 in the machine's own time zone, as the console shows it.
const AT = new Date(2026, 11, 3, 13, 24, 3, 45).getTime();

const LINES: ConsoleLine[] = [
  { seq: 1, at: AT, connection: 'NS 1', direction: 'opened', text: '127.0.0.1:1863' },
  { seq: 2, at: AT, connection: 'NS 1', direction: 'out', text: 'VER 1 MSNP3 MSNP2 CVR0' },
  { seq: 3, at: AT, connection: 'NS 2', direction: 'out', text: 'USR 3 MD5 S [hidden]' },
  { seq: 4, at: AT, connection: 'NS 2', direction: 'in', text: 'MSG Hotmail Hotmail 20', payload: 'MIME-Version: 1.0\n\n' },
];

async function openConsole(lines: readonly ConsoleLine[] = LINES, recording = true) {
  const fake = new FakeMsn(signedInState());
  fake.respond('getProtocolConsole', () => ({ ok: true, value: { recording, lines, firstSeq: lines[0]?.seq ?? 1 } }));
  const rendered = await renderApp(fake, '#/console/a1');
  return { fake, ...rendered };
}

const shownLines = (): string[] => screen.queryAllByTestId('console-line').map((line) => line.textContent ?? '');

describe('the protocol console', () => {
  it('turns recording on as it opens, and shows each line with its time, connection and side', async () => {
    const { fake } = await openConsole();
    await waitFor(() => expect(shownLines()).toHaveLength(4));
    expect(fake.callsOf('setProtocolConsoleRecording')).toEqual([[true]]);
    expect(shownLines()).toEqual([
      '13:24:03.045 NS 1 Connected to 127.0.0.1:1863',
      '13:24:03.045 NS 1 C: VER 1 MSNP3 MSNP2 CVR0',
      '13:24:03.045 NS 2 C: USR 3 MD5 S [hidden]',
      '13:24:03.045 NS 2 S: MSG Hotmail Hotmail 20MIME-Version: 1.0',
    ]);
    expect(screen.getByTestId('console-status').textContent).toBe('4 lines.');
    expect(document.title).toBe('Protocol Console - you@demo.msn');
  });

  it('follows the lines main sends, and drops those main no longer keeps', async () => {
    const { fake } = await openConsole();
    await waitFor(() => expect(shownLines()).toHaveLength(4));
    act(() => fake.emit('console', { recording: true, lines: [{ seq: 5, at: AT, connection: 'NS 2', direction: 'closed', text: 'connection-closed' }], firstSeq: 3 }));
    expect(shownLines()).toEqual([
      '13:24:03.045 NS 2 C: USR 3 MD5 S [hidden]',
      '13:24:03.045 NS 2 S: MSG Hotmail Hotmail 20MIME-Version: 1.0',
      '13:24:03.045 NS 2 Closed by the server',
    ]);
    // Another account's console is not this window's.
    act(() => fake.emitAsMain('console', { account: 'a2', recording: true, lines: [{ seq: 6, at: AT, connection: 'NS 1', direction: 'out', text: 'OUT' }], firstSeq: 1 }));
    expect(shownLines()).toHaveLength(3);
  });

  it('filters by any text of a line and by connection, and copies only what it shows', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await openConsole();
    await waitFor(() => expect(shownLines()).toHaveLength(4));
    fireEvent.change(screen.getByTestId('console-filter'), { target: { value: 'mime' } });
    expect(shownLines()).toEqual(['13:24:03.045 NS 2 S: MSG Hotmail Hotmail 20MIME-Version: 1.0']);
    fireEvent.change(screen.getByTestId('console-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('console-connection'), { target: { value: 'NS 1' } });
    expect(shownLines()).toHaveLength(2);
    expect(screen.getByTestId('console-status').textContent).toBe('2 of 4 lines shown.');
    fireEvent.click(screen.getByTestId('console-copy'));
    await waitFor(() => expect(screen.getByTestId('console-status').textContent).toBe('2 of 4 lines shown. 2 lines copied.'));
    expect(writeText).toHaveBeenCalledWith('13:24:03.045 NS 1 Connected to 127.0.0.1:1863\n13:24:03.045 NS 1 C: VER 1 MSNP3 MSNP2 CVR0\n');
  });

  it('saves the lines as a text file named for the account, a payload indented under its line', async () => {
    await openConsole();
    await waitFor(() => expect(shownLines()).toHaveLength(4));
    fireEvent.click(screen.getByTestId('console-save'));
    expect(saveFile).toHaveBeenCalledWith({
      fileName: expect.stringMatching(/^protocol-console-you@demo\.msn-\d{4}-\d\d-\d\d-\d{6}\.txt$/),
      mimeType: 'text/plain;charset=utf-8',
      content: [
        '13:24:03.045 NS 1 Connected to 127.0.0.1:1863',
        '13:24:03.045 NS 1 C: VER 1 MSNP3 MSNP2 CVR0',
        '13:24:03.045 NS 2 C: USR 3 MD5 S [hidden]',
        '13:24:03.045 NS 2 S: MSG Hotmail Hotmail 20',
        '    MIME-Version: 1.0',
        '',
      ].join('\n'),
    });
  });

  it('says what to do while it has no lines, turns recording off and clears', async () => {
    const { fake } = await openConsole([]);
    expect((await screen.findByTestId('console-empty')).textContent).toMatch(/^Nothing yet\./);
    fireEvent.click(screen.getByTestId('console-record'));
    expect(fake.callsOf('setProtocolConsoleRecording')).toEqual([[true], [false]]);
    act(() => fake.emit('console', { recording: false, lines: [], firstSeq: 1 }));
    expect(screen.getByTestId('console-empty').textContent).toMatch(/^Recording is off\./);
    fireEvent.click(screen.getByTestId('menubar-edit'));
    expect(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Clear' }).getAttribute('aria-disabled')).toBe('true');
  });
});
