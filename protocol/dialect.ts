// The two dialects of the wire, and the version token that is neither (§4.1, §4.2). The client
// offers them in VER; the server answers with the one it picks.

import type { Dialect } from '../shared/model';

export type { Dialect };

/** Both dialects, newest first: the order the client offers them and a server prefers them. */
export const DIALECTS: readonly Dialect[] = ['MSNP3', 'MSNP2'];

/** Not a dialect: offered last, it asks a server that speaks neither for an upgrade check. */
export const UPGRADE_CHECK = 'CVR0';

export function isDialect(value: string | undefined): value is Dialect {
  return value === 'MSNP3' || value === 'MSNP2';
}
