import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AnalyticsTrendResponse } from '../../../src-shared/protocol/coaching-http';
import { trendChartRows, trendCsv } from './analytics-csv';

const point = (period: string, mean: number | null, n: number, isTooSmall: boolean) => ({
  period,
  periodStart: `${period}T00:00:00.000Z`,
  mean,
  n,
  isTooSmall,
  versionIds: ['v1'],
});

const trend: AnalyticsTrendResponse = {
  by: 'agent',
  series: [
    {
      id: 'a1',
      label: 'Ana, "the closer"',
      overall: { mean: 80, n: 7, isTooSmall: false },
      points: [point('2026-01-05', 82.25, 5, false), point('2026-01-12', 77, 2, true)],
    },
    {
      id: 'a2',
      label: 'Ben',
      overall: { mean: null, n: 0, isTooSmall: true },
      points: [point('2026-01-12', null, 0, true)],
    },
  ],
};

describe('analytics CSV', () => {
  it('keeps the sample size and the "too few" mark beside every average, and quotes names', () => {
    const parsed = Papa.parse<Record<string, string>>(trendCsv(trend), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toEqual([
      { agent: 'Ana, "the closer"', id: 'a1', period: '2026-01-05', average: '82.25', n: '5', too_few: 'no' },
      {
        agent: 'Ana, "the closer"',
        id: 'a1',
        period: '2026-01-12',
        average: '77.00',
        n: '2',
        too_few: 'yes',
      },
      { agent: 'Ben', id: 'a2', period: '2026-01-12', average: '', n: '0', too_few: 'yes' },
    ]);
  });

  it('lays the series side by side per period for the chart, leaving gaps where there is no value', () => {
    expect(trendChartRows(trend)).toEqual([
      { period: '2026-01-05', a1: 82.3 },
      { period: '2026-01-12', a1: 77 },
    ]);
  });
});
