// Which links the app opens: web pages over http(s) and e-mail addresses (mailto). Both the
// renderer (before it draws a link) and main (before it hands one to the system) ask here, so a
// page that sends something else to the openLink command gets a refusal, never an opened URL.

export const MAX_LINK_LENGTH = 2048;

const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/** The link as the system should get it (normalised by URL), or undefined when it may not be opened. */
export function openableLink(href: string): string | undefined {
  // Control characters and spaces never belong in a link someone typed; URL would quietly drop some.
  if (href.length > MAX_LINK_LENGTH || [...href].some((character) => /\s/.test(character) || character < ' ' || character === '\u007f')) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!OPENABLE.has(url.protocol)) return undefined;
  if (url.protocol === 'mailto:') return /^[^@/?#]+@[^@/?#]+$/.test(url.pathname) ? url.href : undefined;
  // A web link needs a host, and one that names no user: http://bank.example@evil.example misleads.
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
