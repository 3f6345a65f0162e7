// A conversation window's keys: Ctrl+Tab and Ctrl+Shift+Tab go to the next and previous
// conversation window (in the order the conversations opened), Ctrl+W closes this one, and so does
// Esc unless the user turned that off. Menus and dialogs handle their own Esc first.

import { useEffect } from 'react';
import { command } from '../../bridge';
import { useMessenger } from '../../store/context';
import type { MessengerStore } from '../../store/slices';

const selectConversationIds = (s: MessengerStore) => s.conversations;
const selectEscapeCloses = (s: MessengerStore) => s.settings?.escapeClosesConversation ?? true;

/** The conversation `step` places after `id` (wrapping), or undefined when there is no other. */
export function neighbour(ids: readonly string[], id: string, step: 1 | -1): string | undefined {
  const at = ids.indexOf(id);
  if (ids.length < 2 || at < 0) return undefined;
  return ids[(at + step + ids.length) % ids.length];
}

export function useConversationShortcuts(id: string, close: () => void): void {
  const conversations = useMessenger(selectConversationIds);
  const escapeCloses = useMessenger(selectEscapeCloses);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      const control = event.ctrlKey || event.metaKey;
      if (control && event.key === 'Tab') {
        event.preventDefault();
        const next = neighbour(Object.keys(conversations), id, event.shiftKey ? -1 : 1);
        if (next !== undefined) void command('showConversation', next);
      } else if (control && !event.shiftKey && event.key.toLowerCase() === 'w') {
        event.preventDefault();
        close();
      } else if (event.key === 'Escape' && !control && !event.shiftKey && escapeCloses) {
        event.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [conversations, id, close, escapeCloses]);
}
