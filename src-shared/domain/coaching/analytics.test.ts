import { describe, expect, it } from 'vitest';
import type { Answer } from '../../protocol/coaching';
import {
  averageOf,
  averagesBy,
  criterionTrends,
  skillBeforeAfter,
  skillScores,
  trendByPeriod,
} from './analytics';
import { form, scale, standard, text, yesNo } from './testing/coaching-fixtures';

const DAY = 86_400_000;
const at = (date: string) => Date.parse(`${date}T12:00:00Z`);

describe('averages carry their sample size', () => {
  it('marks an average below the minimum sample as too small, and has none without values', () => {
    expect(averageOf([80, 90, 100], 5)).toEqual({ mean: 90, n: 3, isTooSmall: true });
    expect(averageOf([80, 90, 100, 70, 60], 5)).toEqual({ mean: 80, n: 5, isTooSmall: false });
    expect(averageOf([], 5)).toEqual({ mean: null, n: 0, isTooSmall: true });
  });

  it('groups per agent, leaving out rows without a score', () => {
    const rows = [
      { agent: 'ana', score: 90 },
      { agent: 'ana', score: 70 },
      { agent: 'ben', score: null },
      { agent: 'ben', score: 60 },
    ];
    const byAgent = averagesBy(
      rows,
      (r) => r.agent,
      (r) => r.score,
      2,
    );
    expect(Object.fromEntries(byAgent)).toEqual({
      ana: { mean: 80, n: 2, isTooSmall: false },
      ben: { mean: 60, n: 1, isTooSmall: true },
    });
  });

  it('averages per week in the team time zone, oldest first, listing the versions behind each point', () => {
    const points = trendByPeriod(
      [
        { at: at('2026-03-10'), value: 80, versionId: 'v2' },
        { at: at('2026-03-02'), value: 60, versionId: 'v1' },
        { at: at('2026-03-04'), value: 70, versionId: 'v1' },
        { at: at('2026-03-12'), value: 100, versionId: 'v1' },
      ],
      { period: 'week', timeZone: 'UTC', minSample: 2 },
    );
    expect(points).toEqual([
      {
        period: '2026-03-02',
        periodStart: '2026-03-02T00:00:00.000Z',
        mean: 65,
        n: 2,
        isTooSmall: false,
        versionIds: ['v1'],
      },
      {
        period: '2026-03-09',
        periodStart: '2026-03-09T00:00:00.000Z',
        mean: 90,
        n: 2,
        isTooSmall: false,
        versionIds: ['v1', 'v2'],
      },
    ]);
  });
});

describe('criterionTrends', () => {
  it('continues a criterion across versions by its key, even when its scale changed', () => {
    const v1 = form(standard('main', 1, [yesNo('greeting'), scale('empathy', { min: 1, max: 5 })]));
    const v2 = form(
      standard('main', 1, [yesNo('greeting'), scale('empathy', { min: 1, max: 4 }), text('notes')]),
    );
    const trends = criterionTrends(
      [
        {
          at: at('2026-03-02'),
          versionId: 'v1',
          content: v1,
          answers: [
            { key: 'greeting', value: true },
            { key: 'empathy', value: 3 },
          ],
        },
        {
          at: at('2026-03-09'),
          versionId: 'v2',
          content: v2,
          answers: [
            { key: 'greeting', value: false },
            { key: 'empathy', value: 4 },
          ],
        },
      ],
      { period: 'week', timeZone: 'UTC', minSample: 1 },
    );
    expect(trends.map((t) => [t.key, t.points.map((p) => [p.period, p.mean, p.versionIds])])).toEqual([
      [
        'empathy',
        [
          ['2026-03-02', 50, ['v1']],
          ['2026-03-09', 100, ['v2']],
        ],
      ],
      [
        'greeting',
        [
          ['2026-03-02', 100, ['v1']],
          ['2026-03-09', 0, ['v2']],
        ],
      ],
    ]);
  });
});

describe('skills', () => {
  const content = form(
    standard('main', 1, [
      scale('empathy', { skill: 'communication', weight: 3 }),
      yesNo('clarity', { skill: 'communication', weight: 1, naAllowed: true }),
      yesNo('process', { skill: 'processes' }),
      yesNo('untagged'),
    ]),
  );

  it('scores each skill as the weighted mean of its criteria, N/A left out', () => {
    const answers: Answer[] = [
      { key: 'empathy', value: 5 },
      { key: 'clarity', value: false },
      { key: 'process', value: null },
      { key: 'untagged', value: true },
    ];
    expect(Object.fromEntries(skillScores(content, answers))).toEqual({ communication: 75, processes: null });
  });

  it('compares a skill in equal windows before and after a coaching follow-up', () => {
    const pivot = at('2026-03-15');
    const evaluations = [
      { at: pivot - 20 * DAY, skills: new Map([['communication', 40]]) },
      { at: pivot - 10 * DAY, skills: new Map([['communication', 50]]) },
      { at: pivot - 2 * DAY, skills: new Map([['communication', 60]]) },
      { at: pivot - 1 * DAY, skills: new Map([['communication', null]]) },
      { at: pivot + 3 * DAY, skills: new Map([['communication', 80]]) },
      { at: pivot + 13 * DAY, skills: new Map([['communication', 90]]) },
      { at: pivot + 30 * DAY, skills: new Map([['communication', 10]]) },
    ];
    expect(
      skillBeforeAfter(evaluations, { skill: 'communication', pivot, windowDays: 14, minSample: 2 }),
    ).toEqual({
      skill: 'communication',
      before: { mean: 55, n: 2, isTooSmall: false },
      after: { mean: 85, n: 2, isTooSmall: false },
      change: 30,
      isTooSmall: false,
    });
    const thin = skillBeforeAfter(evaluations, {
      skill: 'communication',
      pivot,
      windowDays: 5,
      minSample: 2,
    });
    expect(thin).toMatchObject({ before: { n: 1 }, after: { n: 1 }, change: 20, isTooSmall: true });
    expect(
      skillBeforeAfter(evaluations, { skill: 'tone', pivot, windowDays: 14, minSample: 2 }).change,
    ).toBeNull();
  });
});
