// The CVR0 upgrade check (§4.2, §14.2). A server that speaks neither MSNP3 nor MSNP2 but answered
// `VER … CVR0` is asked, as the official client asked it, which version it wants; the answer becomes
// the refusal's facts (the version to install, where to get it). The server hangs up after replying,
// so a close, a timeout or an error line before the reply leaves the plain refusal.

import { ConnectionClosedError, type MsnpConnection, ProtocolError, RequestTimeoutError } from '../../protocol/index';
import { CLIENT_LANGUAGE, CLIENT_LIBRARY } from './dialect';
import { SessionError } from './errors';

export const CLIENT_VERSION = '2.0.0085';

/** MSN Messenger 2.0 on Windows 98 (§4.2): with the TrID, the 7 parameters of an MSNP2/MSNP3 client. */
const CLIENT_REPORT = [CLIENT_LANGUAGE, 'win', '4.10', 'i386', CLIENT_LIBRARY, CLIENT_VERSION];

const UNSUPPORTED = (): SessionError => new SessionError('unsupported', 'unsupported-server', 'server');

/** Sends CVQ and returns the refusal to throw; never rejects for anything the server does. */
export async function askForUpgrade(connection: MsnpConnection): Promise<SessionError> {
  try {
    const reply = await connection.request('CVQ', CLIENT_REPORT);
    return describeUpgrade(reply.params.slice(1));
  } catch (error) {
    if (error instanceof ConnectionClosedError || error instanceof RequestTimeoutError || error instanceof ProtocolError) {
      return UNSUPPORTED();
    }
    throw error;
  }
}

/** `recommended recommended2 minimum download-url info-url` (the CVQ reply without its TrID) as the refusal. */
export function describeUpgrade([recommended, , minimum, download]: readonly string[]): SessionError {
  const version = wantedVersion(recommended, minimum);
  const url = download !== undefined && isWebUrl(download) ? download : undefined;
  if (!version && !url) return UNSUPPORTED();
  return new SessionError('unsupported', 'upgrade-requested', 'server', { ...(version && { version }), ...(url && { download: url }) });
}

/**
 * The minimum when it is newer than this client (the official client then refused to sign in);
 * otherwise the recommended version, since the server speaks nothing this version does. A version
 * that is not newer than this client's says nothing useful and is left out.
 */
function wantedVersion(recommended: string | undefined, minimum: string | undefined): string | undefined {
  return [minimum, recommended].find(isNewerThanThisClient);
}

function isNewerThanThisClient(text: string | undefined): text is string {
  if (text === undefined || !/^\d{1,9}(\.\d{1,9}){0,3}$/.test(text)) return false;
  const theirs = text.split('.').map(Number);
  const ours = CLIENT_VERSION.split('.').map(Number);
  for (let index = 0; index < Math.max(theirs.length, ours.length); index++) {
    const difference = (theirs[index] ?? 0) - (ours[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/** Only an absolute http(s) URL is worth showing; anything else from the server is dropped. */
function isWebUrl(text: string): boolean {
  return /^https?:\/\//i.test(text) && URL.canParse(text);
}
