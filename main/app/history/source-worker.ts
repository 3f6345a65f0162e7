// The history worker for a process running from the TypeScript sources under tsx (the CLI, the
// browser host, tests, benchmarks). The desktop app's build names its bundled worker instead.
// Only entry points that run from sources import this: a bundle would copy worker-dev.mjs in.

export const SOURCE_HISTORY_WORKER = new URL('./worker-dev.mjs', import.meta.url);
