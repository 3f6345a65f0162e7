import { describe, expect, it } from 'vitest';
import type { StatusCode } from '../../shared/model';
import { AutoReply } from './auto-reply';

function setUp(status: StatusCode) {
  const sent: [string, string][] = [];
  const host = { current: status };
  const autoReply = new AutoReply({ status: () => host.current, reply: (id, text) => sent.push([id, text]) });
  autoReply.set({ AWY: 'Gone fishing.', BSY: '  ' });
  return { sent, host, autoReply };
}

describe('the away auto-reply', () => {
  it('answers the first message of each conversation once while the status holds', () => {
    const { sent, autoReply } = setUp('AWY');
    autoReply.received({ conversationId: 'c1' });
    autoReply.received({ conversationId: 'c1' });
    autoReply.received({ conversationId: 'c2' });
    expect(sent).toEqual([
      ['c1', 'Gone fishing.'],
      ['c2', 'Gone fishing.'],
    ]);
  });

  it('answers again after the status changed and came back', () => {
    const { sent, host, autoReply } = setUp('AWY');
    autoReply.received({ conversationId: 'c1' });
    host.current = 'NLN';
    autoReply.statusChanged('NLN');
    autoReply.received({ conversationId: 'c1' });
    host.current = 'AWY';
    autoReply.statusChanged('AWY');
    autoReply.received({ conversationId: 'c1' });
    expect(sent).toEqual([
      ['c1', 'Gone fishing.'],
      ['c1', 'Gone fishing.'],
    ]);
  });

  it('never answers an automatic message', () => {
    const { sent, autoReply } = setUp('AWY');
    autoReply.received({ conversationId: 'c1', automatic: true });
    expect(sent).toEqual([]);
  });

  it.each<StatusCode>(['NLN', 'IDL', 'HDN', 'BSY', 'BRB'])('stays quiet while %s has no reply', (status) => {
    const { sent, autoReply } = setUp(status);
    autoReply.received({ conversationId: 'c1' });
    expect(sent).toEqual([]);
  });

  it('is off once the replies are cleared', () => {
    const { sent, autoReply } = setUp('AWY');
    autoReply.set({});
    autoReply.received({ conversationId: 'c1' });
    expect(sent).toEqual([]);
  });
});
