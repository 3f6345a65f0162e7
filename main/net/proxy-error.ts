// A proxy that could not be used: which one, and what it did. The client maps it to the AppError
// the user reads (main/client/errors.ts), whose sentence names the proxy, not the server.

import type { AppError, ErrorDetail } from '../../shared/errors';

/** The ways a proxy fails: not reached, silent, wants or refuses credentials, refuses the server, or speaks something else. */
export type ProxyFailure =
  | 'proxy-cannot-connect'
  | 'proxy-timeout'
  | 'proxy-needs-credentials'
  | 'proxy-credentials-refused'
  | 'proxy-refused'
  | 'proxy-unexpected';

export class ProxyError extends Error {
  constructor(
    readonly reason: ProxyFailure,
    /** `proxy` (its URL without the password) always; `code`, `seconds`, `server` and `answer` as they apply. */
    readonly detail: ErrorDetail,
  ) {
    super(`${reason} ${JSON.stringify(detail)}`);
    this.name = 'ProxyError';
  }

  get appError(): AppError {
    return { kind: this.reason === 'proxy-timeout' ? 'timeout' : 'network', reason: this.reason, detail: this.detail };
  }
}
