import type { ScorecardContent } from '../../protocol/coaching';
import type {
  AlphaUndefinedReason,
  CalibrationReport,
  CalibrationVerdict,
} from '../../protocol/coaching-calibration';
import { calibrationGrid, type CalibrationGrid, type CalibrationSubmission } from './calibration-data';
import { krippendorffAlpha, type AlphaMetric, type AlphaResult } from './krippendorff';
import { raterDeviations } from './rater-deviation';

/**
 * The calibration report (docs/SCORECARDS.md, "Calibration"):
 * - alpha per criterion across every rater, N/A as missing, the contacts as units: nominal for
 *   yes/no and choice, interval for scales. With a single contact the per-criterion alpha is
 *   null ("single_unit"): alpha then equals 0 whenever anyone differs, however slightly, which
 *   would say nothing about the coaches.
 * - alpha overall: every contact × criterion is a unit and the values are the fractions the
 *   answers earn (interval), so one session of one contact still gives a number.
 * - each coach's mean absolute deviation from the expert, or from the others' consensus;
 * - a verdict from the overall alpha: ≥ 0.8 reliable, ≥ 0.667 tentative, below unreliable
 *   (Krippendorff's own guidance), "not enough data" when alpha is undefined.
 */

export const RELIABLE_ALPHA = 0.8;
export const TENTATIVE_ALPHA = 0.667;

export interface CalibrationInput {
  content: Pick<ScorecardContent, 'sections'>;
  submissions: readonly CalibrationSubmission[];
  expertId?: string | null;
}

export interface AlphaSummary {
  value: number | null;
  reason: AlphaUndefinedReason | null;
  pairableValues: number;
}

function fromResult(result: AlphaResult): AlphaSummary {
  return result.alpha === null
    ? { value: null, reason: result.reason, pairableValues: result.pairableValues }
    : { value: result.alpha, reason: null, pairableValues: result.pairableValues };
}

function criterionAlpha(grid: CalibrationGrid, key: string, metric: AlphaMetric): AlphaSummary {
  const units = grid.contactIds.map((contactId) =>
    grid.coachIds.map((coachId) => grid.rating(key, contactId, coachId)?.value ?? null),
  );
  const result =
    metric === 'nominal'
      ? krippendorffAlpha(units, 'nominal')
      : krippendorffAlpha(
          units.map((unit) => unit.map((value) => (typeof value === 'number' ? value : null))),
          metric,
        );
  if (result.alpha !== null && result.units < 2) {
    return { value: null, reason: 'single_unit', pairableValues: result.pairableValues };
  }
  return fromResult(result);
}

function overallAlpha(grid: CalibrationGrid): AlphaSummary {
  const units = grid.contactIds.flatMap((contactId) =>
    grid.criteria.map((criterion) =>
      grid.coachIds.map((coachId) => grid.rating(criterion.key, contactId, coachId)?.fraction ?? null),
    ),
  );
  return fromResult(krippendorffAlpha(units, 'interval'));
}

const ALPHA_TEXT = (alpha: number) => alpha.toFixed(3);

/** The verdict on the overall alpha, naming the weakest criteria (alpha below the tentative threshold). */
export function calibrationVerdict(
  overall: AlphaSummary,
  byCriterion: ReadonlyMap<string, AlphaSummary>,
): CalibrationVerdict {
  const weakest = [...byCriterion]
    .flatMap(([key, alpha]) =>
      alpha.value !== null && alpha.value < TENTATIVE_ALPHA ? [{ key, alpha: alpha.value }] : [],
    )
    .sort((a, b) => a.alpha - b.alpha || a.key.localeCompare(b.key))
    .slice(0, 3);
  const weakestText =
    weakest.length > 0
      ? ` Start with ${weakest.map((w) => `${w.key} (${ALPHA_TEXT(w.alpha)})`).join(', ')}.`
      : '';
  if (overall.value === null) {
    const reason = overall.reason ?? 'no_pairable_values';
    const why =
      reason === 'no_variation'
        ? 'every answer was the same, so agreement cannot be told apart from chance'
        : 'no answer could be paired: each contact needs answers from at least two coaches';
    return { level: 'not_enough_data', alpha: null, reason, weakest, text: `Not enough data: ${why}.` };
  }
  const alpha = overall.value;
  const base = `alpha ${ALPHA_TEXT(alpha)} over ${overall.pairableValues} paired answers`;
  if (alpha >= RELIABLE_ALPHA) {
    return {
      level: 'reliable',
      alpha,
      reason: 'at_least_reliable',
      weakest,
      text: `Reliable: ${base} is at least ${RELIABLE_ALPHA}; these coaches score alike.${weakestText}`,
    };
  }
  if (alpha >= TENTATIVE_ALPHA) {
    return {
      level: 'tentative',
      alpha,
      reason: 'between_thresholds',
      weakest,
      text: `Tentative: ${base} is between ${TENTATIVE_ALPHA} and ${RELIABLE_ALPHA}; good enough for tentative conclusions only.${weakestText}`,
    };
  }
  return {
    level: 'unreliable',
    alpha,
    reason: 'below_tentative',
    weakest,
    text: `Unreliable: ${base} is below ${TENTATIVE_ALPHA}; these coaches do not yet score alike, so their scores should not be compared.${weakestText}`,
  };
}

/** The report of a closed session from its submitted calibration evaluations. */
export function calibrationReport(input: CalibrationInput): CalibrationReport {
  const grid = calibrationGrid(input.content, input.submissions);
  const expertId = input.expertId ?? null;
  const byCriterion = new Map<string, AlphaSummary>();
  const metrics: Record<string, AlphaMetric> = {};
  for (const criterion of grid.criteria) {
    const metric: AlphaMetric = criterion.kind === 'scale' ? 'interval' : 'nominal';
    metrics[criterion.key] = metric;
    byCriterion.set(criterion.key, criterionAlpha(grid, criterion.key, metric));
  }
  const overall = overallAlpha(grid);
  const reasons: Record<string, AlphaUndefinedReason> = {};
  for (const [key, alpha] of byCriterion) if (alpha.reason) reasons[key] = alpha.reason;
  const hasExpert = expertId !== null && grid.coachIds.includes(expertId);
  return {
    alpha: {
      overall: overall.value,
      byCriterion: Object.fromEntries([...byCriterion].map(([key, alpha]) => [key, alpha.value])),
    },
    metric: { overall: 'interval', byCriterion: metrics },
    undefinedReasons: { overall: overall.reason, byCriterion: reasons },
    reference: hasExpert ? 'expert' : 'consensus',
    raters: raterDeviations(grid, hasExpert ? expertId : null),
    verdict: calibrationVerdict(overall, byCriterion),
    sample: {
      contacts: grid.contactIds.length,
      raters: grid.coachIds.length,
      pairableValues: overall.pairableValues,
    },
  };
}
