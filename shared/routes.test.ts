import { describe, expect, it } from 'vitest';
import { consoleRoute, contactListRoute, conversationRoute, historyRoute, parseRoute } from './routes';

describe('window routes', () => {
  it('round-trips a contact list and a conversation of any account', () => {
    expect(parseRoute(contactListRoute('a2'))).toEqual({ kind: 'contacts', account: 'a2' });
    const id = 'c/1 ü?#';
    expect(parseRoute(conversationRoute('a3', id))).toEqual({ kind: 'conversation', account: 'a3', id });
    expect(parseRoute(`#${conversationRoute('a1', 'c9')}`)).toEqual({ kind: 'conversation', account: 'a1', id: 'c9' });
    expect(parseRoute(`#${consoleRoute('a2')}`)).toEqual({ kind: 'console', account: 'a2' });
  });

  it('round-trips the history window, at a contact or not', () => {
    expect(parseRoute(historyRoute('a2'))).toEqual({ kind: 'history', account: 'a2' });
    expect(parseRoute(historyRoute('a1', 'bob+x@example.com'))).toEqual({ kind: 'history', account: 'a1', handle: 'bob+x@example.com' });
    expect(parseRoute('/history')).toEqual({ kind: 'history', account: 'a1' });
    expect(parseRoute('/history/a1/b/c')).toEqual({ kind: 'contacts', account: 'a1' });
  });

  it('takes a route without an account as the first account', () => {
    expect(parseRoute('/contacts')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('/conversation/c1')).toEqual({ kind: 'conversation', account: 'a1', id: 'c1' });
    // A conversation whose id looks like an account id is still that conversation.
    expect(parseRoute('/conversation/a2')).toEqual({ kind: 'conversation', account: 'a1', id: 'a2' });
  });

  it('shows the contact list for anything it cannot read', () => {
    expect(parseRoute('/conversation/%E0%A4%A')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('/conversation/a1/x/y')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('/contacts/../../etc')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('/elsewhere/a2')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('/console')).toEqual({ kind: 'contacts', account: 'a1' });
    expect(parseRoute('/console/a2/more')).toEqual({ kind: 'contacts', account: 'a1' });
  });
});
