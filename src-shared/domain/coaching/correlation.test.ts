import { describe, expect, it } from 'vitest';
import { pearson } from './correlation';

describe('pearson', () => {
  it('finds a perfect positive and a perfect negative line', () => {
    const up = [1, 2, 3, 4, 5].map((x) => ({ x, y: 2 * x + 1 }));
    expect(pearson(up, 3)).toEqual({ defined: true, r: 1, n: 5 });
    expect(
      pearson(
        up.map(({ x, y }) => ({ x, y: -y })),
        3,
      ),
    ).toEqual({ defined: true, r: -1, n: 5 });
  });

  it('matches a hand-worked example', () => {
    // QA scores and CSAT of five contacts: r = Σdx·dy / √(Σdx² · Σdy²) = 90 / √(1000 · 10) = 0.9
    const pairs = [
      { x: 60, y: 2 },
      { x: 70, y: 4 },
      { x: 80, y: 3 },
      { x: 90, y: 5 },
      { x: 100, y: 6 },
    ];
    const result = pearson(pairs, 5);
    expect(result.defined && result.r).toBeCloseTo(0.9, 10);
  });

  it('has no r below the minimum number of pairs, or when one side never varies', () => {
    expect(pearson([{ x: 1, y: 1 }], 1)).toEqual({ defined: false, r: null, n: 1, reason: 'too_few_pairs' });
    expect(
      pearson(
        [1, 2, 3].map((x) => ({ x, y: 1 })),
        10,
      ),
    ).toMatchObject({ reason: 'too_few_pairs' });
    const flat = Array.from({ length: 12 }, (_, x) => ({ x, y: 4 }));
    expect(pearson(flat, 10)).toEqual({ defined: false, r: null, n: 12, reason: 'no_variation' });
  });
});
