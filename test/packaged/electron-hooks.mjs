// Module resolution hooks (node:module `register`): inside the packaged app, and only there,
// `import 'electron'` gets the stand-in module instead of the npm package (which would try to
// download Electron). Hooks run on Node's loader thread, so they receive plain data, not objects.

/** @type {string} */
let appUrl = '';
/** @type {string} */
let standInUrl = '';

/** @param {{ appUrl: string, standInUrl: string }} data */
export function initialize(data) {
  ({ appUrl, standInUrl } = data);
}

/**
 * @param {string} specifier
 * @param {{ parentURL?: string }} context
 * @param {(specifier: string, context: object) => Promise<{ url: string }>} nextResolve
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' && context.parentURL?.startsWith(appUrl)) return { url: standInUrl, shortCircuit: true };
  return nextResolve(specifier, context);
}
