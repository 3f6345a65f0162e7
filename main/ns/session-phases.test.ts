import { describe, expect, it } from 'vitest';
import { describePhaseTable } from '../../test/support/phase-table';
import { SESSION_PHASES, type SessionPhase } from './session';

describePhaseTable('NotificationSession', SESSION_PHASES);

describe('the notification session phase table', () => {
  it('reaches online only through signing in, syncing and going online, and ends only once', () => {
    const names = Object.keys(SESSION_PHASES) as SessionPhase['name'][];
    const into = (target: SessionPhase['name']) => names.filter((from) => SESSION_PHASES[from].includes(target));
    expect(into('online')).toEqual(['going-online']);
    expect(into('going-online')).toEqual(['syncing']);
    expect(into('syncing')).toEqual(['signing-in']);
    expect(SESSION_PHASES.ended).toEqual([]);
  });
});
