/**
 * Krippendorff's alpha, by the coincidence-matrix method of Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability":
 *
 *   o_ck  = Σ over units u of (number of c–k pairs of values in u) / (m_u − 1)   (units with m_u ≥ 2)
 *   n_c   = Σ_k o_ck,  n = Σ_c n_c                                              (pairable values)
 *   alpha = 1 − (n − 1) · Σ o_ck δ²(c,k) / Σ n_c n_k δ²(c,k)
 *
 * with the difference function δ² of the metric. Missing values (null; in coaching, N/A) simply
 * leave their unit; a unit with fewer than two values has nothing to pair and drops out.
 * Alpha is undefined, and returned as null with a reason rather than NaN, when no value can be
 * paired or when the pairable values do not vary at all (then chance agreement is total too).
 */

export const ALPHA_METRICS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type AlphaMetric = (typeof ALPHA_METRICS)[number];

/** One unit (a contact, or a contact × criterion): the values its raters gave, null when missing. */
export type ReliabilityUnit<V> = readonly (V | null)[];

export type AlphaUndefinedReason = 'no_pairable_values' | 'no_variation';

export type AlphaResult =
  | {
      alpha: number;
      /** n: values in units with at least two values. */
      pairableValues: number;
      /** Units that had at least two values. */
      units: number;
      /** Observed and expected disagreement, D_o and D_e. */
      observed: number;
      expected: number;
    }
  | { alpha: null; reason: AlphaUndefinedReason; pairableValues: number; units: number };

type Value = string | number;

/** Squared difference between two values under a metric (n_g: how often each value was paired). */
function differenceFunction(
  metric: AlphaMetric,
  values: readonly Value[],
  marginals: readonly number[],
): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (Number(values[c]) - Number(values[k])) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = Number(values[c]);
        const b = Number(values[k]);
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // Values are sorted, so the ranks between c and k are the indices between them.
      const cumulative = [0];
      for (const count of marginals) cumulative.push((cumulative.at(-1) ?? 0) + count);
      return (c, k) => {
        if (c === k) return 0;
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        const between = (cumulative[high + 1] ?? 0) - (cumulative[low] ?? 0);
        return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
      };
    }
  }
}

function isPresent<V extends Value>(value: V | null): value is V {
  return value !== null && !(typeof value === 'number' && Number.isNaN(value));
}

/** Distinct values, sorted (numbers ascending, so ordinal ranks follow the value order). */
function distinctValues(units: readonly (readonly Value[])[]): Value[] {
  const set = new Set<Value>();
  for (const unit of units) for (const value of unit) set.add(value);
  return [...set].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
}

export function krippendorffAlpha(units: readonly ReliabilityUnit<Value>[], metric: 'nominal'): AlphaResult;
export function krippendorffAlpha(
  units: readonly ReliabilityUnit<number>[],
  metric: AlphaMetric,
): AlphaResult;
/**
 * Alpha over `units` (each the values its raters gave, null = missing). Ordinal, interval and
 * ratio need numbers; nominal also takes strings (e.g. choice option keys).
 */
export function krippendorffAlpha(
  units: readonly ReliabilityUnit<Value>[],
  metric: AlphaMetric,
): AlphaResult {
  const pairable = units.map((unit) => unit.filter(isPresent)).filter((unit) => unit.length >= 2);
  const values = distinctValues(pairable);
  const index = new Map(values.map((value, i) => [value, i]));
  const size = values.length;
  const coincidences = new Float64Array(size * size);

  for (const unit of pairable) {
    const counts = new Map<number, number>();
    for (const value of unit) {
      const i = index.get(value) ?? 0;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const share = 1 / (unit.length - 1);
    for (const [c, countC] of counts) {
      for (const [k, countK] of counts) {
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        coincidences[c * size + k] = (coincidences[c * size + k] ?? 0) + pairs * share;
      }
    }
  }

  const marginals = Array.from({ length: size }, (_, c) => {
    let sum = 0;
    for (let k = 0; k < size; k++) sum += coincidences[c * size + k] ?? 0;
    return sum;
  });
  const n = pairable.reduce((sum, unit) => sum + unit.length, 0);
  const base = { pairableValues: n, units: pairable.length };
  if (n === 0) return { alpha: null, reason: 'no_pairable_values', ...base };

  const delta = differenceFunction(metric, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += (coincidences[c * size + k] ?? 0) * d;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  if (!(expectedDisagreement > 0)) return { alpha: null, reason: 'no_variation', ...base };
  return {
    alpha: 1 - observedDisagreement / expectedDisagreement,
    observed: observedDisagreement,
    expected: expectedDisagreement,
    ...base,
  };
}
