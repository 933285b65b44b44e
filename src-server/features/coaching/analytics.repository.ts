import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { DEFAULT_MIN_SAMPLE, type SampleAverage } from '../../../src-shared/protocol/coaching-analytics';
import type { AnalyticsQuery, AnalyticsTrendResponse } from '../../../src-shared/protocol/coaching-http';

/**
 * Quality trends grouped in SQL: per agent or team from the evaluations' final scores, per
 * section or skill from their score rows (section and skill keys are stable across versions, so
 * the lines continue). Whole days are read from the daily `evaluation_rollups` the database keeps
 * on every write, the partial days at the window's edges from the rows themselves. Only coach
 * evaluations past draft count; calibration and self-assessments never do. Every average carries its sample size and whether it is too small to mean much.
 */

interface Row {
  id: string | null;
  period: Date | string;
  mean: number | string | null;
  n: number | string;
  version_ids: string[] | null;
}

const sample = (mean: number | null, n: number, minSample: number): SampleAverage => ({
  mean,
  n,
  isTooSmall: n < minSample,
});

/** The whole UTC days inside [from, to), or null when there is none. */
function wholeDays(from: Date, to: Date) {
  const day = 86_400_000;
  const firstAt = new Date(Math.ceil(from.getTime() / day) * day);
  const endAt = new Date(Math.floor(to.getTime() / day) * day);
  if (endAt <= firstAt) return null;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { firstAt, endAt, first: iso(firstAt), end: iso(endAt) };
}

export async function qualityTrend(
  db: Db,
  query: AnalyticsQuery,
  teamScope: string[] | null,
): Promise<AnalyticsTrendResponse> {
  const minSample = query.minSample ?? DEFAULT_MIN_SAMPLE;
  const from = query.from ? new Date(query.from) : new Date(Date.now() - 90 * 86_400_000);
  const to = query.to ? new Date(query.to) : new Date();
  const byScores = query.by === 'section' || query.by === 'skill';
  const filters: SQL[] = [];
  if (teamScope) filters.push(sql`team_id = any(${sql.param(teamScope)}::text[])`);
  if (query.agent) filters.push(sql`agent_id = ${query.agent}`);
  if (query.team) filters.push(sql`team_id = ${query.team}`);
  const extra = filters.length ? sql` and ${sql.join(filters, sql` and `)}` : sql``;
  const period = sql.raw(`'${query.period}'`);
  const days = wholeDays(from, to);
  const idColumn = sql.raw(query.by === 'team' ? `nullif(team_id, '')` : byScores ? 'key' : 'agent_id');
  // Whole UTC days come from the daily rollup; the partial days at either edge from the rows.
  const rolled = days
    ? sql`select ${idColumn} as id, day::timestamp at time zone 'UTC' as at, total, n, entries, version_id
        from evaluation_rollups
        where dimension = ${byScores ? query.by : 'form'} and day >= ${days.first} and day < ${days.end}${extra}`
    : null;
  const rowIdColumn = sql.raw(query.by === 'team' ? 'team_id' : byScores ? 'key' : 'agent_id');
  // Each edge a plain range, so both engines walk the time index.
  const rowsBetween = (start: Date, end: Date) =>
    byScores
      ? sql`select ${rowIdColumn} as id, at, score as total, 1 as n, 1 as entries, '' as version_id
          from evaluation_scores
          where dimension = ${query.by} and at >= ${start} and at < ${end}${extra}`
      : sql`select ${rowIdColumn} as id, submitted_at as at, coalesce(final_score, 0) as total,
            (final_score is not null)::int as n, 1 as entries, version_id
          from evaluations
          where kind = 'coach' and state <> 'draft' and submitted_at >= ${start} and submitted_at < ${end}${extra}`;
  const raw = days
    ? sql`${rowsBetween(from, days.firstAt)} union all ${rowsBetween(days.endAt, to)}`
    : rowsBetween(from, to);
  const parts = rolled ? sql`${rolled} union all ${raw}` : raw;
  const statement = sql`select id, date_trunc(${period}, at, 'UTC') as period,
      sum(total) / nullif(sum(n), 0) as mean, sum(n) as n,
      ${byScores ? sql`null::text[]` : sql`array_agg(distinct version_id) filter (where entries > 0)`} as version_ids
    from (${parts}) parts
    group by 1, 2 having sum(entries) > 0 order by 1, 2`;
  const result = await db.execute(statement);
  const rows = ((result as { rows?: Row[] }).rows ?? (result as unknown as Row[])) as Row[];
  const series = new Map<string, AnalyticsTrendResponse['series'][number]>();
  const totals = new Map<string, { sum: number; n: number }>();
  for (const row of rows) {
    const id = row.id ?? 'none';
    const n = Number(row.n);
    const mean = row.mean === null ? null : Number(row.mean);
    const start = new Date(row.period);
    const entry = series.get(id) ?? { id, label: id, overall: sample(null, 0, minSample), points: [] };
    entry.points.push({
      ...sample(mean, n, minSample),
      period: start.toISOString().slice(0, 10),
      periodStart: start.toISOString(),
      versionIds: row.version_ids ?? [],
    });
    series.set(id, entry);
    const total = totals.get(id) ?? { sum: 0, n: 0 };
    if (mean !== null) totals.set(id, { sum: total.sum + mean * n, n: total.n + n });
  }
  for (const [id, entry] of series) {
    const total = totals.get(id);
    entry.overall = sample(total && total.n > 0 ? total.sum / total.n : null, total?.n ?? 0, minSample);
  }
  return { by: query.by, series: [...series.values()] };
}
