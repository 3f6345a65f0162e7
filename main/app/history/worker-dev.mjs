// The history worker when the app runs from its TypeScript sources (`npm run cli`, `npm run web`,
// the tests, the benchmarks): a worker thread does not inherit tsx's loader, so it registers it
// before loading worker.ts. The desktop build bundles worker.ts into out/main/history-worker.js.

import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
