import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { DEFAULT_MIN_SAMPLE, type SampleAverage } from '../../../src-shared/protocol/coaching-analytics';
import type { AnalyticsQuery, AnalyticsTrendResponse } from '../../../src-shared/protocol/coaching-http';

/**
 * Quality trends grouped in SQL: per agent or team from the evaluations' final scores, per
 * section or skill from their score rows (section and skill keys are stable across versions, so
 * the lines continue). Only coach evaluations past draft count; calibration and self-assessments
 * never do. Every average carries its sample size and whether it is too small to mean much.
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
  const statement = byScores
    ? sql`select key as id, date_trunc(${period}, at, 'UTC') as period, avg(score) as mean, count(*) as n,
          null::text[] as version_ids
        from evaluation_scores
        where dimension = ${query.by} and at >= ${from} and at < ${to}${extra}
        group by 1, 2 order by 1, 2`
    : sql`select ${sql.raw(query.by === 'team' ? 'team_id' : 'agent_id')} as id,
          date_trunc(${period}, submitted_at, 'UTC') as period, avg(final_score) as mean, count(final_score) as n,
          array_agg(distinct version_id) as version_ids
        from evaluations
        where kind = 'coach' and state <> 'draft' and submitted_at >= ${from} and submitted_at < ${to}${extra}
        group by 1, 2 order by 1, 2`;
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
