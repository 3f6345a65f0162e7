// Finds the links in a text with linkifyjs (a maintained tokenizer that knows top-level domains,
// trailing punctuation and brackets), keeping only what the issue asks for: addresses typed with
// http:// or https://, ones starting www., and e-mail addresses. A bare "example.com" stays text.

import { find } from 'linkifyjs';
import { openableLink } from '../../../../shared/links';

export interface FoundLink {
  readonly start: number;
  readonly end: number;
  /** What opening it opens, checked by shared/links.ts. */
  readonly href: string;
}

const TYPED_AS_LINK = /^(?:https?:\/\/|www\.|mailto:)/i;

export function findLinks(text: string): FoundLink[] {
  if (!/[.@:]/.test(text)) return [];
  return find(text).flatMap((match) => {
    if (match.type !== 'email' && !TYPED_AS_LINK.test(match.value)) return [];
    const href = openableLink(match.href);
    return href === undefined ? [] : [{ start: match.start, end: match.end, href }];
  });
}

/**
 * linkifyjs builds its scanner (every top-level domain) on first use, tens of milliseconds; a
 * window builds it while it waits for its first snapshot, not while drawing its first messages.
 */
export function prepareLinkFinder(): void {
  find('www.example.com');
}
