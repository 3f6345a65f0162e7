// The routes of the app's windows, the same in Electron (the page's hash) and the browser host:
// `/contacts/<account>` is an account's contact list, `/conversation/<account>/<id>` one of its
// conversations, `/history/<account>[/<handle>]` its history window (at a contact's conversations),
// `/console/<account>` its protocol console. A route without an account (`/`, `/contacts`, `/conversation/<id>`: an old
// bookmark of the browser host) means the first account.

import { type AccountId, FIRST_ACCOUNT, isAccountId } from './accounts';

export type Route =
  | { readonly kind: 'contacts'; readonly account: AccountId }
  | { readonly kind: 'conversation'; readonly account: AccountId; readonly id: string }
  | { readonly kind: 'history'; readonly account: AccountId; readonly handle?: string }
  | { readonly kind: 'console'; readonly account: AccountId };

export const contactListRoute = (account: AccountId): string => `/contacts/${account}`;

export const consoleRoute = (account: AccountId): string => `/console/${account}`;

export const conversationRoute = (account: AccountId, conversationId: string): string =>
  `/conversation/${account}/${encodeURIComponent(conversationId)}`;

export const historyRoute = (account: AccountId, handle?: string): string =>
  handle === undefined ? `/history/${account}` : `/history/${account}/${encodeURIComponent(handle)}`;

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Any string parses: what is not a conversation route is the account's (or the first account's) contact list. */
export function parseRoute(route: string): Route {
  const segments = route.replace(/^#/, '').split('/').filter(Boolean);
  const [kind, ...rest] = segments;
  const account = rest.length > 0 && isAccountId(rest[0]) && !(kind === 'conversation' && rest.length === 1) ? rest.shift() : undefined;
  if (kind === 'conversation' && rest.length === 1) {
    const id = decoded(rest[0] ?? '');
    if (id) return { kind: 'conversation', account: account ?? FIRST_ACCOUNT, id };
  }
  if (kind === 'history' && rest.length <= 1) {
    const handle = rest.length === 1 ? decoded(rest[0] ?? '') : undefined;
    if (rest.length === 0 || handle) return { kind: 'history', account: account ?? FIRST_ACCOUNT, ...(handle && { handle }) };
  }
  if (kind === 'console' && account && rest.length === 0) return { kind: 'console', account };
  return { kind: 'contacts', account: kind === 'contacts' && account ? account : FIRST_ACCOUNT };
}
