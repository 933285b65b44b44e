import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

const draw = (seed: number, count: number) => {
  const rng = createRandom(seed);
  return Array.from({ length: count }, () => rng.next());
};

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('yields floats in [0, 1) spread over the whole range', () => {
    const values = draw(7, 10_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) {
      const bucket = Math.floor(v * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });

  it('int stays within inclusive bounds and reaches both ends', () => {
    const rng = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('weighted follows the weights and never returns a zero-weight value', () => {
    const rng = createRandom(99);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[
        rng.weighted([
          ['a', 3],
          ['never', 0],
          ['b', 1],
        ] as const)
      ] += 1;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / 10_000).toBeCloseTo(0.75, 1);
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
  });

  it('chance(p) is true about p of the time', () => {
    const rng = createRandom(5);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.15)) hits++;
    expect(hits / 10_000).toBeCloseTo(0.15, 1);
    expect(rng.chance(0)).toBe(false);
  });

  it('shuffle returns a permutation and leaves the input alone', () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    const shuffled = createRandom(3).shuffle(input);
    expect(input).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(shuffled).not.toEqual(input);
  });

  it('pick throws on an empty list', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });

  it('makes prefixed, deterministic, distinct ids', () => {
    const a = createRandom(11);
    const b = createRandom(11);
    const ids = Array.from({ length: 5_000 }, () => a.id('cmp'));
    expect(ids[0]).toMatch(/^cmp_[0-9a-z]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(b.id('cmp')).toBe(ids[0]);
  });

  it('fork gives a stream that depends on the label but not on how far the parent was drawn', () => {
    const parent = createRandom(8);
    const early = parent.fork('companies').next();
    parent.next();
    parent.next();
    expect(parent.fork('companies').next()).toBe(early);
    expect(parent.fork('contacts').next()).not.toBe(early);
  });
});
