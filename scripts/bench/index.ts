// `npm run bench`: the speed and memory figures of the protocol core and the client, printed as
// tables. Run with --expose-gc (the npm script does) so heap figures are measured after a collection.

import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { benchFramer, benchRoundTrips } from './codec';
import { benchConversationSync } from './conversation-sync';
import { benchHistory } from './history';
import { canCollectGarbage, formatNumber } from './measure';
import { benchRendererBundle } from './renderer-bundle';
import { benchSignIn } from './sign-in';
import { benchSwitchboard } from './switchboard';

const started = performance.now();
const processor = cpus()[0]?.model.trim() ?? 'unknown processor';
console.log(`MSN Messenger benchmarks — Node ${process.version}, ${cpus().length} × ${processor}, ${process.platform}/${process.arch}`);
if (!canCollectGarbage()) console.log('(run with node --expose-gc for heap figures after a collection)');

await benchFramer();
await benchRoundTrips();
await benchSignIn();
await benchSwitchboard();
await benchConversationSync();
await benchRendererBundle();
await benchHistory();

console.log(`\nDone in ${formatNumber((performance.now() - started) / 1000, 1)} s.`);
