import { z } from 'zod';
import { ScorecardKey, Timestamp } from './coaching';

/**
 * Quality analytics shapes: every average carries its sample size and whether that sample is
 * below the minimum the team set (src-shared/domain/coaching/analytics.ts).
 */

/** Fewest values behind an average before it is shown as meaningful (a team setting). */
export const DEFAULT_MIN_SAMPLE = 5;
/** Fewest pairs behind a correlation before one is computed. */
export const DEFAULT_MIN_CORRELATION_PAIRS = 10;

export const SampleAverage = z.object({
  /** 0–100 points; null when there is no value at all. */
  mean: z.number().nullable(),
  n: z.number().int().nonnegative(),
  /** n is below the minimum sample: show it, but marked as too small to mean much. */
  isTooSmall: z.boolean(),
});
export type SampleAverage = z.infer<typeof SampleAverage>;

export const TrendPoint = SampleAverage.extend({
  /** Local date the period starts on, `YYYY-MM-DD`. */
  period: z.string().max(10),
  periodStart: Timestamp,
  /** Scorecard versions the values came from: a change of version is marked on the chart. */
  versionIds: z.array(z.string().max(64)).max(1_000),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const CriterionTrend = z.object({ key: ScorecardKey, points: z.array(TrendPoint).max(5_000) });
export type CriterionTrend = z.infer<typeof CriterionTrend>;

/** A skill's average in equal windows before and after a coaching follow-up. */
export const SkillBeforeAfter = z.object({
  skill: ScorecardKey,
  before: SampleAverage,
  after: SampleAverage,
  /** after − before, in points; null when either side has no value. */
  change: z.number().nullable(),
  /** Either side is below the minimum sample. */
  isTooSmall: z.boolean(),
});
export type SkillBeforeAfter = z.infer<typeof SkillBeforeAfter>;

export const Correlation = z.discriminatedUnion('defined', [
  z.object({ defined: z.literal(true), r: z.number().min(-1).max(1), n: z.number().int() }),
  z.object({
    defined: z.literal(false),
    r: z.null(),
    n: z.number().int(),
    /** Fewer pairs than the minimum, or one side never varies (r would divide by zero). */
    reason: z.enum(['too_few_pairs', 'no_variation']),
  }),
]);
export type Correlation = z.infer<typeof Correlation>;
