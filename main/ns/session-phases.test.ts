import { describe, expect, it } from 'vitest';
import { IllegalTransition, PhaseMachine } from '../../shared/phase';
import { SESSION_PHASES, type SessionPhase } from './session';

const NAMES = Object.keys(SESSION_PHASES) as SessionPhase['name'][];

/** A phase of that name (the data does not matter to the table). */
const phase = (name: SessionPhase['name']): SessionPhase => ({ name }) as SessionPhase;

describe('the notification session phases', () => {
  it.each(NAMES.flatMap((from) => SESSION_PHASES[from].map((to) => [from, to] as const)))('allow %s → %s', (from, to) => {
    const machine = new PhaseMachine<SessionPhase>('NotificationSession', phase(from), SESSION_PHASES);
    expect(machine.go(phase(to)).name).toBe(to);
  });

  it.each(NAMES.flatMap((from) => NAMES.filter((to) => !SESSION_PHASES[from].includes(to)).map((to) => [from, to] as const)))(
    'refuse %s → %s',
    (from, to) => {
      const machine = new PhaseMachine<SessionPhase>('NotificationSession', phase(from), SESSION_PHASES);
      expect(() => machine.go(phase(to))).toThrow(IllegalTransition);
    },
  );

  it('reaches online only through signing in, syncing and going online, and ends only once', () => {
    const reachable = (target: SessionPhase['name']): SessionPhase['name'][] =>
      NAMES.filter((from) => SESSION_PHASES[from].includes(target));
    expect(reachable('online')).toEqual(['going-online']);
    expect(reachable('going-online')).toEqual(['syncing']);
    expect(reachable('syncing')).toEqual(['signing-in']);
    expect(SESSION_PHASES.ended).toEqual([]);
  });
});
