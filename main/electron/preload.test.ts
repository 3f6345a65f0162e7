import { beforeAll, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES } from '../../shared/commands';
import type { MsnApi } from '../../shared/ipc';
import { contextBridge, ipcRenderer } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let msn: MsnApi;

beforeAll(async () => {
  await import('./preload');
  msn = contextBridge.exposed.get('msn') as MsnApi;
});

describe('preload', () => {
  it('exposes exactly one method per contract command, plus on', () => {
    expect(Object.keys(msn).sort()).toEqual([...COMMAND_NAMES, 'on'].sort());
    expect(Object.values(msn).every((member) => typeof member === 'function')).toBe(true);
  });

  it('invokes the command channel with the arguments as given', async () => {
    await msn.setStatus('a1', 'BSY');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('msn:setStatus', 'a1', 'BSY');
  });

  it('delivers the payload of an event to its listener until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = msn.on('notice', listener);
    const notice = { kind: 'new-mail', from: 'a@b.c', subject: 'Hi' } as const;
    ipcRenderer.emit('msn:event:notice', {}, notice);
    expect(listener).toHaveBeenCalledWith(notice);
    unsubscribe();
    ipcRenderer.emit('msn:event:notice', {}, notice);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses to subscribe to an event the contract does not have', () => {
    expect(() => msn.on('ipc-internal' as 'notice', vi.fn())).toThrow(/Unknown event/);
  });
});
