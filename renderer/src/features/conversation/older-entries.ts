// The entries of a long conversation that come before the window's copy (shared/window-state.ts),
// asked for from main a page at a time as their rows come into view, and kept while the window
// shows the conversation. They are settled history: what still changes (a message waiting for its
// ACK) is among the newest entries, which the window's copy holds and patches keep current.

import { useCallback, useRef, useState } from 'react';
import type { TranscriptEntry } from '../../../../shared/model';
import { RECENT_ENTRIES } from '../../../../shared/window-state';
import { command } from '../../bridge';

/** Entries asked for at a time. */
export const PAGE_ENTRIES = RECENT_ENTRIES;

export interface OlderEntries {
  /** The entry at `index` of the whole transcript, when its page has arrived. */
  entry(index: number): TranscriptEntry | undefined;
  /** Asks for the pages that hold `indices` (those before `olderCount`) and have not been asked for. */
  want(indices: readonly number[]): void;
}

interface Pages {
  readonly conversationId: string;
  readonly pages: ReadonlyMap<number, readonly TranscriptEntry[]>;
}

export function useOlderEntries(conversationId: string, olderCount: number): OlderEntries {
  const [loaded, setLoaded] = useState<Pages>({ conversationId, pages: new Map() });
  const asked = useRef<{ conversationId: string; pages: Set<number> }>({ conversationId, pages: new Set() });
  const pages = loaded.conversationId === conversationId ? loaded.pages : undefined;

  const entry = useCallback(
    (index: number) => pages?.get(Math.floor(index / PAGE_ENTRIES))?.[index % PAGE_ENTRIES],
    [pages],
  );

  const want = useCallback(
    (indices: readonly number[]) => {
      if (asked.current.conversationId !== conversationId) asked.current = { conversationId, pages: new Set() };
      const asking = asked.current.pages;
      for (const index of indices) {
        if (index >= olderCount) continue;
        const page = Math.floor(index / PAGE_ENTRIES);
        if (asking.has(page)) continue;
        asking.add(page);
        void command('conversationEntries', conversationId, page * PAGE_ENTRIES, PAGE_ENTRIES).then((result) => {
          // A page that did not come is asked for again when its rows are drawn again.
          if (!result.ok) {
            asking.delete(page);
            return;
          }
          setLoaded((current) => {
            const base = current.conversationId === conversationId ? current.pages : new Map<number, readonly TranscriptEntry[]>();
            return { conversationId, pages: new Map(base).set(page, result.value) };
          });
        });
      }
    },
    [conversationId, olderCount],
  );

  return { entry, want };
}
