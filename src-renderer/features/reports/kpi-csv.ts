import Papa from 'papaparse';
import type { KpiMeasuresView, KpiReportRow } from '../../../src-shared/protocol/kpi-report';

/** The measures a table shows, in its column order. */
export const TABLE_MEASURES = [
  'offered',
  'handled',
  'abandoned',
  'serviceLevelPercent',
  'asaSeconds',
  'ahtSeconds',
  'abandonmentRatePercent',
  'firstContactResolutionPercent',
  'occupancyPercent',
  'callbackPunctualityPercent',
  'csatTopBoxPercent',
  'qaScorePercent',
] as const satisfies readonly (keyof KpiMeasuresView)[];

const round = (value: number | null): string => (value === null ? '' : String(Math.round(value * 10) / 10));

/**
 * A report table as CSV through papaparse (names with commas, quotes or line breaks are quoted):
 * the period, the group names, and for each measure its value and its sample size.
 */
export function kpiCsv(rows: readonly KpiReportRow[], nameOf: (row: KpiReportRow) => string): string {
  const fields = ['period', 'group', ...TABLE_MEASURES.flatMap((m) => [m, `${m}_n`])];
  const data = rows.map((row) => [
    row.period,
    nameOf(row),
    ...TABLE_MEASURES.flatMap((m) => [round(row.measures[m].value), String(row.measures[m].n)]),
  ]);
  return Papa.unparse({ fields, data }, { newline: '\r\n' });
}
