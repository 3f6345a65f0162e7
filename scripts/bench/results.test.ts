import { describe, expect, it } from 'vitest';
import { budgetMisses, judge } from './results';

describe('bench results', () => {
  it('reads a throughput’s ratio as the floor’s rate over the figure’s, and fails it on either bound', () => {
    const fast = judge({ name: 'framer-lines', value: 2_000_000, floor: 5_000_000, unit: 'commands/s', higherIsBetter: true }, { atLeast: 1_000_000, maxRatio: 3 });
    expect(fast).toMatchObject({ ratio: 2.5, ok: true, budget: '≥ 1,000,000 commands/s, ratio ≤ 3' });
    expect(judge({ name: 'framer-lines', value: 900_000, floor: 1_000_000, unit: 'commands/s', higherIsBetter: true }, { atLeast: 1_000_000 }).ok).toBe(false);
    expect(judge({ name: 'framer-lines', value: 1_500_000, floor: 6_000_000, unit: 'commands/s', higherIsBetter: true }, { maxRatio: 3 }).ok).toBe(false);
  });

  it('reads a time’s ratio as the figure over its floor', () => {
    expect(judge({ name: 'sb-burst', value: 150, floor: 100, unit: 'ms' }, { maxRatio: 1.5 })).toMatchObject({ ratio: 1.5, ok: true });
    expect(judge({ name: 'sb-burst', value: 151, floor: 100, unit: 'ms' }, { maxRatio: 1.5 }).ok).toBe(false);
  });

  it('fails a frame budget without a longest frame, and a figure that could not be measured', () => {
    expect(judge({ name: 'ui-chat-10000', value: 200, unit: 'ms' }, { atMost: 300, longestFrameMs: 50 }).ok).toBe(false);
    expect(judge({ name: 'ui-chat-10000', value: 200, unit: 'ms', longestFrameMs: 40 }, { atMost: 300, longestFrameMs: 50 }).ok).toBe(true);
    expect(judge({ name: 'main-heap', value: Number.NaN, unit: 'MB' }, { atMost: 60 }).ok).toBe(false);
  });

  it('passes a figure whose ratio is only reported', () => {
    expect(judge({ name: 'cold-start', value: 3000, floor: 1000, unit: 'ms' }, {})).toMatchObject({ ratio: 3, ok: true, budget: 'ratio reported' });
  });

  it('names every missed budget and every figure not measured', () => {
    const results = [
      judge({ name: 'main-heap', value: 70, unit: 'MB' }, { atMost: 60 }),
      judge({ name: 'renderer-bundle', value: 150, unit: 'KB' }, { atMost: 200 }),
    ];
    expect(budgetMisses(results, ['main-heap', 'renderer-bundle', 'cold-start'])).toEqual([
      'main-heap: 70 MB misses its budget (≤ 60 MB)',
      'cold-start: not measured',
    ]);
    expect(budgetMisses(results.slice(1), ['renderer-bundle'])).toEqual([]);
  });
});
