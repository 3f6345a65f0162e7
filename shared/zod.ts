// zod as the shared code uses it. Out of the box zod compiles a fast parser for each object schema
// with `new Function`, probing once whether eval is allowed; under the renderer's strict
// Content-Security-Policy the probe is blocked and reported as a violation on every page. Jitless,
// zod never tries. The setting must be made before the first object schema is built, so every
// schema module takes `z` from here (its imports run before its own body).

import { z } from 'zod';

z.config({ jitless: true });

export { z };
