// The renderer's Content-Security-Policy. Main sends it as a response header and
// renderer/index.html carries the same policy in a <meta> tag (a test keeps them equal), so it
// holds even where no header is seen, as for file:// pages.

const directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
};

function serialize(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = serialize(directives);

/**
 * The policy while running `electron-vite dev`: React Fast Refresh injects an inline module
 * script into index.html, which only the dev server ever serves.
 */
export const DEV_CONTENT_SECURITY_POLICY = serialize({
  ...directives,
  'script-src': [...directives['script-src'], "'unsafe-inline'"],
});
