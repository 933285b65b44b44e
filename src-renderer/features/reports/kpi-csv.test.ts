import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { KpiMeasuresView, KpiReportRow } from '../../../src-shared/protocol/kpi-report';
import { kpiCsv } from './kpi-csv';

const measure = (value: number | null, n: number) => ({ value, n, isSmallSample: n < 30 });
const measures = (sl: number): KpiMeasuresView =>
  Object.fromEntries(
    [
      'offered',
      'handled',
      'abandoned',
      'shortAbandoned',
      'transferred',
      'escalated',
      'asaSeconds',
      'ahtSeconds',
      'ahtWorkSeconds',
      'ahtHoldSeconds',
      'ahtWrapUpSeconds',
      'serviceLevelPercent',
      'abandonmentRatePercent',
      'averageAbandonSeconds',
      'firstContactResolutionPercent',
      'occupancyPercent',
      'availabilityPercent',
      'callbackPunctualityPercent',
      'csatTopBoxPercent',
      'csatAverage',
      'qaScorePercent',
    ].map((name) => [name, name === 'serviceLevelPercent' ? measure(sl, 9) : measure(null, 0)]),
  ) as KpiMeasuresView;

describe('kpiCsv', () => {
  it('quotes names holding commas, quotes and line breaks, and keeps each sample size', () => {
    const rows: KpiReportRow[] = [
      { period: '2027-03-08', agentId: 'a1', measures: measures(77.777) },
      { period: '2027-03-09', agentId: 'a2', measures: measures(50) },
    ];
    const names: Record<string, string> = { a1: 'Núñez, "Ana"', a2: 'Ben\nSmith' };
    const csv = kpiCsv(rows, (row) => names[row.agentId ?? ''] ?? '');
    const parsed = Papa.parse<string[]>(csv.trim(), { newline: '\r\n' }).data;
    expect(parsed[0]?.slice(0, 4)).toEqual(['period', 'group', 'offered', 'offered_n']);
    expect(parsed[1]?.[1]).toBe('Núñez, "Ana"');
    expect(parsed[2]?.[1]).toBe('Ben\nSmith');
    const sl = parsed[0]?.indexOf('serviceLevelPercent') ?? -1;
    expect([parsed[1]?.[sl], parsed[1]?.[sl + 1]]).toEqual(['77.8', '9']);
    expect(parsed[1]?.[2]).toBe('');
  });
});
