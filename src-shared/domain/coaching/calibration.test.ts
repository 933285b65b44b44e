import { describe, expect, it } from 'vitest';
import type { Answer } from '../../protocol/coaching';
import { CalibrationReport } from '../../protocol/coaching-calibration';
import { calibrationReport, calibrationVerdict, type AlphaSummary } from './calibration';
import type { CalibrationSubmission } from './calibration-data';
import { krippendorffAlpha } from './krippendorff';
import { form, scale, standard, text, yesNo } from './testing/coaching-fixtures';

const _ = null;
/** Krippendorff (2011)'s example, read as four coaches scoring one 1–5 criterion on twelve contacts. */
const PUBLISHED = {
  carl: [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  dana: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  eli: [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  fay: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
};

function submissionsFor(
  key: string,
  byCoach: Record<string, (Answer['value'] | null)[]>,
): CalibrationSubmission[] {
  return Object.entries(byCoach).flatMap(([coachId, values]) =>
    values.map((value, i) => ({ coachId, contactId: `contact_${i + 1}`, answers: [{ key, value }] })),
  );
}

const empathyForm = form(standard('main', 1, [scale('empathy', { naAllowed: true })]));

describe('calibrationReport', () => {
  it('reproduces the published interval alpha for a scale, N/A read as missing', () => {
    const report = calibrationReport({
      content: empathyForm,
      submissions: submissionsFor('empathy', PUBLISHED),
    });
    expect(report.alpha.byCriterion.empathy).toBeCloseTo(0.849, 3);
    // One criterion: the overall alpha over its fractions (a linear rescale) is the same number.
    expect(report.alpha.overall).toBeCloseTo(0.849, 3);
    expect(report.metric).toEqual({ overall: 'interval', byCriterion: { empathy: 'interval' } });
    expect(report.verdict).toMatchObject({ level: 'reliable', reason: 'at_least_reliable', weakest: [] });
    expect(report.sample).toEqual({ contacts: 12, raters: 4, pairableValues: 40 });
    expect(() => CalibrationReport.parse(report)).not.toThrow();
  });

  it('uses the nominal metric for yes/no and the same alpha as the raw data gives', () => {
    const content = form(standard('main', 1, [yesNo('greeting', { naAllowed: true })]));
    const byCoach = {
      carl: [true, true, false, true, null],
      dana: [true, false, false, true, true],
      eli: [true, true, false, null, true],
    };
    const report = calibrationReport({ content, submissions: submissionsFor('greeting', byCoach) });
    const units = [0, 1, 2, 3, 4].map((i) =>
      Object.values(byCoach).map((values) => (values[i] === null ? null : values[i] ? 1 : 0)),
    );
    expect(report.metric.byCriterion.greeting).toBe('nominal');
    expect(report.alpha.byCriterion.greeting).toBeCloseTo(
      krippendorffAlpha(units, 'nominal').alpha ?? NaN,
      12,
    );
  });

  it('gives no per-criterion alpha for a single contact, but an overall one across its criteria', () => {
    const content = form(standard('main', 1, [yesNo('a'), yesNo('b'), scale('c'), text('notes')]));
    const submissions: CalibrationSubmission[] = ['carl', 'dana', 'eli'].map((coachId, i) => ({
      coachId,
      contactId: 'only',
      answers: [
        { key: 'a', value: true },
        { key: 'b', value: false },
        { key: 'c', value: i === 2 ? 4 : 5 },
        { key: 'notes', value: 'not part of any alpha' },
      ],
    }));
    const report = calibrationReport({ content, submissions });
    expect(report.alpha.byCriterion).toEqual({ a: null, b: null, c: null });
    expect(report.undefinedReasons.byCriterion).toEqual({
      a: 'no_variation',
      b: 'no_variation',
      c: 'single_unit',
    });
    expect(report.alpha.overall).toBeGreaterThan(0.9);
  });

  it('measures each coach against the expert, counting N/A disagreements apart', () => {
    const content = form(standard('main', 1, [yesNo('greeting'), scale('empathy', { naAllowed: true })]));
    const answers = (greeting: boolean, empathy: number | null): Answer[] => [
      { key: 'greeting', value: greeting },
      { key: 'empathy', value: empathy },
    ];
    const submissions: CalibrationSubmission[] = [
      { coachId: 'expert', contactId: 'c1', answers: answers(true, 4) },
      { coachId: 'expert', contactId: 'c2', answers: answers(false, 2) },
      { coachId: 'carl', contactId: 'c1', answers: answers(true, 4) },
      { coachId: 'carl', contactId: 'c2', answers: answers(false, 2) },
      { coachId: 'dana', contactId: 'c1', answers: answers(true, 5) },
      { coachId: 'dana', contactId: 'c2', answers: answers(true, 3) },
      { coachId: 'eli', contactId: 'c1', answers: answers(false, null) },
      { coachId: 'eli', contactId: 'c2', answers: answers(false, 1) },
    ];
    const report = calibrationReport({ content, submissions, expertId: 'expert' });
    expect(report.reference).toBe('expert');
    expect(report.raters.map((r) => r.coachId)).toEqual(['carl', 'dana', 'eli']);
    expect(report.raters[0]).toEqual({ coachId: 'carl', deviation: 0, compared: 4, naMismatches: 0 });
    expect(report.raters[1]).toEqual({ coachId: 'dana', deviation: 37.5, compared: 4, naMismatches: 0 });
    expect(report.raters[2]?.deviation).toBeCloseTo(41.667, 3);
    expect(report.raters[2]).toMatchObject({ compared: 3, naMismatches: 1 });
  });

  it('without an expert, measures each coach against the others: median on scales, mode on yes/no (a tie halfway)', () => {
    const content = form(standard('main', 1, [yesNo('greeting'), scale('empathy', { naAllowed: true })]));
    const byContact = (coachId: string, c1: [boolean, number | null], c2: [boolean, number | null]) => [
      {
        coachId,
        contactId: 'c1',
        answers: [
          { key: 'greeting', value: c1[0] },
          { key: 'empathy', value: c1[1] },
        ],
      },
      {
        coachId,
        contactId: 'c2',
        answers: [
          { key: 'greeting', value: c2[0] },
          { key: 'empathy', value: c2[1] },
        ],
      },
    ];
    const submissions = [
      ...byContact('carl', [true, 4], [false, 2]),
      ...byContact('dana', [true, 5], [true, 3]),
      ...byContact('eli', [false, null], [false, 1]),
    ];
    const report = calibrationReport({ content, submissions, expertId: 'nobody_submitted' });
    expect(report.reference).toBe('consensus');
    // carl: greeting vs a 1–1 split (0.5) twice, empathy 0.75 vs dana's 1.0, then 0.25 vs median(0.5, 0) = 0.25
    expect(report.raters.find((r) => r.coachId === 'carl')?.deviation).toBeCloseTo(31.25, 10);
  });

  it('says "not enough data" when only one coach submitted, and when every answer is the same', () => {
    const alone = calibrationReport({
      content: empathyForm,
      submissions: submissionsFor('empathy', { carl: [3, 4] }),
    });
    expect(alone.alpha.overall).toBeNull();
    expect(alone.verdict).toMatchObject({ level: 'not_enough_data', reason: 'no_pairable_values' });
    expect(alone.raters).toEqual([{ coachId: 'carl', deviation: null, compared: 0, naMismatches: 0 }]);
    const same = calibrationReport({
      content: empathyForm,
      submissions: submissionsFor('empathy', { carl: [3, 3], dana: [3, 3] }),
    });
    expect(same.verdict).toMatchObject({ level: 'not_enough_data', reason: 'no_variation' });
  });
});

describe('calibrationVerdict', () => {
  const summary = (value: number | null): AlphaSummary => ({
    value,
    reason: value === null ? 'no_variation' : null,
    pairableValues: 30,
  });

  it.each([
    [0.95, 'reliable'],
    [0.8, 'reliable'],
    [0.7999, 'tentative'],
    [0.667, 'tentative'],
    [0.6669, 'unreliable'],
    [-0.2, 'unreliable'],
  ] as const)('alpha %s is %s', (alpha, level) => {
    expect(calibrationVerdict(summary(alpha), new Map()).level).toBe(level);
  });

  it('names up to three criteria below the tentative threshold, weakest first', () => {
    const byCriterion = new Map([
      ['empathy', summary(0.41)],
      ['clarity', summary(0.55)],
      ['greeting', summary(0.9)],
      ['notes', summary(0.1)],
      ['hold', summary(0.6)],
      ['close', summary(null)],
    ]);
    const verdict = calibrationVerdict(summary(0.7), byCriterion);
    expect(verdict.weakest).toEqual([
      { key: 'notes', alpha: 0.1 },
      { key: 'empathy', alpha: 0.41 },
      { key: 'clarity', alpha: 0.55 },
    ]);
    expect(verdict.text).toBe(
      'Tentative: alpha 0.700 over 30 paired answers is between 0.667 and 0.8; good enough for tentative conclusions only. Start with notes (0.100), empathy (0.410), clarity (0.550).',
    );
  });
});
