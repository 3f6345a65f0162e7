// Whether the signed-in account keeps a chat history: true or false once asked, undefined before
// (or while nobody is signed in).

import type { MessengerStore } from '../../store/slices';

export function selectKeepsHistory(state: MessengerStore): boolean | undefined {
  const { handle, state: sessionState } = state.session;
  if (sessionState !== 'online' || !handle) return undefined;
  return state.settings?.history[handle.toLowerCase()];
}
