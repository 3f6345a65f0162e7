import { describe, expect, it } from 'vitest';
import { UNSUPPORTED_SERVER } from './errors';
import { describeUpgrade } from './upgrade-check';

const DOWNLOAD = 'http://download.example.com/setupdl.exe';

describe('the CVQ answer as a sentence (§4.2)', () => {
  it('names the minimum version when it is newer than 2.0.0085 (§14.2)', () => {
    expect(describeUpgrade(['5.0.0537', '5.0.0537', '3.0.0286', DOWNLOAD, 'http://messenger.msn.com'])).toBe(
      `This server does not support MSN Messenger 2.0: it asks for version 3.0.0286 or newer (download: ${DOWNLOAD}).`,
    );
  });

  it('names the recommended version when the minimum is not newer than 2.0.0085 (§4.2 example)', () => {
    expect(describeUpgrade(['5.0.0537', '5.0.0537', '1.0.0863', 'https://example.com/a', 'x'])).toBe(
      'This server does not support MSN Messenger 2.0: it asks for version 5.0.0537 or newer (download: https://example.com/a).',
    );
  });

  it.each([['setupdl.exe'], ['/download'], ['ftp://example.com/setup.exe'], ['javascript:alert(1)'], ['http:example.com'], ['http://']])(
    'leaves out the download "%s", which is not an absolute http(s) URL',
    (download) => {
      expect(describeUpgrade(['5.0.0537', '5.0.0537', '3.0.0286', download])).toBe(
        'This server does not support MSN Messenger 2.0: it asks for version 3.0.0286 or newer.',
      );
    },
  );

  it('leaves out versions that are garbage or not newer than this client', () => {
    expect(describeUpgrade(['2.0.0085', 'x', '1.0', DOWNLOAD])).toBe(
      `This server does not support MSN Messenger 2.0: it asks for a newer version (download: ${DOWNLOAD}).`,
    );
    expect(describeUpgrade(['5.0.0537x', '5', '2.0.0084', '/setupdl.exe'])).toBe(UNSUPPORTED_SERVER);
  });

  it('falls back to the plain sentence on an empty answer', () => {
    expect(describeUpgrade([])).toBe(UNSUPPORTED_SERVER);
  });
});
