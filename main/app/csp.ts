// The renderer's Content-Security-Policy, for every shell. Electron sends it as a response header
// and renderer/index.html carries the same policy in a <meta> tag (a test keeps them equal), so it
// holds even where no header is seen, as for file:// pages. The browser host adds its WebSocket.
// No inline styles either: React sets style props through the CSSOM, which the policy leaves alone.

const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'media-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

function serialize(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = serialize(directives);

/**
 * The policy while running `electron-vite dev`: React Fast Refresh injects an inline module
 * script into index.html, and Vite injects the CSS as <style> elements; only the dev server ever
 * serves them.
 */
export const DEV_CONTENT_SECURITY_POLICY = serialize({
  ...directives,
  'script-src': [...directives['script-src'], "'unsafe-inline'"],
  'style-src': [...directives['style-src'], "'unsafe-inline'"],
});

/** The browser host's pages: the same policy, plus its WebSocket and no framing (a header-only directive). */
export function browserHostPolicy(webSocketOrigin: string): string {
  return serialize({
    ...directives,
    'connect-src': [...directives['connect-src'], webSocketOrigin],
    'frame-ancestors': ["'none'"],
  });
}
