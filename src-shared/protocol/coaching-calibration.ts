import { z } from 'zod';
import { ScorecardKey, Timestamp } from './coaching';

/**
 * Calibration ("consistency sessions"): several coaches score the same contacts blind, optionally
 * beside an expert; when the session closes, the report says how far they agree
 * (src-shared/domain/coaching/calibration.ts, docs/SCORECARDS.md).
 */

const entityId = z.string().min(1).max(64);

export const CALIBRATION_LIMITS = { contacts: 20, coaches: 20 } as const;

export const CALIBRATION_STATES = ['open', 'closed'] as const;
export const CalibrationState = z.enum(CALIBRATION_STATES);
export type CalibrationState = z.infer<typeof CalibrationState>;

/** `POST /api/v1/calibrations`. The expert may be one of the coaches or someone besides them. */
export const CreateCalibrationBody = z.object({
  versionId: entityId,
  contactIds: z
    .array(entityId)
    .min(1)
    .max(CALIBRATION_LIMITS.contacts)
    .refine((ids) => new Set(ids).size === ids.length, 'a contact is listed twice'),
  coachIds: z
    .array(entityId)
    .min(2, 'calibration needs at least two coaches')
    .max(CALIBRATION_LIMITS.coaches)
    .refine((ids) => new Set(ids).size === ids.length, 'a coach is listed twice'),
  expertId: entityId.optional(),
});
export type CreateCalibrationBody = z.infer<typeof CreateCalibrationBody>;

export const CalibrationSession = z.object({
  id: entityId,
  versionId: entityId,
  contactIds: z.array(entityId).max(CALIBRATION_LIMITS.contacts),
  coachIds: z.array(entityId).max(CALIBRATION_LIMITS.coaches),
  expertId: entityId.nullable(),
  state: CalibrationState,
  createdBy: entityId,
  createdAt: Timestamp,
  closedAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type CalibrationSession = z.infer<typeof CalibrationSession>;

export const AlphaMetricName = z.enum(['nominal', 'ordinal', 'interval', 'ratio']);

/** Why an alpha is null: nothing to pair, no variation at all, or a single contact (no basis for chance). */
export const AlphaUndefinedReason = z.enum(['no_pairable_values', 'no_variation', 'single_unit']);
export type AlphaUndefinedReason = z.infer<typeof AlphaUndefinedReason>;

export const VERDICT_LEVELS = ['reliable', 'tentative', 'unreliable', 'not_enough_data'] as const;
export const VerdictLevel = z.enum(VERDICT_LEVELS);
export type VerdictLevel = z.infer<typeof VerdictLevel>;

export const CalibrationVerdict = z.object({
  level: VerdictLevel,
  /** The overall alpha it rests on (null when undefined). */
  alpha: z.number().nullable(),
  /** Why: the threshold crossed, or why alpha is undefined. */
  reason: z.enum([
    'at_least_reliable',
    'between_thresholds',
    'below_tentative',
    ...AlphaUndefinedReason.options,
  ]),
  /** Criteria below the tentative threshold, weakest first (at most three): where to start talking. */
  weakest: z.array(z.object({ key: ScorecardKey, alpha: z.number() })).max(3),
  /** One English sentence for API readers; the console builds its own from level, reason and weakest. */
  text: z.string().max(2_000),
});
export type CalibrationVerdict = z.infer<typeof CalibrationVerdict>;

export const RaterDeviation = z.object({
  coachId: entityId,
  /** Mean absolute difference from the reference, in points of a criterion's 0–100; null when nothing compared. */
  deviation: z.number().nullable(),
  /** Answers compared (both the coach and the reference scored the criterion). */
  compared: z.number().int().nonnegative(),
  /** Criteria where one said N/A and the other did not (left out of `deviation`). */
  naMismatches: z.number().int().nonnegative(),
});
export type RaterDeviation = z.infer<typeof RaterDeviation>;

/**
 * `GET /api/v1/calibrations/:id/report`: the shape PRODUCT.md fixes
 * (`alpha`, `metric`, `raters`, `verdict`) plus the detail behind each number.
 */
export const CalibrationReport = z.object({
  alpha: z.object({
    overall: z.number().nullable(),
    byCriterion: z.record(ScorecardKey, z.number().nullable()),
  }),
  /** The metric behind each alpha: nominal for yes/no and choice, interval for scales and overall. */
  metric: z.object({
    overall: AlphaMetricName,
    byCriterion: z.record(ScorecardKey, AlphaMetricName),
  }),
  /** Why each null alpha is null. */
  undefinedReasons: z.object({
    overall: AlphaUndefinedReason.nullable(),
    byCriterion: z.record(ScorecardKey, AlphaUndefinedReason),
  }),
  /** What the deviations are measured from. */
  reference: z.enum(['expert', 'consensus']),
  raters: z.array(RaterDeviation),
  verdict: CalibrationVerdict,
  /** Contacts and raters that had submitted answers, and how many values alpha could pair overall. */
  sample: z.object({
    contacts: z.number().int().nonnegative(),
    raters: z.number().int().nonnegative(),
    pairableValues: z.number().int().nonnegative(),
  }),
});
export type CalibrationReport = z.infer<typeof CalibrationReport>;
