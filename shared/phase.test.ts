import { describe, expect, it } from 'vitest';
import { IllegalTransition, PhaseMachine, type PhaseTable } from './phase';

type Door = { readonly name: 'shut' } | { readonly name: 'open'; readonly by: string } | { readonly name: 'gone' };
const DOOR: PhaseTable<Door> = { shut: ['open', 'gone'], open: ['shut', 'open'], gone: [] };

describe('PhaseMachine', () => {
  it('moves along the table and tells a stale phase from the current one by identity', () => {
    const door = new PhaseMachine<Door>('Door', { name: 'shut' }, DOOR);
    const first = door.go({ name: 'open', by: 'Ann' });
    expect(door.isCurrent(first)).toBe(true);
    const second = door.go({ name: 'open', by: 'Bob' });
    expect(door.isCurrent(first)).toBe(false);
    expect(door.when('open')?.by).toBe('Bob');
    expect(door.when('shut')).toBeUndefined();
    expect(door.isCurrent(second)).toBe(true);
  });

  it('throws on a move the table does not allow and stays where it was', () => {
    const door = new PhaseMachine<Door>('Door', { name: 'shut' }, DOOR);
    door.go({ name: 'gone' });
    expect(() => door.go({ name: 'shut' })).toThrow(IllegalTransition);
    expect(() => door.go({ name: 'shut' })).toThrow('Door: cannot go from gone to shut');
    expect(door.current.name).toBe('gone');
  });
});
