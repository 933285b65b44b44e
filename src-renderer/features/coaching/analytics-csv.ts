import Papa from 'papaparse';
import type { AnalyticsTrendResponse } from '../../../src-shared/protocol/coaching-http';

/**
 * The trend as CSV: one row per series and period, with the sample size beside every average and
 * whether that sample is too small to mean much, so a spreadsheet cannot lose the caveat.
 */
export function trendCsv(trend: AnalyticsTrendResponse): string {
  const rows = trend.series.flatMap((series) =>
    series.points.map((point) => ({
      [trend.by]: series.label,
      id: series.id,
      period: point.period,
      average: point.mean === null ? '' : point.mean.toFixed(2),
      n: point.n,
      too_few: point.isTooSmall ? 'yes' : 'no',
    })),
  );
  return Papa.unparse(rows, {
    columns: [trend.by, 'id', 'period', 'average', 'n', 'too_few'],
    newline: '\r\n',
  });
}

/** Chart rows: one per period, a column per series holding its average (absent where it has none). */
export function trendChartRows(trend: AnalyticsTrendResponse): Record<string, string | number>[] {
  const byPeriod = new Map<string, Record<string, string | number>>();
  for (const series of trend.series) {
    for (const point of series.points) {
      const row = byPeriod.get(point.period) ?? { period: point.period };
      if (point.mean !== null) row[series.id] = Math.round(point.mean * 10) / 10;
      byPeriod.set(point.period, row);
    }
  }
  return [...byPeriod.values()].sort((a, b) => String(a.period).localeCompare(String(b.period)));
}
