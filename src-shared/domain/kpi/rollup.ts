import { KPI_COUNT_FIELDS, emptyCounts, type KpiCounts, type KpiKey, type KpiRow } from './aggregate';
import { periodKey, type Granularity } from './intervals';

/** The dimensions a report can group by besides the period. */
export const KPI_DIMENSIONS = ['queueId', 'channel', 'agentId', 'teamId'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

/** One line of a report: a period, the values of the grouped dimensions, and the summed counts. */
export interface RolledUpRow {
  period: string;
  dimensions: Partial<Pick<KpiKey, KpiDimension>>;
  counts: KpiCounts;
}

/**
 * Sums interval rows into periods of `granularity` (day, week, month in the row's zone — the
 * queue's own; `zoneOf` answers for presence rows too, which have no queue) and the dimensions in
 * `groupBy`; other dimensions are summed over. Rows come out in the order their first row came.
 */
export function rollUp(
  rows: Iterable<KpiRow>,
  granularity: Granularity,
  zoneOf: (key: KpiKey) => string,
  groupBy: readonly KpiDimension[],
): RolledUpRow[] {
  const groups = new Map<string, RolledUpRow>();
  // Many rows share an interval and a zone: name each period once.
  const periods = new Map<string, string>();
  for (const { key, counts } of rows) {
    const zone = zoneOf(key);
    const periodId = `${key.interval}|${zone}`;
    let period = periods.get(periodId);
    if (period === undefined) {
      period = periodKey(key.interval, zone, granularity);
      periods.set(periodId, period);
    }
    const dimensions: Partial<Pick<KpiKey, KpiDimension>> = {};
    for (const dimension of groupBy) Object.assign(dimensions, { [dimension]: key[dimension] });
    const id = [period, ...groupBy.map((d) => key[d] ?? '')].join('|');
    let group = groups.get(id);
    if (!group) {
      group = { period, dimensions, counts: emptyCounts() };
      groups.set(id, group);
    }
    // The group's counts are this function's own: add in place (a year of rows is a lot of objects).
    for (const field of KPI_COUNT_FIELDS) group.counts[field] += counts[field];
  }
  return [...groups.values()];
}
