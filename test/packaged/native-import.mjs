// Node's own `import()`, for loading the packaged app exactly as Electron's Node would. vitest runs
// test files through its module runner, which would transform the bundle (and quietly supply
// `require` and `__dirname` to ES modules), so vitest.config.ts leaves this one file to Node.

/**
 * @param {string} url a file: URL
 * @returns {Promise<Record<string, unknown>>}
 */
export const nativeImport = (url) => import(url);
