import { describe, expect, it } from 'vitest';
import { takeReloadedReason } from './reloaded';
import { strings } from './strings';

describe('a window main reloaded', () => {
  it('finds the reason once, and takes it out of the address, keeping the rest', () => {
    window.history.replaceState(null, '', '/index.html?token=abc&reloaded=crashed#/contacts/a1');
    expect(takeReloadedReason()).toBe('crashed');
    expect(window.location.search).toBe('?token=abc');
    expect(window.location.hash).toBe('#/contacts/a1');
    expect(takeReloadedReason()).toBeUndefined();
  });

  it('says what happened in words, for the reasons main gives and any other', () => {
    expect(strings.reloaded('unresponsive')).toMatch(/^This window stopped responding and was reloaded\. The log/);
    expect(strings.reloaded('oom')).toMatch(/^This window ran out of memory/);
    expect(strings.reloaded('crashed')).toMatch(/^This window stopped unexpectedly and was reloaded\./);
    expect(strings.reloaded('launch-failed')).toMatch(/^This window stopped unexpectedly/);
  });
});
