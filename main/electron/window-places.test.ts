// Windows remembered across starts, with the electron stand-in's screen: each "start" is a new
// WindowMemory over the same windows.json, as the next process would have.

import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, DEFAULT_DISPLAY, resetFakeElectron, screen } from './fake-electron';
import { WindowMemory } from './window-memory';
import { CASCADE_STEP } from './window-placement';
import { rememberWindowPlaces, setUpWindows, showContactListWindow, showConversationWindow } from './windows';

vi.mock('electron', () => import('./fake-electron'));

const SECOND_DISPLAY = { id: 2, workArea: { x: 1920, y: 0, width: 1280, height: 1024 } };

let dir: string;
let file: string;
/** Every memory a test started: their writes end before the folder is removed (a late one would make it again). */
let memories: WindowMemory[] = [];
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'msn-windows-'));
  file = join(dir, 'windows.json');
});
afterEach(async () => {
  for (const window of BrowserWindow.getAllWindows()) window.close();
  setUpWindows({});
  await Promise.all(memories.map((memory) => memory.flush()));
  memories = [];
  rmSync(dir, { recursive: true, force: true });
});

/** A new start of the app: a memory read from the file, as the entry point makes it. */
function start(log?: (line: string) => void): WindowMemory {
  const memory = new WindowMemory(file, log);
  memories.push(memory);
  setUpWindows({ memory });
  return memory;
}

const fake = (window: unknown): BrowserWindow => window as BrowserWindow;
const boundsOf = (window: BrowserWindow) => {
  const { x, y, width, height } = window.options as { x: number; y: number; width: number; height: number };
  return { x, y, width, height };
};

describe('the contact list window', () => {
  it('opens where it was closed, at its size, at the next start', async () => {
    screen.displays = [DEFAULT_DISPLAY, SECOND_DISPLAY];
    const memory = start();
    const first = fake(showContactListWindow());
    first.setBounds({ x: 2100, y: 120, width: 340, height: 700 });
    first.close();
    await memory.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 1, contactList: { x: 2100, y: 120, width: 340, height: 700 } });
    start();
    expect(boundsOf(fake(showContactListWindow()))).toEqual({ x: 2100, y: 120, width: 340, height: 700 });
  });

  it('of another account cascades from the one open, at the remembered size', () => {
    start();
    const first = fake(showContactListWindow('a1'));
    first.setBounds({ x: 100, y: 80, width: 320, height: 600 });
    expect(boundsOf(fake(showContactListWindow('a2')))).toEqual({ x: 100 + CASCADE_STEP, y: 80 + CASCADE_STEP, width: 300, height: 560 });
  });

  it('remembers the place it would restore to, not the maximized one', async () => {
    const memory = start();
    const window = fake(showContactListWindow());
    window.bounds = DEFAULT_DISPLAY.workArea;
    window.normalBounds = { x: 40, y: 50, width: 310, height: 600 };
    window.close();
    await memory.flush();
    start();
    expect(boundsOf(fake(showContactListWindow()))).toEqual({ x: 40, y: 50, width: 310, height: 600 });
  });

  it('opens on the primary display when the display it was on is gone', async () => {
    screen.displays = [DEFAULT_DISPLAY, SECOND_DISPLAY];
    const memory = start();
    const window = fake(showContactListWindow());
    window.setBounds({ x: 2600, y: 300, width: 300, height: 560 });
    window.close();
    await memory.flush();
    screen.displays = [DEFAULT_DISPLAY];
    start();
    const reopened = boundsOf(fake(showContactListWindow()));
    expect(reopened).toEqual({ x: 810, y: 240, width: 300, height: 560 });
  });

  it('opens centred at its usual size the first time, and after windows.json was damaged (kept beside it)', () => {
    writeFileSync(file, '{"schemaVersion":1,"contactList":');
    const lines: string[] = [];
    start((line) => lines.push(line));
    expect(boundsOf(fake(showContactListWindow()))).toEqual({ x: 810, y: 240, width: 300, height: 560 });
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^windows\..+\.bak$/)]);
    expect(lines).toEqual([expect.stringContaining('could not be read')]);
  });
});

describe('conversation windows', () => {
  it('open at the size the last one had, cascading from the newest', async () => {
    const memory = start();
    const first = fake(showConversationWindow('a1', 'c1'));
    first.setBounds({ width: 600, height: 450 });
    first.close();
    await memory.flush();
    start();
    const [a, b, c] = ['c2', 'c3', 'c4'].map((id) => boundsOf(fake(showConversationWindow('a1', id))));
    expect(a).toMatchObject({ width: 600, height: 450 });
    expect(b).toEqual({ ...a, x: (a?.x ?? 0) + CASCADE_STEP, y: (a?.y ?? 0) + CASCADE_STEP });
    expect(c).toEqual({ ...a, x: (a?.x ?? 0) + 2 * CASCADE_STEP, y: (a?.y ?? 0) + 2 * CASCADE_STEP });
  });

  it('open on the display of the contact list', () => {
    screen.displays = [DEFAULT_DISPLAY, SECOND_DISPLAY];
    start();
    fake(showContactListWindow()).setBounds({ x: 2000, y: 100, width: 300, height: 560 });
    const conversation = boundsOf(fake(showConversationWindow('a1', 'c1')));
    expect(conversation.x).toBeGreaterThanOrEqual(SECOND_DISPLAY.workArea.x);
  });
});

describe('quitting', () => {
  it('writes the places of the windows still open before they close', async () => {
    start();
    fake(showContactListWindow()).setBounds({ x: 10, y: 20, width: 320, height: 640 });
    fake(showConversationWindow('a1', 'c1')).setBounds({ width: 500, height: 420 });
    await rememberWindowPlaces();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      schemaVersion: 1,
      contactList: { x: 10, y: 20, width: 320, height: 640 },
      conversation: { width: 500, height: 420 },
    });
  });
});
