import { describe, expect, it } from 'vitest';
import { describePhaseTable } from '../../test/support/phase-table';
import { RUNTIME_PHASES } from './conversation-runtime';

describePhaseTable('ConversationRuntime', RUNTIME_PHASES);

describe('the conversation runtime phase table', () => {
  it('attaches a switchboard only from idle (an invitation) or connecting, and never leaves disposed', () => {
    expect(Object.entries(RUNTIME_PHASES).filter(([, to]) => to.includes('attached')).map(([from]) => from)).toEqual(['idle', 'connecting']);
    expect(RUNTIME_PHASES.disposed).toEqual([]);
  });
});
