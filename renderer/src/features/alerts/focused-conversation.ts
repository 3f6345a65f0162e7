// Which conversation window has the focus, shared between the app's windows through localStorage
// (they share an origin). The contact-list window plays the sounds and shows the alerts, and stays
// quiet about a message in the conversation the user is looking at.

import { useEffect } from 'react';

const STORAGE_KEY = 'msn.focusedConversation';

function write(conversationId: string | undefined): void {
  try {
    if (conversationId === undefined) window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, conversationId);
  } catch {
    // Without storage every message counts as unseen: a sound too many, never one too few.
  }
}

export function focusedConversation(): string | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the shared record up to date from this window: a conversation window (`conversationId`)
 * claims it while focused; the contact-list window clears it when it takes the focus.
 */
export function useFocusRecord(conversationId: string | undefined): void {
  useEffect(() => {
    const focus = (): void => write(conversationId);
    const blur = (): void => {
      if (conversationId !== undefined && focusedConversation() === conversationId) write(undefined);
    };
    if (document.hasFocus()) focus();
    window.addEventListener('focus', focus);
    window.addEventListener('blur', blur);
    window.addEventListener('pagehide', blur);
    return () => {
      blur();
      window.removeEventListener('focus', focus);
      window.removeEventListener('blur', blur);
      window.removeEventListener('pagehide', blur);
    };
  }, [conversationId]);
}
