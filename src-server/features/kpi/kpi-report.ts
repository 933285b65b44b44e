import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { KPI_COUNT_FIELDS, sumCounts, type KpiCounts } from '../../../src-shared/domain/kpi/aggregate';
import { backlogAging, type CaseClock } from '../../../src-shared/domain/kpi/backlog';
import { periodKey } from '../../../src-shared/domain/kpi/intervals';
import { kpiMeasures } from '../../../src-shared/domain/kpi/measures';
import type { BacklogSettings, KpiMeasureSettings } from '../../../src-shared/domain/kpi/settings';
import type { CaseStatus } from '../../../src-shared/protocol/entities';
import type {
  KpiGroup,
  KpiQuery,
  KpiReportResponse,
  KpiReportRow,
} from '../../../src-shared/protocol/kpi-report';
import { teamZones, type QueueFacts } from './kpi-context';
import { SUMMED_COUNTS } from '../../db/kpi-columns';
import type { KpiScope } from './kpi-scope';

export interface KpiReadSettings {
  measures: KpiMeasureSettings;
  backlog: BacklogSettings;
}

export { teamZones };

const LOCAL = sql.raw(`(k.interval_start at time zone coalesce(qz.zone, tz.zone, 'UTC'))`);
/** The period of a row: 15-minute rows by their instant; days, weeks and months from the day rows. */
const PERIOD_SQL: Record<KpiQuery['interval'], SQL> = {
  '15m': sql.raw(`extract(epoch from k.interval_start)::bigint * 1000`),
  day: sql.raw(`to_char(k.day, 'YYYY-MM-DD')`),
  week: sql.raw(`to_char(k.day, 'IYYY-"W"IW')`),
  month: sql.raw(`to_char(k.day, 'YYYY-MM')`),
};
const GROUP_COLUMN: Record<KpiGroup, string> = {
  queue: 'queue_id',
  team: 'team_id',
  agent: 'agent_id',
  channel: 'channel',
};
const GROUP_FIELD: Record<KpiGroup, 'queueId' | 'teamId' | 'agentId' | 'channel'> = {
  queue: 'queueId',
  team: 'teamId',
  agent: 'agentId',
  channel: 'channel',
};
/** Zone offsets reach ±14 h: the UTC window that surely holds every zone's local days. */
const ZONE_SLACK_MS = 15 * 3_600_000;

/** A report line with the counts its measures stand on (the board adds the current moment to them). */
export type KpiLine = KpiReportRow & { counts: KpiCounts };

/** The report's lines: interval rows of the scope summed per period and group, with their measures. */
export async function readKpiLines(
  db: Db,
  query: KpiQuery,
  scope: KpiScope,
  queueFacts: Map<string, QueueFacts>,
  settings: KpiReadSettings,
): Promise<KpiLine[]> {
  const groups = query.groupBy ?? [];
  const byInterval = query.interval === '15m';
  const teamQueues = [...queueFacts.values()].filter((q) => q.teamId === scope.teamId).map((q) => q.id);
  const filters: SQL[] = byInterval
    ? [
        sql`k.interval_start >= ${new Date(Date.parse(query.from) - ZONE_SLACK_MS).toISOString()}::timestamptz`,
        sql`k.interval_start < ${new Date(Date.parse(query.to) + 86_400_000 + ZONE_SLACK_MS).toISOString()}::timestamptz`,
        sql`${LOCAL}::date between ${query.from}::date and ${query.to}::date`,
      ]
    : [sql`k.day between ${query.from}::date and ${query.to}::date`];
  if (scope.queueId !== undefined) filters.push(sql`k.queue_id = ${scope.queueId}`);
  if (scope.agentId !== undefined) filters.push(sql`k.agent_id = ${scope.agentId}`);
  if (scope.channel !== undefined) filters.push(sql`k.channel = ${scope.channel}`);
  if (scope.teamId !== undefined) {
    filters.push(
      sql`(k.team_id = ${scope.teamId} or (k.agent_id = '' and ${inList('k.queue_id', teamQueues)}))`,
    );
  }
  const groupColumns = groups.map((g) => `k.${GROUP_COLUMN[g]} as "${g}"`);
  const zoneColumn = byInterval ? [`coalesce(qz.zone, tz.zone, 'UTC') as zone`] : [];
  const selected = sql.raw([...groupColumns, ...zoneColumn, SUMMED_COUNTS].join(', '));
  const groupBy = sql.raw(
    [
      '1',
      ...groups.map((g) => `k.${GROUP_COLUMN[g]}`),
      ...(zoneColumn.length ? ["coalesce(qz.zone, tz.zone, 'UTC')"] : []),
    ].join(', '),
  );
  // Days were dated in their zone when counted (kpi_days); intervals are dated here.
  const source = byInterval ? intervalsWithZones(queueFacts) : sql.raw('kpi_days k');
  const result = await db.execute(sql`
    select ${PERIOD_SQL[query.interval]} as period, ${selected}
    from ${source}
    where ${sql.join(filters, sql` and `)}
    group by ${groupBy}
    order by 1`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const lines = rows.map((row) => {
    const counts = countsOf(row);
    const period =
      query.interval === '15m'
        ? periodKey(Number(row.period), String(row.zone), 'interval')
        : String(row.period);
    const line: KpiLine = {
      period,
      counts,
      measures: kpiMeasures(counts, settings.measures),
    };
    for (const g of groups) line[GROUP_FIELD[g]] = row[g] === '' ? null : String(row[g]);
    return line;
  });
  // 15-minute keys sort by their instant, not their text (offsets differ across zones).
  if (query.interval === '15m') lines.sort((a, b) => Date.parse(a.period) - Date.parse(b.period));
  return lines;
}

/**
 * The report: interval rows of the scope summed per period (in each row's queue zone) and group
 * in SQL, then the measures of each line (`kpiMeasures`, the same code the board uses for today).
 */
export async function readKpiReport(
  db: Db,
  query: KpiQuery,
  scope: KpiScope,
  queueFacts: Map<string, QueueFacts>,
  settings: KpiReadSettings,
  now: number,
): Promise<KpiReportResponse> {
  const lines = await readKpiLines(db, query, scope, queueFacts, settings);
  const teamQueues = [...queueFacts.values()].filter((q) => q.teamId === scope.teamId).map((q) => q.id);
  const total = kpiMeasures(sumCounts(lines.map((l) => l.counts)), settings.measures);
  const aging = backlogAging(await openCaseClocks(db, scope, teamQueues), now, settings.backlog);
  return {
    from: query.from,
    to: query.to,
    interval: query.interval,
    groupBy: query.groupBy ?? [],
    rows: lines.map(({ counts: _counts, ...line }) => line),
    total,
    backlog: {
      openCases: aging.n,
      oldestDays: aging.oldestDays,
      averageDays: aging.averageDays,
      buckets: aging.buckets,
    },
  };
}

function countsOf(row: Record<string, unknown>): KpiCounts {
  const counts = {} as KpiCounts;
  for (const field of KPI_COUNT_FIELDS) counts[field] = Number(row[field] ?? 0);
  return counts;
}

/** 15-minute rows with the zone of each row's queue (`qz`) and team (`tz`). */
function intervalsWithZones(queueFacts: Map<string, QueueFacts>): SQL {
  const queueZones = [...queueFacts.values()].map((q) => ({ id: q.id, zone: q.timeZone }));
  return sql`kpi_intervals k
    left join jsonb_to_recordset(${JSON.stringify(queueZones)}::jsonb) as qz(id text, zone text) on qz.id = k.queue_id
    left join jsonb_to_recordset(${JSON.stringify(teamZones(queueFacts))}::jsonb) as tz(id text, zone text) on tz.id = k.team_id`;
}

/** `column in (ids)`, the ids as one JSON parameter (an empty list matches nothing). */
function inList(column: string, ids: string[]): SQL {
  return sql`${sql.raw(column)} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/**
 * Open cases of the scope's queues with their age clock: the projection's (pending-customer time
 * kept) or, for a case it has not seen change, one from the case row.
 */
async function openCaseClocks(db: Db, scope: KpiScope, teamQueues: string[]): Promise<CaseClock[]> {
  if (scope.agentId !== undefined) return [];
  const queueFilter =
    scope.queueId !== undefined
      ? sql`and c.queue_id = ${scope.queueId}`
      : scope.teamId !== undefined
        ? sql`and ${inList('c.queue_id', teamQueues)}`
        : sql``;
  const result = await db.execute(sql`
    select c.id, c.created_at, c.updated_at, c.status, f.facts -> 'clock' as clock
    from cases c left join kpi_facts f on f.kind = 'case' and f.id = c.id
    where c.status not in ('resolved', 'closed') ${queueFilter}`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((row) => {
    const stored = row.clock as CaseClock | null;
    if (stored && stored.status === row.status) return stored;
    const status = String(row.status) as CaseStatus;
    return {
      caseId: String(row.id),
      createdAt: new Date(row.created_at as string | Date).getTime(),
      status,
      pendingCustomerMs: stored?.pendingCustomerMs ?? 0,
      pendingCustomerSince:
        status === 'pending_customer' ? new Date(row.updated_at as string | Date).getTime() : null,
    };
  });
}
