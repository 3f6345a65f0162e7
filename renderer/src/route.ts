// The hash route picks what this window shows (shared/routes.ts): an account's contact-list window,
// one of its conversations (main opens one window per conversation), or its history window.

import { useEffect, useState } from 'react';
import { type Route, parseRoute } from '../../shared/routes';

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return parseRoute(hash);
}
