import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALPHA_METRICS, krippendorffAlpha, type AlphaMetric } from './krippendorff';

/** Reliability data: units × raters, values 1–5 (ratio needs positive values), some missing. */
const arbData = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 12 }))
  .chain(([raters, units]) =>
    fc.array(
      fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4 }), {
        minLength: raters,
        maxLength: raters,
      }),
      {
        minLength: units,
        maxLength: units,
      },
    ),
  );

const arbMetric = fc.constantFrom<AlphaMetric>(...ALPHA_METRICS);

const indices = (count: number) => Array.from({ length: count }, (_, i) => i);

function expectSameAlpha(before: number | null, after: number | null): void {
  if (before === null) expect(after).toBeNull();
  else expect(after).toBeCloseTo(before, 10);
}

function alphaOf(units: (number | null)[][], metric: AlphaMetric): number | null {
  return krippendorffAlpha(units, metric).alpha;
}

describe('krippendorffAlpha (properties)', () => {
  it('is 1 when every rater agrees on every unit and the units vary', () => {
    const agreeing = fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 2, max: 5 }),
      )
      .filter(([values]) => new Set(values).size > 1);
    fc.assert(
      fc.property(agreeing, arbMetric, ([values, raters], metric) => {
        const units = values.map((value) => Array.from({ length: raters }, () => value));
        expect(alphaOf(units, metric)).toBe(1);
      }),
    );
  });

  it('does not change when raters are permuted (the same permutation in every unit)', () => {
    const scenario = arbData.chain((units) =>
      fc
        .shuffledSubarray(indices(units[0]?.length ?? 0), { minLength: units[0]?.length ?? 0 })
        .map((order) => ({
          units,
          order,
        })),
    );
    fc.assert(
      fc.property(scenario, arbMetric, ({ units, order }, metric) => {
        const permuted = units.map((unit) => order.map((i) => unit[i] ?? null));
        expectSameAlpha(alphaOf(units, metric), alphaOf(permuted, metric));
      }),
    );
  });

  it('does not change when units are put in another order', () => {
    const scenario = arbData.chain((units) =>
      fc
        .shuffledSubarray(indices(units.length), { minLength: units.length })
        .map((order) => ({ units, order })),
    );
    fc.assert(
      fc.property(scenario, arbMetric, ({ units, order }, metric) => {
        const reordered = order.map((i) => units[i] ?? []);
        expectSameAlpha(alphaOf(units, metric), alphaOf(reordered, metric));
      }),
    );
  });

  it('is either null with a reason or a finite number at most 1, never NaN', () => {
    fc.assert(
      fc.property(arbData, arbMetric, (units, metric) => {
        const result = krippendorffAlpha(units, metric);
        if (result.alpha === null) {
          expect(['no_pairable_values', 'no_variation']).toContain(result.reason);
        } else {
          expect(Number.isFinite(result.alpha)).toBe(true);
          expect(result.alpha).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it('is null with no_pairable_values when no unit has two values, and no_variation when all values agree', () => {
    const single = fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 })), { maxLength: 1 }), {
      maxLength: 10,
    });
    fc.assert(
      fc.property(single, arbMetric, (units, metric) => {
        expect(krippendorffAlpha(units, metric)).toMatchObject({ alpha: null, reason: 'no_pairable_values' });
      }),
    );
    const constant = fc
      .tuple(arbData, fc.integer({ min: 1, max: 5 }))
      .map(([units, value]) => units.map((unit) => unit.map((v) => (v === null ? null : value))));
    fc.assert(
      fc.property(constant, arbMetric, (units, metric) => {
        const result = krippendorffAlpha(units, metric);
        expect(result.alpha).toBeNull();
        expect(['no_pairable_values', 'no_variation']).toContain(
          result.alpha === null ? result.reason : 'defined',
        );
        if (result.pairableValues > 0) expect(result).toMatchObject({ reason: 'no_variation' });
      }),
    );
  });

  it('the interval alpha ignores a change of units (a linear rescale of the values)', () => {
    fc.assert(
      fc.property(
        arbData,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.integer({ min: -5, max: 5 }),
        (units, k, shift) => {
          const rescaled = units.map((unit) => unit.map((v) => (v === null ? null : v * k + shift)));
          const before = alphaOf(units, 'interval');
          const after = alphaOf(rescaled, 'interval');
          if (before === null) expect(after).toBeNull();
          else expect(after).toBeCloseTo(before, 8);
        },
      ),
    );
  });
});
