import { describe, expect, it } from 'vitest';
import { describeError, describeTranscriptEvent } from './error-strings';

describe('the words for main\'s codes', () => {
  it('words a server error from the error table, and a numbered error nobody asked for as harmless', () => {
    expect(describeError({ kind: 'protocol', reason: 'server-error', code: 911 })).toBe('The sign-in name or password is incorrect.');
    expect(describeError({ kind: 'protocol', reason: 'unsolicited-server-error', code: 911 })).toMatch(/^The server sent error 911, which answers nothing/);
  });

  it('names the version and the download an upgrade check asked for, and leaves out what it did not', () => {
    expect(describeError({ kind: 'unsupported', reason: 'upgrade-requested', detail: { version: '3.0.0286', download: 'http://x.example/setup.exe' } })).toBe(
      'This server does not support MSN Messenger 2.0: it asks for version 3.0.0286 or newer (download: http://x.example/setup.exe).',
    );
    expect(describeError({ kind: 'unsupported', reason: 'upgrade-requested', detail: {} })).toBe(
      'This server does not support MSN Messenger 2.0: it asks for a newer version.',
    );
  });

  it('words a failed invitation as the MSN 2.0 conversation window did, by the server\'s code', () => {
    const call = (code: number | undefined, cause = 'server-error') =>
      describeTranscriptEvent({
        type: 'error',
        error: { kind: 'protocol', reason: 'call-failed', ...(code !== undefined && { code }), detail: { name: 'Bob', handle: 'bob@x.com', cause } },
      });
    expect(call(217)).toBe('Bob is offline or not accepting instant messages right now.');
    expect(call(215)).toBe('Bob is already in this conversation.');
    expect(call(208)).toBe('bob@x.com is not a valid sign-in name.');
    expect(call(713)).toMatch(/^You are inviting people too quickly, so Bob was not invited/);
    expect(call(500)).toBe('Bob could not be invited: The service is having problems. Please try again later.');
    expect(call(undefined, 'no-answer')).toBe('Bob could not be invited: the switchboard did not answer.');
  });

  it('quotes at most 60 characters of an undelivered message, and says who it did not reach', () => {
    const long = 'x'.repeat(80);
    expect(describeError({ kind: 'network', reason: 'undelivered', detail: { text: long, names: ['Bob', 'Carol'] } })).toBe(
      `The following message could not be delivered to Bob, Carol: "${'x'.repeat(57)}..."`,
    );
    expect(describeError({ kind: 'network', reason: 'undelivered', detail: { text: 'hi', names: [] } })).toBe(
      'The following message could not be delivered to anyone: "hi"',
    );
  });

  it('words every line of a conversation, with the names it carries as text', () => {
    expect(describeTranscriptEvent({ type: 'joined', name: '<b>Eve</b>' })).toBe('<b>Eve</b> has joined the conversation.');
    expect(describeTranscriptEvent({ type: 'left-blocked', name: 'Bob' })).toBe('You blocked Bob, so you have left this conversation.');
    expect(describeTranscriptEvent({ type: 'invitation-declined', name: 'Bob', application: 'NetMeeting' })).toBe(
      'Bob sent an invitation to "NetMeeting", which this version of MSN Messenger cannot accept. It was declined.',
    );
  });
});
