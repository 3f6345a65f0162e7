// The tests every phase table gets: each legal move is taken, each other move throws.

import { describe, expect, it } from 'vitest';
import { IllegalTransition, type Phase, PhaseMachine, type PhaseTable } from '../../shared/phase';

export function describePhaseTable<P extends Phase>(machine: string, table: PhaseTable<P>): void {
  const names = Object.keys(table) as P['name'][];
  /** A phase of that name (the data does not matter to the table). */
  const phase = (name: P['name']): P => ({ name }) as P;
  const legal = names.flatMap((from) => table[from].map((to) => [from, to] as const));
  const illegal = names.flatMap((from) => names.filter((to) => !table[from].includes(to)).map((to) => [from, to] as const));

  describe(`${machine} phases`, () => {
    it.each(legal)('allow %s → %s', (from, to) => {
      expect(new PhaseMachine<P>(machine, phase(from), table).go(phase(to)).name).toBe(to);
    });

    it.each(illegal)('refuse %s → %s', (from, to) => {
      const phases = new PhaseMachine<P>(machine, phase(from), table);
      expect(() => phases.go(phase(to))).toThrow(IllegalTransition);
      expect(phases.current.name).toBe(from);
    });
  });
}
