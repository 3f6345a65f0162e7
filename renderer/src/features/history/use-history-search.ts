// Searching as the user types: a short pause after the last key, then one search; an answer to
// an older query is dropped when a newer one was asked. While a new answer is on its way, the
// last one stays on screen.

import { useEffect, useState } from 'react';
import type { HistorySearchResult } from '../../../../shared/history';
import { command } from '../../bridge';
import { strings } from '../../strings';

const TYPING_PAUSE_MS = 150;

export interface HistorySearch {
  readonly result: HistorySearchResult | undefined;
  readonly pending: boolean;
  readonly error: string | undefined;
}

interface Answer {
  readonly words: string;
  readonly generation: number;
  readonly result?: HistorySearchResult;
  readonly error?: string;
}

/** `generation`: bumped when history changed (a delete), so the same words are searched again. */
export function useHistorySearch(query: string, generation: number): HistorySearch {
  const [answer, setAnswer] = useState<Answer>();
  const words = query.trim();
  useEffect(() => {
    if (words === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void command('historySearch', words).then((reply) => {
        if (!current) return;
        setAnswer(reply.ok ? { words, generation, result: reply.value } : { words, generation, error: strings.error(reply.error) });
      });
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [words, generation]);
  if (words === '') return { result: undefined, pending: false, error: undefined };
  const pending = answer?.words !== words || answer.generation !== generation;
  return { result: answer?.result, pending, error: pending ? undefined : answer?.error };
}
