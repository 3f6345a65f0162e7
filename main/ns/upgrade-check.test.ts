import { describe, expect, it } from 'vitest';
import { describeUpgrade } from './upgrade-check';

const DOWNLOAD = 'http://download.example.com/setupdl.exe';
const refusal = (answer: readonly string[]) => describeUpgrade(answer).appError;
const PLAIN = { kind: 'unsupported', reason: 'unsupported-server', field: 'server' };

describe('the CVQ answer as the refusal (§4.2)', () => {
  it('names the minimum version when it is newer than 2.0.0085 (§14.2)', () => {
    expect(refusal(['5.0.0537', '5.0.0537', '3.0.0286', DOWNLOAD, 'http://messenger.msn.com'])).toEqual({
      kind: 'unsupported',
      reason: 'upgrade-requested',
      field: 'server',
      detail: { version: '3.0.0286', download: DOWNLOAD },
    });
  });

  it('names the recommended version when the minimum is not newer than 2.0.0085 (§4.2 example)', () => {
    expect(refusal(['5.0.0537', '5.0.0537', '1.0.0863', 'https://example.com/a', 'x'])?.detail).toEqual({
      version: '5.0.0537',
      download: 'https://example.com/a',
    });
  });

  it.each([['setupdl.exe'], ['/download'], ['ftp://example.com/setup.exe'], ['javascript:alert(1)'], ['http:example.com'], ['http://']])(
    'leaves out the download "%s", which is not an absolute http(s) URL',
    (download) => {
      expect(refusal(['5.0.0537', '5.0.0537', '3.0.0286', download])?.detail).toEqual({ version: '3.0.0286' });
    },
  );

  it('leaves out versions that are garbage or not newer than this client', () => {
    expect(refusal(['2.0.0085', 'x', '1.0', DOWNLOAD])?.detail).toEqual({ download: DOWNLOAD });
    expect(refusal(['5.0.0537x', '5', '2.0.0084', '/setupdl.exe'])).toEqual(PLAIN);
  });

  it('falls back to the plain refusal on an empty answer', () => {
    expect(refusal([])).toEqual(PLAIN);
  });
});
