// The servers the sign-in form and Options offer by name, as data: adding a network is one entry
// here. "Other server…" (a typed address) is always offered beside them.

export interface ServerPreset {
  readonly label: string;
  /** `host:port`, or `demo` for the local demo server started inside the app. */
  readonly address: string;
  /**
   * The server signs in old clients with MD5 only for accounts that turned it on on its website,
   * and answers 911 otherwise (the sign-in troubleshooter says so, and where).
   */
  readonly md5OptIn?: { readonly website: string };
}

/** The port a server address without one means (§4.6). */
const DEFAULT_PORT = 1863;

/** The server address that means "the local demo server started inside the app". */
export const DEMO_SERVER = 'demo';

export const SERVER_PRESETS: readonly ServerPreset[] = [
  { label: 'Local demo (built in)', address: DEMO_SERVER },
  { label: 'Server on this computer', address: '127.0.0.1:1863' },
  // Escargot serves MSNP2/MSNP3 clients through MD5 sign-in once an account allows "old MSN".
  { label: 'Escargot', address: 'm1.escargot.chat:1863', md5OptIn: { website: 'https://escargot.chat' } },
];

/** `host:port` in one spelling (lower case, the port written out), to compare addresses. */
export function normalServer(address: string): string {
  const trimmed = address.trim().toLowerCase();
  if (trimmed === DEMO_SERVER || /:\d+$/.test(trimmed)) return trimmed;
  return `${trimmed}:${DEFAULT_PORT}`;
}

/** The preset a typed or chosen address is, if any. */
export function presetOf(address: string | undefined, presets: readonly ServerPreset[] = SERVER_PRESETS): ServerPreset | undefined {
  if (address === undefined) return undefined;
  const wanted = normalServer(address);
  return presets.find((preset) => normalServer(preset.address) === wanted);
}
