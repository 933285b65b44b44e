import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src-server/db/database';
import { scorecardTemplates, scorecardVersions } from '../../../src-server/db/schema';
import { qualityTrend } from '../../../src-server/features/coaching/analytics.repository';
import { buildBenchmarkForm } from '../../../src-shared/domain/coaching/benchmark-form';
import type { AnalyticsQuery } from '../../../src-shared/protocol/coaching-http';
import { ORG } from '../../fixtures/minimal-org';
import { hasPostgres } from '../support/services';
import { startOnOwnDatabase, type DatabaseKind, type TestServer } from '../support/test-server';

const kinds: DatabaseKind[] = ['embedded', ...((await hasPostgres()) ? (['postgres'] as const) : [])];
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 15, 30);

/** What the trend must say: every row of the window grouped on the spot (the query before the rollup). */
async function trendFromRows(db: Db, query: AnalyticsQuery & { from: string; to: string }) {
  const period = sql.raw(`'${query.period}'`);
  const byScores = query.by === 'section' || query.by === 'skill';
  const statement = byScores
    ? sql`select key as id, date_trunc(${period}, at, 'UTC') as period, avg(score) as mean, count(*) as n
        from evaluation_scores where dimension = ${query.by} and at >= ${query.from} and at < ${query.to}
        group by 1, 2 order by 1, 2`
    : sql`select ${sql.raw(query.by === 'team' ? 'team_id' : 'agent_id')} as id,
          date_trunc(${period}, submitted_at, 'UTC') as period, avg(final_score) as mean, count(final_score) as n
        from evaluations where kind = 'coach' and state <> 'draft'
          and submitted_at >= ${query.from} and submitted_at < ${query.to}
        group by 1, 2 order by 1, 2`;
  const result = await db.execute(statement);
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as {
    id: string | null;
    period: string | Date;
    mean: number | string | null;
    n: number | string;
  }[];
  return rows.map((r) => ({
    id: r.id ?? 'none',
    periodStart: new Date(r.period).toISOString(),
    mean: r.mean === null ? null : Number(r.mean),
    n: Number(r.n),
  }));
}

async function trendFromRollup(db: Db, query: AnalyticsQuery) {
  const trend = await qualityTrend(db, query, null);
  return trend.series.flatMap((s) =>
    s.points.map((p) => ({ id: s.id, periodStart: p.periodStart, mean: p.mean, n: p.n })),
  );
}

async function expectSameTrend(db: Db, query: AnalyticsQuery & { from: string; to: string }) {
  const expected = await trendFromRows(db, query);
  const actual = await trendFromRollup(db, query);
  expect(actual.map(({ mean: _mean, ...rest }) => rest)).toEqual(
    expected.map(({ mean: _mean, ...rest }) => rest),
  );
  actual.forEach((point, i) => {
    const mean = expected[i]?.mean ?? null;
    if (mean === null) expect(point.mean).toBeNull();
    else expect(point.mean).toBeCloseTo(mean, 9);
  });
  expect(actual.length).toBeGreaterThan(0);
}

describe.each(kinds)('quality trends read from the daily rollup the database keeps, on %s', (kind) => {
  let server: TestServer;
  let db: Db;
  // A window with a partial day at each edge, so both the rollup and the rows are read.
  const window = { from: new Date(NOW - 40 * DAY).toISOString(), to: new Date(NOW).toISOString() };
  const queries: (AnalyticsQuery & { from: string; to: string })[] = [
    { by: 'agent', period: 'week', ...window },
    { by: 'team', period: 'day', ...window },
    { by: 'skill', period: 'week', ...window },
    { by: 'section', period: 'month', ...window },
  ];

  beforeAll(async () => {
    server = await startOnOwnDatabase(kind);
    db = server.database.db;
    const { content } = buildBenchmarkForm(4);
    await db.insert(scorecardTemplates).values({ id: 'tpl_roll', name: 'Rollup' });
    await db.insert(scorecardVersions).values([
      { id: 'ver_roll_1', templateId: 'tpl_roll', number: 1, status: 'retired', content },
      { id: 'ver_roll_2', templateId: 'tpl_roll', number: 2, status: 'published', content },
    ]);
    await db.execute(sql`insert into contacts (id, channel, status, queue_id, agent_id)
      values ('ct_roll', 'phone', 'closed', ${ORG.queues.en}, ${ORG.users.ana.id})`);
    // 600 evaluations every 100 minutes over ~42 days: coach and self kinds, a few drafts, a few
    // without a final score, one agent without a team, two versions.
    await db.execute(sql`insert into evaluations (id, kind, version_id, contact_id, channel, agent_id, team_id,
        author_id, state, answers, raw_score, final_score, max_score, sections, critical_failures, submitted_at)
      select 'ev_r' || g, case when g % 11 = 0 then 'self' else 'coach' end,
        case when g < 300 then 'ver_roll_1' else 'ver_roll_2' end, 'ct_roll', 'phone',
        (array['usr_ana','usr_ben','usr_eva'])[1 + g % 3],
        case when g % 3 = 2 then 'team_es' when g % 13 = 0 then null else 'team_en' end,
        'usr_carl', case when g % 7 = 0 then 'draft' else 'released' end, '[]'::jsonb,
        g % 100, case when g % 17 = 0 then null else (g * 37) % 101 end, 100, '[]'::jsonb, '[]'::jsonb,
        ${new Date(NOW).toISOString()}::timestamptz - g * interval '100 minutes'
      from generate_series(1, 600) g`);
    await db.execute(sql`insert into evaluation_scores (evaluation_id, dimension, key, score, agent_id, team_id, at)
      select e.id, d, k, (length(e.id) * 13 + length(k) * 7) % 100, e.agent_id, e.team_id, e.submitted_at
      from evaluations e
      cross join (values ('skill', 'empathy'), ('skill', 'process'), ('section', 'opening')) as v(d, k)
      where e.kind = 'coach' and e.state <> 'draft'`);
  });
  afterAll(async () => server?.close());

  it('gives what grouping every row would give, with partial days at both edges', async () => {
    for (const query of queries) await expectSameTrend(db, query);
  });

  it('stays right as evaluations are submitted, re-scored, moved back to draft and deleted', async () => {
    await db.execute(
      sql`update evaluations set state = 'submitted' where state = 'draft' and id like 'ev_r1%'`,
    );
    await db.execute(sql`update evaluations set final_score = final_score / 2 where id like 'ev_r2%'`);
    await db.execute(sql`update evaluations set state = 'draft' where id like 'ev_r3%' and kind = 'coach'`);
    await db.execute(sql`update evaluations set team_id = 'team_es' where id like 'ev_r4%'`);
    await db.execute(sql`update evaluation_scores set score = 100 - score where key = 'empathy'`);
    await db.execute(sql`delete from evaluation_scores where evaluation_id like 'ev_r5%'`);
    await db.execute(sql`delete from evaluation_scores where evaluation_id like 'ev_r6%'`);
    await db.execute(sql`delete from evaluations where id like 'ev_r6%'`);
    for (const query of queries) await expectSameTrend(db, query);
  });

  it('reads the rollup, not every evaluation: one row per series and day', async () => {
    const result = await db.execute(
      sql`select count(*)::int as rows from evaluation_rollups where dimension = 'form'`,
    );
    const rows = ((result as { rows?: unknown[] }).rows ?? result) as { rows: number }[];
    expect(rows[0]?.rows).toBeLessThan(600 / 2);
  });
});
