import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_COUNT_FIELDS, addCounts, emptyCounts, sumCounts, type KpiCounts } from './aggregate';
import { kpiMeasures } from './measures';
import { DEFAULT_MEASURE_SETTINGS, KpiMeasureSettings } from './settings';

const counts = (values: Partial<KpiCounts>): KpiCounts => addCounts(emptyCounts(), values);
const HOUR_MS = 3_600_000;

describe('kpiMeasures', () => {
  it('says "no value" rather than 0 when nothing was measured, and n = 0', () => {
    const m = kpiMeasures(emptyCounts(), DEFAULT_MEASURE_SETTINGS);
    expect(m.asaSeconds).toEqual({ value: null, n: 0, isSmallSample: true });
    expect(m.serviceLevelPercent.value).toBeNull();
    expect(m.occupancyPercent).toEqual({ value: null, n: 0, isSmallSample: true });
    expect(m.offered).toEqual({ value: 0, n: 0, isSmallSample: false });
  });

  it('first-contact resolution: resolved without a repeat ÷ resolved', () => {
    const m = kpiMeasures(counts({ resolved: 40, resolvedWithRepeat: 10 }), DEFAULT_MEASURE_SETTINGS);
    expect(m.firstContactResolutionPercent).toEqual({ value: 75, n: 40, isSmallSample: false });
  });

  it('CSAT: top box (5) by default, top-two box (4–5) as a setting, with the response count', () => {
    const ratings = counts({ csatRated1: 1, csatRated2: 1, csatRated3: 2, csatRated4: 6, csatRated5: 10 });
    expect(kpiMeasures(ratings, DEFAULT_MEASURE_SETTINGS).csatTopBoxPercent).toMatchObject({
      value: 50,
      n: 20,
    });
    const topTwo = kpiMeasures(ratings, { ...DEFAULT_MEASURE_SETTINGS, csatTopBoxFrom: 4 });
    expect(topTwo.csatTopBoxPercent).toMatchObject({ value: 80, n: 20 });
    // (1 + 2 + 6 + 24 + 50) / 20
    expect(topTwo.csatAverage.value).toBe(4.15);
  });

  it('QA score: the average of released final scores', () => {
    const m = kpiMeasures(counts({ qaEvaluations: 3, qaScoreCentiSum: 27_975 }), DEFAULT_MEASURE_SETTINGS);
    expect(m.qaScorePercent).toEqual({ value: 93.25, n: 3, isSmallSample: true });
  });

  it('callback punctuality: started inside the window ÷ all due (inside, outside, missed)', () => {
    const m = kpiMeasures(
      counts({ callbacksInWindow: 6, callbacksOutsideWindow: 1, callbacksMissed: 1 }),
      DEFAULT_MEASURE_SETTINGS,
    );
    expect(m.callbackPunctualityPercent).toMatchObject({ value: 75, n: 8 });
  });

  it('occupancy leaves Away out of the denominator; availability is the share of sign-in not Away', () => {
    const m = kpiMeasures(
      counts({
        signedInMs: 10 * HOUR_MS,
        availableMs: 2 * HOUR_MS,
        busyMs: 5 * HOUR_MS,
        wrapUpStateMs: 1 * HOUR_MS,
        awayMs: 2 * HOUR_MS,
      }),
      DEFAULT_MEASURE_SETTINGS,
    );
    expect(m.occupancyPercent).toEqual({ value: 75, n: 480, isSmallSample: false });
    expect(m.availabilityPercent).toEqual({ value: 80, n: 600, isSmallSample: false });
    const short = kpiMeasures(
      counts({ signedInMs: 30 * 60_000, availableMs: 30 * 60_000 }),
      DEFAULT_MEASURE_SETTINGS,
    );
    expect(short.occupancyPercent).toEqual({ value: 0, n: 30, isSmallSample: true });
  });

  it('rejects settings out of range, naming the field', () => {
    const bad = KpiMeasureSettings.safeParse({ minSample: 0, csatTopBoxFrom: 6, serviceLevelAbandons: 'x' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'csatTopBoxFrom',
      'minSample',
      'serviceLevelAbandons',
    ]);
  });
});

describe('aggregates (property)', () => {
  const arbCounts = fc
    .array(fc.nat({ max: 1_000_000 }), {
      minLength: KPI_COUNT_FIELDS.length,
      maxLength: KPI_COUNT_FIELDS.length,
    })
    .map((values) => counts(Object.fromEntries(KPI_COUNT_FIELDS.map((field, i) => [field, values[i] ?? 0]))));

  it('merge by addition: any grouping and order of rows sums to the same counts', () => {
    fc.assert(
      fc.property(fc.array(arbCounts, { maxLength: 30 }), fc.nat(), (rows, cut) => {
        const split = rows.length === 0 ? 0 : cut % rows.length;
        const inTwo = addCounts(sumCounts(rows.slice(0, split)), sumCounts(rows.slice(split)));
        expect(inTwo).toEqual(sumCounts(rows));
        expect(sumCounts([...rows].reverse())).toEqual(sumCounts(rows));
      }),
    );
  });

  it('percentages stay within 0–100 for counts a projection can produce', () => {
    fc.assert(
      fc.property(arbCounts, (c) => {
        // What contactDeltas guarantees: parts never exceed their wholes.
        const answered = Math.min(c.answered, c.offered);
        const consistent = counts({
          ...c,
          answered,
          answeredInTarget: Math.min(c.answeredInTarget, answered),
          abandoned: Math.min(c.abandoned, c.offered - answered),
          abandonedInTarget: 0,
          shortAbandoned: 0,
          resolvedWithRepeat: Math.min(c.resolvedWithRepeat, c.resolved),
        });
        const m = kpiMeasures(consistent, DEFAULT_MEASURE_SETTINGS);
        for (const measure of [
          m.serviceLevelPercent,
          m.abandonmentRatePercent,
          m.firstContactResolutionPercent,
        ]) {
          if (measure.value !== null) {
            expect(measure.value).toBeGreaterThanOrEqual(0);
            expect(measure.value).toBeLessThanOrEqual(100);
          }
        }
      }),
    );
  });
});
