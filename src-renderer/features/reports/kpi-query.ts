import type { KpiGroup, KpiInterval } from '../../../src-shared/protocol/kpi-report';
import type { Channel } from '../../../src-shared/protocol/channels';

/** What the report's filters hold. */
export interface KpiFilters {
  from: string;
  to: string;
  interval: KpiInterval;
  groupBy: KpiGroup | 'none';
  channel: Channel | 'all';
}

const localDate = (at: Date): string =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/** The last seven days, today included, by day, nothing split. */
export function defaultFilters(now = new Date()): KpiFilters {
  const weekAgo = new Date(now);
  weekAgo.setDate(now.getDate() - 6);
  return { from: localDate(weekAgo), to: localDate(now), interval: 'day', groupBy: 'none', channel: 'all' };
}

/** The query string of a report with these filters, `overrides` applied. */
export function queryOf(filters: KpiFilters, overrides: Partial<KpiFilters> = {}): Record<string, string> {
  const f = { ...filters, ...overrides };
  return {
    from: f.from,
    to: f.to,
    interval: f.interval,
    ...(f.groupBy === 'none' ? {} : { groupBy: f.groupBy }),
    ...(f.channel === 'all' ? {} : { channel: f.channel }),
  };
}
