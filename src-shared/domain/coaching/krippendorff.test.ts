import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff';

/**
 * The published example of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
 * 4 observers, 12 units, values 1–5, missing data (null). Unit 12 has a single value, so it
 * cannot be paired and drops out (the 2019 book prints the same data with 11 units).
 */
const _ = null;
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS = OBSERVERS[0]!.map((_value, unit) => OBSERVERS.map((observer) => observer[unit] ?? null));

describe('krippendorffAlpha: the published example', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('%s alpha is %s', (metric, expected) => {
    const result = krippendorffAlpha(UNITS, metric);
    expect(result.alpha).toBeCloseTo(expected, 3);
    expect(result).toMatchObject({ pairableValues: 40, units: 11 });
  });

  it('reports the nominal disagreements of the paper: D_o = 0.2, D_e ≈ 0.779', () => {
    const result = krippendorffAlpha(UNITS, 'nominal');
    expect(result.alpha !== null && result.observed).toBeCloseTo(0.2, 10);
    expect(result.alpha !== null && result.expected).toBeCloseTo(0.7795, 4);
  });

  it('takes nominal values as strings too', () => {
    const labels = UNITS.map((unit) => unit.map((value) => (value === null ? null : `v${value}`)));
    expect(krippendorffAlpha(labels, 'nominal').alpha).toBeCloseTo(0.743, 3);
  });
});

describe('krippendorffAlpha: undefined cases say why', () => {
  it('no pairable values: every unit has at most one value', () => {
    expect(krippendorffAlpha([[1, null], [null, 2], []], 'interval')).toEqual({
      alpha: null,
      reason: 'no_pairable_values',
      pairableValues: 0,
      units: 0,
    });
  });

  it('no variation: every pairable value is the same', () => {
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3, null],
        ],
        'nominal',
      ),
    ).toMatchObject({ alpha: null, reason: 'no_variation' });
  });

  it('treats NaN as missing rather than spreading it', () => {
    expect(
      krippendorffAlpha(
        [
          [1, Number.NaN],
          [2, 2],
          [1, 1],
        ],
        'interval',
      ),
    ).toMatchObject({ alpha: 1, units: 2 });
  });
});

describe('krippendorffAlpha: the metrics differ as they should', () => {
  it('ordinal and interval weigh a near miss less than nominal does', () => {
    const nearMisses = [
      [1, 2],
      [3, 3],
      [4, 5],
      [5, 5],
      [1, 1],
      [2, 2],
    ];
    const nominal = krippendorffAlpha(nearMisses, 'nominal').alpha ?? 0;
    expect(krippendorffAlpha(nearMisses, 'interval').alpha).toBeGreaterThan(nominal);
    expect(krippendorffAlpha(nearMisses, 'ordinal').alpha).toBeGreaterThan(nominal);
  });

  it('gives 0 to raters who disagree exactly as much as chance would (a single unit)', () => {
    expect(krippendorffAlpha([[1, 2, 3]], 'interval').alpha).toBeCloseTo(0, 12);
  });

  it('is negative when raters disagree systematically', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 5],
          [5, 1],
          [1, 5],
        ],
        'interval',
      ).alpha,
    ).toBeLessThan(0);
  });
});
