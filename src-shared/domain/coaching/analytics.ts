import type { Answer, ScorecardContent } from '../../protocol/coaching';
import type {
  CriterionTrend,
  SampleAverage,
  SkillBeforeAfter,
  TrendPoint,
} from '../../protocol/coaching-analytics';
import { periodContaining, type CalendarPeriod } from './calendar';
import { criterionFractions, type ScoringContext } from './scoring';

/**
 * Quality analytics helpers. Every average comes with its sample size and a "too small" mark, so
 * a chart never shows one lucky evaluation as a trend. Values are points on 0–100 (a criterion's
 * fraction × 100, a section or form score as it is). Callers pass only evaluations that count
 * (`countsInAgentScores`: calibration evaluations never do).
 */

const DAY_MS = 86_400_000;

export function averageOf(values: readonly number[], minSample: number): SampleAverage {
  const n = values.length;
  const mean = n === 0 ? null : values.reduce((sum, value) => sum + value, 0) / n;
  return { mean, n, isTooSmall: n < minSample };
}

/** Averages per group (agent, team, section…): rows whose value is null are left out. */
export function averagesBy<T>(
  rows: readonly T[],
  groupOf: (row: T) => string,
  valueOf: (row: T) => number | null,
  minSample: number,
): Map<string, SampleAverage> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null) continue;
    const group = groupOf(row);
    const values = groups.get(group) ?? [];
    values.push(value);
    groups.set(group, values);
  }
  return new Map([...groups].map(([group, values]) => [group, averageOf(values, minSample)]));
}

export interface TrendOptions {
  period: CalendarPeriod;
  timeZone: string;
  minSample: number;
}

export interface TrendValue {
  at: number;
  value: number;
  versionId?: string;
}

/** Averages per calendar period, oldest first; periods without a value are left out. */
export function trendByPeriod(values: readonly TrendValue[], options: TrendOptions): TrendPoint[] {
  const buckets = new Map<number, { label: string; values: number[]; versions: Set<string> }>();
  for (const { at, value, versionId } of values) {
    const range = periodContaining(options.period, options.timeZone, at);
    const bucket = buckets.get(range.start) ?? {
      label: range.label,
      values: [],
      versions: new Set<string>(),
    };
    bucket.values.push(value);
    if (versionId) bucket.versions.add(versionId);
    buckets.set(range.start, bucket);
  }
  return [...buckets]
    .sort(([a], [b]) => a - b)
    .map(([start, bucket]) => ({
      ...averageOf(bucket.values, options.minSample),
      period: bucket.label,
      periodStart: new Date(start).toISOString(),
      versionIds: [...bucket.versions].sort(),
    }));
}

export interface ScoredEvaluation {
  at: number;
  versionId: string;
  content: Pick<ScorecardContent, 'sections'>;
  answers: readonly Answer[];
  context?: ScoringContext;
}

/**
 * Per criterion key, its average per period across every version that has it: the key is
 * stable, so a new version continues the line (each point lists the versions behind it).
 */
export function criterionTrends(
  evaluations: readonly ScoredEvaluation[],
  options: TrendOptions,
): CriterionTrend[] {
  const byKey = new Map<string, TrendValue[]>();
  for (const evaluation of evaluations) {
    const fractions = criterionFractions(evaluation.content, evaluation.answers, evaluation.context);
    for (const [key, fraction] of fractions) {
      if (fraction === null) continue;
      const values = byKey.get(key) ?? [];
      values.push({ at: evaluation.at, value: 100 * fraction, versionId: evaluation.versionId });
      byKey.set(key, values);
    }
  }
  return [...byKey]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => ({ key, points: trendByPeriod(values, options) }));
}

/**
 * Each skill's score in one evaluation: the weighted mean of its tagged criteria's fractions × 100
 * (criteria answered N/A left out); null for a skill none of whose criteria counted.
 */
export function skillScores(
  content: Pick<ScorecardContent, 'sections'>,
  answers: readonly Answer[],
  context: ScoringContext = {},
): Map<string, number | null> {
  const fractions = criterionFractions(content, answers, context);
  const sums = new Map<string, { weighted: number; weight: number }>();
  for (const criterion of content.sections.flatMap((section) => section.criteria)) {
    if (criterion.skill === null || criterion.kind === 'text') continue;
    const sum = sums.get(criterion.skill) ?? { weighted: 0, weight: 0 };
    const fraction = fractions.get(criterion.key) ?? null;
    if (fraction !== null && criterion.weight > 0) {
      sum.weighted += criterion.weight * fraction;
      sum.weight += criterion.weight;
    }
    sums.set(criterion.skill, sum);
  }
  return new Map(
    [...sums].map(([skill, sum]) => [skill, sum.weight > 0 ? (100 * sum.weighted) / sum.weight : null]),
  );
}

export interface BeforeAfterOptions {
  skill: string;
  /** The coaching follow-up's date (UTC ms). */
  pivot: number;
  /** Days on each side of the pivot. */
  windowDays: number;
  minSample: number;
}

/** A skill's average in the `windowDays` before the follow-up and in as many days after it. */
export function skillBeforeAfter(
  evaluations: readonly { at: number; skills: ReadonlyMap<string, number | null> }[],
  options: BeforeAfterOptions,
): SkillBeforeAfter {
  const span = options.windowDays * DAY_MS;
  const before: number[] = [];
  const after: number[] = [];
  for (const { at, skills } of evaluations) {
    const value = skills.get(options.skill) ?? null;
    if (value === null) continue;
    if (at >= options.pivot - span && at < options.pivot) before.push(value);
    else if (at >= options.pivot && at < options.pivot + span) after.push(value);
  }
  const beforeAverage = averageOf(before, options.minSample);
  const afterAverage = averageOf(after, options.minSample);
  const change =
    beforeAverage.mean === null || afterAverage.mean === null ? null : afterAverage.mean - beforeAverage.mean;
  return {
    skill: options.skill,
    before: beforeAverage,
    after: afterAverage,
    change,
    isTooSmall: beforeAverage.isTooSmall || afterAverage.isTooSmall,
  };
}
