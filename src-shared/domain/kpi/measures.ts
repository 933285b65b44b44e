import type { KpiCounts } from './aggregate';
import type { KpiMeasureSettings } from './settings';

/**
 * The measures, from the sum of the rows in scope (any range, queue, team, agent, channel). Each
 * says what it stands on: `n` contacts (or minutes, for time ratios), and whether that is below the
 * setting's minimum. `value` is null when there is nothing to measure. Formulas: docs/KPIS.md.
 */
export interface Measure {
  value: number | null;
  n: number;
  isSmallSample: boolean;
}

export interface KpiMeasures {
  offered: Measure;
  handled: Measure;
  abandoned: Measure;
  shortAbandoned: Measure;
  transferred: Measure;
  escalated: Measure;
  /** Average speed of answer, seconds. */
  asaSeconds: Measure;
  /** Average handle time and its parts, seconds per handled contact. */
  ahtSeconds: Measure;
  ahtWorkSeconds: Measure;
  ahtHoldSeconds: Measure;
  ahtWrapUpSeconds: Measure;
  /** Percentages, 0–100. */
  serviceLevelPercent: Measure;
  abandonmentRatePercent: Measure;
  averageAbandonSeconds: Measure;
  firstContactResolutionPercent: Measure;
  occupancyPercent: Measure;
  availabilityPercent: Measure;
  callbackPunctualityPercent: Measure;
  csatTopBoxPercent: Measure;
  /** Average rating, 1–5. */
  csatAverage: Measure;
  /** Average final score of released evaluations, 0–100. */
  qaScorePercent: Measure;
}

const MINUTE_MS = 60_000;

export function kpiMeasures(c: KpiCounts, settings: KpiMeasureSettings): KpiMeasures {
  const average = (sum: number, n: number, scale = 1): Measure => ({
    value: n > 0 ? sum / n / scale : null,
    n,
    isSmallSample: n < settings.minSample,
  });
  const percent = (part: number, whole: number): Measure => average(part * 100, whole);
  const count = (value: number): Measure => ({ value, n: value, isSmallSample: false });
  const timeShare = (partMs: number, wholeMs: number): Measure => {
    const minutes = Math.floor(wholeMs / MINUTE_MS);
    return {
      value: wholeMs > 0 ? (partMs / wholeMs) * 100 : null,
      n: minutes,
      isSmallSample: minutes < settings.minSampleMinutes,
    };
  };

  const ratings = [c.csatRated1, c.csatRated2, c.csatRated3, c.csatRated4, c.csatRated5];
  const responses = ratings.reduce((sum, n) => sum + n, 0);
  const topBox = ratings.slice(settings.csatTopBoxFrom - 1).reduce((sum, n) => sum + n, 0);
  const ratingSum = ratings.reduce((sum, n, i) => sum + n * (i + 1), 0);
  const short = settings.abandonRateExcludesShort ? c.shortAbandoned : 0;
  const onWorkMs = c.busyMs + c.wrapUpStateMs;
  const callbacksDue = c.callbacksInWindow + c.callbacksOutsideWindow + c.callbacksMissed;

  return {
    offered: count(c.offered),
    handled: count(c.answered),
    abandoned: count(c.abandoned),
    shortAbandoned: count(c.shortAbandoned),
    transferred: count(c.transferredOut),
    escalated: count(c.escalated),
    asaSeconds: average(c.answerWaitMs, c.answered, 1000),
    ahtSeconds: average(c.workMs + c.holdMs + c.wrapUpMs, c.handled, 1000),
    ahtWorkSeconds: average(c.workMs, c.handled, 1000),
    ahtHoldSeconds: average(c.holdMs, c.handled, 1000),
    ahtWrapUpSeconds: average(c.wrapUpMs, c.handled, 1000),
    serviceLevelPercent: serviceLevel(c, settings, percent),
    abandonmentRatePercent: percent(c.abandoned - short, c.offered - short),
    averageAbandonSeconds: average(c.abandonWaitMs, c.abandoned, 1000),
    firstContactResolutionPercent: percent(c.resolved - c.resolvedWithRepeat, c.resolved),
    occupancyPercent: timeShare(onWorkMs, c.availableMs + onWorkMs),
    availabilityPercent: timeShare(c.availableMs + onWorkMs, c.signedInMs),
    callbackPunctualityPercent: percent(c.callbacksInWindow, callbacksDue),
    csatTopBoxPercent: percent(topBox, responses),
    csatAverage: average(ratingSum, responses),
    qaScorePercent: average(c.qaScoreCentiSum, c.qaEvaluations, 100),
  };
}

/** Service level with abandons treated as the setting says (settings.ts lists the formulas). */
function serviceLevel(
  c: KpiCounts,
  settings: KpiMeasureSettings,
  percent: (part: number, whole: number) => Measure,
): Measure {
  const answered = c.answered;
  const inTarget = c.answeredInTarget;
  switch (settings.serviceLevelAbandons) {
    case 'short_abandons_excluded':
      return percent(inTarget, answered + c.abandoned - c.shortAbandoned);
    case 'abandons_missed':
      return percent(inTarget, answered + c.abandoned);
    case 'abandons_in_target_excluded':
      return percent(inTarget, answered + c.abandoned - c.abandonedInTarget);
    case 'abandons_in_target_met':
      return percent(inTarget + c.abandonedInTarget, answered + c.abandoned);
    case 'answered_only':
      return percent(inTarget, answered);
  }
}
