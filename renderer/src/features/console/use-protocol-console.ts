// The window's copy of its account's protocol console: the snapshot, then the lines main sends as
// they happen (shared/console.ts's followConsole keeps each once, and drops what main dropped).
// Opening the console is what turns recording on; it stays on until unticked.

import { useCallback, useEffect, useState } from 'react';
import type { CommandResult } from '../../../../shared/commands';
import { type ConsoleLine, followConsole } from '../../../../shared/console';
import { command, subscribe, windowAccount } from '../../bridge';
import { strings } from '../../strings';

export interface ProtocolConsoleView {
  readonly ready: boolean;
  readonly recording: boolean;
  readonly lines: readonly ConsoleLine[];
  /** Why the console could not be reached, worded. */
  readonly error: string | undefined;
}

const EMPTY: ProtocolConsoleView = { ready: false, recording: false, lines: [], error: undefined };

export function useProtocolConsole(): ProtocolConsoleView & {
  setRecording(recording: boolean): Promise<void>;
  clear(): Promise<void>;
} {
  const [view, setView] = useState<ProtocolConsoleView>(EMPTY);

  useEffect(() => {
    let current = true;
    // Listen first, then ask: a line sent between the two is in the snapshot or the event, and kept once.
    const unsubscribe = subscribe('console', (change) => {
      if (change.account !== windowAccount()) return;
      setView((before) => ({ ...before, recording: change.recording, lines: followConsole(before.lines, change) }));
    });
    void (async () => {
      const turnedOn = await command('setProtocolConsoleRecording', true);
      const snapshot = await command('getProtocolConsole');
      if (!current) return;
      const failed = !turnedOn.ok ? turnedOn.error : !snapshot.ok ? snapshot.error : undefined;
      if (failed || !snapshot.ok) {
        setView((before) => ({ ...before, ready: true, error: failed && strings.error(failed) }));
        return;
      }
      setView((before) => ({ ready: true, recording: snapshot.value.recording, lines: followConsole(before.lines, snapshot.value), error: undefined }));
    })();
    return () => {
      current = false;
      unsubscribe();
    };
  }, []);

  const run = useCallback(async (action: () => Promise<CommandResult<void>>) => {
    const result = await action();
    if (!result.ok) setView((before) => ({ ...before, error: strings.error(result.error) }));
  }, []);

  return {
    ...view,
    setRecording: (recording) => run(() => command('setProtocolConsoleRecording', recording)),
    clear: () => run(() => command('clearProtocolConsole')),
  };
}
