// The hash route picks what this window shows: `#/` or `#/contacts` is the contact-list window,
// `#/conversation/<id>` a conversation window (main opens one window per conversation), and
// `#/history` the history window (`#/history/<handle>` opens it at a contact's conversations).

import { useEffect, useState } from 'react';

export type Route =
  | { readonly kind: 'main' }
  | { readonly kind: 'conversation'; readonly id: string }
  | { readonly kind: 'history'; readonly handle?: string };

export function parseRoute(hash: string): Route {
  const history = /^#\/history(?:\/([^/]+))?$/.exec(hash);
  if (history) {
    try {
      return history[1] ? { kind: 'history', handle: decodeURIComponent(history[1]) } : { kind: 'history' };
    } catch {
      return { kind: 'history' };
    }
  }
  const match = /^#\/conversation\/([^/]+)$/.exec(hash);
  if (match?.[1]) {
    try {
      return { kind: 'conversation', id: decodeURIComponent(match[1]) };
    } catch {
      return { kind: 'main' };
    }
  }
  return { kind: 'main' };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return parseRoute(hash);
}
